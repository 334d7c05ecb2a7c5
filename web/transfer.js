// Transfer to hospital (a positive result, or a doctor's decision): asked in a dialog
// from the board's tile or the person's file, named by room and person. The server
// closes the stay and sends the room to cleaning; refusals come back in the banner.
import { api } from './api.js';
import { h } from './dom.js';
import { register, t } from './i18n.js';
import { issueText, showProblem } from './notice.js';

register({
  en: {
    'xfer.button': 'Transfer to hospital',
    'xfer.title': 'Transfer to hospital: room {room} {name}',
    'xfer.destination': 'Hospital',
    'xfer.note': 'Note (optional)',
    'xfer.confirm': 'Confirm the transfer',
    'xfer.cancel': 'Cancel',
    'xfer.done': 'Room {room} {name} transferred to {destination}. The room goes to cleaning.',
  },
  zh: {
    'xfer.button': '转运至医院',
    'xfer.title': '转运至医院：{room} 房 {name}',
    'xfer.destination': '医院',
    'xfer.note': '备注（可不填）',
    'xfer.confirm': '确认转运',
    'xfer.cancel': '取消',
    'xfer.done': '{room} 房 {name} 已转运至 {destination}。房间转为清洁中。',
  },
});

/** Opens the dialog; resolves with the success message, or null when cancelled or refused. */
export function askTransfer(who) {
  return new Promise((resolve) => {
    const dest = h('input', { id: 'xfer-destination', name: 'destination', required: true, minlength: '2', maxlength: '200', autocomplete: 'off' });
    const note = h('textarea', { id: 'xfer-note', name: 'note', rows: '2', maxlength: '1000' });
    const dialog = h('dialog', { class: 'xfer', 'aria-labelledby': 'xfer-h' });
    const errors = h('div', { role: 'alert' });
    const close = (value) => {
      dialog.close();
      dialog.remove();
      resolve(value);
    };
    const form = h(
      'form',
      { method: 'dialog', novalidate: true },
      h('h3', { id: 'xfer-h', text: t('xfer.title', { room: who.roomNumber, name: who.name }) }),
      h('div', { class: 'field' }, h('label', { for: 'xfer-destination', text: t('xfer.destination') }), dest),
      h('div', { class: 'field' }, h('label', { for: 'xfer-note', text: t('xfer.note') }), note),
      errors,
      h('div', { class: 'row' },
        h('button', { type: 'submit', class: 'danger', text: t('xfer.confirm') }),
        h('button', { type: 'button', class: 'secondary', text: t('xfer.cancel'), onclick: () => close(null) }),
      ),
    );
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const body = { ...(dest.value.trim() ? { destination: dest.value.trim() } : {}), ...(note.value.trim() ? { note: note.value.trim() } : {}) };
      const r = await api('POST', `/stays/${encodeURIComponent(who.stayId)}/transfer`, body);
      if (r.status === 400 && r.data && r.data.issues) {
        // Field issues stay in the dialog, next to the form, named by the field's label.
        const labels = { destination: t('xfer.destination'), note: t('xfer.note') };
        errors.replaceChildren(...r.data.issues.map((i) => h('p', { class: 'field-error', text: issueText(i, labels[i.path] || i.path) })));
        (r.data.issues.some((i) => i.path === 'note') ? note : dest).focus();
        return;
      }
      close(r.ok ? t('xfer.done', { room: who.roomNumber, name: who.name, destination: body.destination }) : null);
      if (!r.ok) showProblem(r);
    });
    dialog.append(form);
    document.body.append(dialog);
    dialog.showModal();
    dest.focus();
  });
}
