// The stay file of a person isolated at home: the home address and grid cell, the
// three-person team (names, roles, phones) and the end-date ledger (every change
// with the old and new last day, why and who). Hidden for a hotel stay.
// screen-stay.js calls showHomePanel(stay) when a file opens and relabels it.
import { api } from './api.js';
import { $, fill, h, table } from './dom.js';
import { register, t } from './i18n.js';
import { fid } from './state.js';

register({
  en: {
    'home.title': 'Home isolation',
    'home.address': 'Home address',
    'home.community': 'Community',
    'home.gridCell': 'Grid cell',
    'home.team': 'Team',
    'home.onDuty': 'on duty: {slots}',
    'home.ledger': 'Last day: changes',
    'home.ledger.at': 'When',
    'home.ledger.change': 'Last day',
    'home.ledger.reason': 'Reason',
    'home.ledger.who': 'By',
    'home.ledger.none': 'No change of the last day.',
    'ledger.check_in': 'registered',
    'ledger.schedule_changed': 'changed',
    'ledger.continued_at_home': 'continued at home',
    'ledger.continued_from_hotel': 'continued from the hotel',
  },
  zh: {
    'home.title': '居家隔离',
    'home.address': '居家地址',
    'home.community': '社区',
    'home.gridCell': '网格',
    'home.team': '三人小组',
    'home.onDuty': '值班：{slots}',
    'home.ledger': '期满日变更记录',
    'home.ledger.at': '时间',
    'home.ledger.change': '期满日',
    'home.ledger.reason': '原因',
    'home.ledger.who': '操作人',
    'home.ledger.none': '期满日未变更。',
    'ledger.check_in': '登记',
    'ledger.schedule_changed': '变更',
    'ledger.continued_at_home': '转居家',
    'ledger.continued_from_hotel': '自酒店转入',
  },
});

let shown;

function panel() {
  let el = $('#stay-home');
  if (!el) {
    el = h('section', { id: 'stay-home', class: 'card', 'aria-labelledby': 'stay-home-h' });
    $('#stay-facts').after(el);
  }
  return el;
}

function draw({ stay, team, ledger }) {
  const el = panel();
  const fact = (k, v) => h('div', {}, h('dt', { text: t(k) }), h('dd', { text: v || '—' }));
  const members = team
    ? ['cadre', 'doctor', 'police'].map((r) => {
        const m = team.members[r];
        const duty = ['morning', 'evening'].filter((s) => ((team.duty && team.duty[s]) || 'cadre') === r).map((s) => t(`slot.${s}`));
        return h('li', {},
          h('strong', { text: `${t(`team.role.${r}`)} ` }), m.name, ' ',
          h('a', { class: 'meta tel', href: `tel:${m.phone.replace(/[^+0-9]/g, '')}`, text: m.phone }),
          duty.length ? h('span', { class: 'meta', text: ` · ${t('home.onDuty', { slots: duty.join(' / ') })}` }) : '');
      })
    : [];
  const entries = ledger ? ledger.entries : [];
  fill(el,
    h('h3', { id: 'stay-home-h', text: t('home.title') }),
    h('dl', { class: 'facts' },
      fact('home.address', stay.home.address),
      fact('home.community', stay.home.community),
      fact('home.gridCell', stay.home.gridCell),
      h('div', {}, h('dt', { text: t('home.team') }), h('dd', {}, team ? h('a', { href: `#team/${encodeURIComponent(team.teamId)}`, text: team.name }) : '—'))),
    members.length ? h('ul', { class: 'plain', id: 'stay-home-team' }, members) : '',
    h('h4', { text: t('home.ledger') }),
    entries.length
      ? table(
          [t('home.ledger.at'), t('home.ledger.change'), t('home.ledger.reason'), t('home.ledger.who')],
          entries.map((e) => [
            e.at.slice(0, 16).replace('T', ' '),
            `${t(`ledger.${e.event}`)}: ${e.oldEndDate ? `${e.oldEndDate} → ` : ''}${e.newEndDate}`,
            e.reason,
            e.actor,
          ]),
        )
      : h('p', { class: 'meta', text: t('home.ledger.none') }),
  );
  el.hidden = false;
}

/** Shows (or hides) the home part of the file for `stay`. */
export async function showHomePanel(stay) {
  shown = undefined;
  const el = $('#stay-home');
  if (!stay.home) {
    if (el) el.hidden = true;
    return;
  }
  const [teams, ledger] = await Promise.all([
    stay.teamId ? api('GET', `/facilities/${encodeURIComponent(stay.facilityId || fid())}/teams`) : Promise.resolve(undefined),
    api('GET', `/stays/${encodeURIComponent(stay.stayId)}/schedule-ledger`),
  ]);
  const team = teams && teams.ok ? teams.data.teams.find((x) => x.teamId === stay.teamId) : undefined;
  shown = { stay, team, ledger: ledger.ok ? ledger.data : undefined };
  draw(shown);
}

export function relabelHomePanel() {
  if (shown) draw(shown);
}
