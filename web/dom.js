// DOM helpers. Text is set with textContent only, never parsed as HTML.

export const $ = (sel, root = document) => root.querySelector(sel);
export const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];

/** Builds an element; children are nodes or text (never parsed as HTML). */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== undefined && c !== null && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}

/**
 * Replaces el's children. An input marked data-keep="<key>" keeps what was being typed
 * in it when the redraw brings an input of the same key (a list reloaded under a note).
 */
export function fill(el, ...nodes) {
  const typed = new Map($$('[data-keep]', el).filter((i) => i.value).map((i) => [i.dataset.keep, i.value]));
  el.replaceChildren(...nodes.flat().filter(Boolean));
  if (typed.size) for (const i of $$('[data-keep]', el)) if (typed.has(i.dataset.keep)) i.value = typed.get(i.dataset.keep);
}

/** A table; each cell carries its column's name (data-label), so a phone can stack a row as labelled lines. */
export const table = (head, rows, rowClass) =>
  h('div', { class: 'table-wrap' }, h('table', {}, h('thead', {}, h('tr', {}, head.map((x) => h('th', { scope: 'col', text: x })))), h('tbody', {}, rows.map((r, i) => h('tr', { class: rowClass ? rowClass(i) : undefined }, r.map((c, j) => h('td', { 'data-label': head[j] }, c === '' ? null : c)))))));

/** Hands a file to the browser's download. */
export function saveFile(name, blob) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
