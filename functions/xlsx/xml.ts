// Just enough XML for SpreadsheetML parts: a tokenizer over tags and text (names
// without their namespace prefix, as writers differ: `c`, `x:c`), entity decoding,
// and escaping for what we write. Comments, processing instructions, DOCTYPE skipped;
// CDATA kept as text.

export type XmlToken =
  | { kind: 'open'; name: string; attrs: Record<string, string>; empty: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string };

const TOKEN = /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<\/\s*([^\s>]+)\s*>|<([^\s/>]+)((?:\s+[^\s=]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/gy;
const ATTR = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (all, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return NAMED[e] ?? all;
  });
}

/** Attributes by their full name and, unless taken, their local name (`r:id` is also `id`). */
function attributes(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of source.matchAll(ATTR)) {
    const value = decodeEntities(m[2] ?? m[3] ?? '');
    attrs[m[1] as string] = value;
    const local = localName(m[1] as string);
    if (!(local in attrs)) attrs[local] = value;
  }
  return attrs;
}

export function* tokens(xml: string): Generator<XmlToken> {
  const re = new RegExp(TOKEN); // own lastIndex: generators may interleave
  let at = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    at = re.lastIndex;
    if (m[1] !== undefined) yield { kind: 'text', text: m[1] };
    else if (m[2] !== undefined) yield { kind: 'close', name: localName(m[2]) };
    else if (m[3] !== undefined) yield { kind: 'open', name: localName(m[3]), attrs: attributes(m[4] ?? ''), empty: m[5] === '/' };
    else if (m[6] !== undefined) yield { kind: 'text', text: decodeEntities(m[6]) };
  }
  if (at < xml.length) throw new Error('malformed XML');
}

/** Every element `name` with its attributes, in document order (for flat lists: sheets, rels, xf, numFmt). */
export function elements(xml: string, name: string, inside?: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  let depth = inside ? 0 : 1;
  for (const t of tokens(xml)) {
    if (inside && t.kind === 'open' && t.name === inside && !t.empty) depth++;
    else if (inside && t.kind === 'close' && t.name === inside) depth--;
    else if (t.kind === 'open' && t.name === name && depth > 0) out.push(t.attrs);
  }
  return out;
}

/** Excel's `_xHHHH_` escapes for characters XML cannot carry (`_x000D_` is a carriage return). */
export const unescapeOoxml = (s: string) => (s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s);

/** Text for an XML element: markup escaped, control characters and a literal `_xHHHH_` as Excel escapes them. */
export function escapeText(s: string): string {
  return s
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(/[\u0000-\u0008\u000b\u000c\u000d\u000e-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');
