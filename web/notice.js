// What the page tells the user: the status line, the banner (refusals, errors) and
// result boxes. A refused request (a problem+json body) is shown issue by issue next
// to its field, and summed up in the banner.
import { $, $$, h } from './dom.js';
import { clearFieldErrors, fieldFor, labelOf } from './forms.js';
import { lang, lookup, t } from './i18n.js';
import { issueMessage, reasonMessage } from './problem-messages.js';

export function say(text) {
  $('#status').textContent = text;
}

export function clearBanner() {
  const b = $('#banner');
  b.hidden = true;
  b.className = 'banner';
  b.replaceChildren();
}

export function banner(lines, list, kind) {
  const b = $('#banner');
  b.className = kind === 'info' ? 'banner info' : 'banner';
  b.replaceChildren(...lines.filter(Boolean).map((l) => h('p', { text: l })), list && list.length ? h('ul', {}, list.map((l) => h('li', {}, l))) : '');
  b.hidden = false;
  b.setAttribute('tabindex', '-1');
  b.focus({ preventScroll: false });
}

/** A field issue in the page's language, from its code (`label`: the field's label). */
export function issueText(issue, label) {
  return issueMessage(issue, label);
}

/** A refusal reason in the page's language, from its code. */
export function reasonText(x) {
  return reasonMessage(x);
}

export function result(el, lines, kind) {
  el.className = `result${kind ? ` ${kind}` : ''}`;
  el.replaceChildren(...lines.filter(Boolean).map((l) => (l instanceof Node ? l : h('p', { text: l }))));
}

/**
 * Shows a refused request: each issue next to its field (and, as a summary, in the
 * banner with a button that moves to the field); reasons and unplaced issues in the banner.
 */
export function showProblem(r, form) {
  if (r.network) return banner([t('err.network')]);
  if (r.status >= 500 || !r.data) return banner([t('err.server', { status: r.status })]);
  if (form) clearFieldErrors(form);
  const p = r.data;
  const loose = [];
  const placed = [];
  let first = null;
  for (const issue of p.issues || []) {
    const el = form && fieldFor(form, issue.path);
    if (!el) {
      loose.push(issueText(issue, issue.path));
      continue;
    }
    const anchor = el.closest('fieldset.inline') || el;
    const id = `${(anchor.id || el.id || el.name).replace(/[^\w-]/g, '_')}-err`;
    let msg = document.getElementById(id);
    if (!msg) {
      msg = h('p', { class: 'field-error', id });
      (anchor.closest('.field') || anchor).append(msg);
    }
    const text = issueText(issue, labelOf(el, anchor));
    msg.textContent = msg.textContent ? `${msg.textContent} ${text}` : text;
    const target = anchor.matches('fieldset') ? $$('input', anchor) : [el];
    for (const c of target) {
      c.setAttribute('aria-invalid', 'true');
      const ids = new Set((c.getAttribute('aria-describedby') || '').split(' ').filter(Boolean));
      ids.add(id);
      c.setAttribute('aria-describedby', [...ids].join(' '));
    }
    first = first || target[0];
    const focusTarget = target[0];
    placed.push(h('button', { type: 'button', class: 'link', onclick: () => focusTarget.focus() }, text));
  }
  const reasons = (p.reasons || []).map(reasonText);
  const zhTitle = lookup(`title.${r.status}`, 'zh');
  const title = lang() === 'zh' && zhTitle ? zhTitle : p.title;
  // The detail is the server's English sentence: the reasons and issues say it from codes.
  const detail = lang() === 'zh' && (reasons.length || (p.issues && p.issues.length) || zhTitle) ? '' : p.detail;
  banner([title, detail, p.issues && p.issues.length ? t('err.fields') : ''], [...reasons, ...placed, ...loose]);
  if (first) first.focus();
}
