// The room board: every room as a tile (free, occupied, cleaning), the occupant's
// day and today's checks; a tile opens the person's file.
import { api } from './api.js';
import { checkBadges, checksSentence } from './checks.js';
import { $, fill, h } from './dom.js';
import { register, t } from './i18n.js';
import { say, showProblem } from './notice.js';
import { fid } from './state.js';

register({
  en: {
    'state.free': 'Free',
    'state.occupied': 'Occupied',
    'state.cleaning': 'Cleaning',
    'board.title': 'Room board',
    'board.missingOnly': 'Only rooms with missing checks',
    'board.legendMissing': 'Check missing',
    'board.legendAlert': 'Fever / symptom',
    'board.summary': '{date} · {occupied} occupied · {free} free · {cleaning} cleaning · {missing} missing checks · {alerts} with fever or symptom',
    'board.day': 'Day {n}',
    'board.open': 'Room {room}: {name}, day {day}. {checks}',
    'board.empty': 'No rooms yet. An administrator adds rooms to the facility.',
  },
  zh: {
    'state.free': '空闲',
    'state.occupied': '入住',
    'state.cleaning': '清洁中',
    'board.title': '房间挂图',
    'board.missingOnly': '只看缺少测温的房间',
    'board.legendMissing': '缺测温',
    'board.legendAlert': '发热/症状',
    'board.summary': '{date} · 入住 {occupied} · 空闲 {free} · 清洁 {cleaning} · 缺测温 {missing} · 发热或症状 {alerts}',
    'board.day': '第 {n} 天',
    'board.open': '{room} 房：{name}，第 {day} 天。{checks}',
    'board.empty': '还没有房间。请管理员为隔离点添加房间。',
  },
});

/** The last board the server sent. */
let board = null;

async function showBoard() {
  say(t('loading'));
  const r = await api('GET', `/facilities/${fid()}/board`);
  say('');
  if (!r.ok) return showProblem(r);
  board = r.data;
  renderBoard();
}

function renderBoard() {
  const b = board;
  if (!b) return;
  $('#board-summary').textContent = t('board.summary', { date: b.date, ...b.counts, missing: (b.checks && b.checks.missing) || 0, alerts: (b.checks && b.checks.alerts) || 0 });
  const onlyMissing = $('#board-missing-only').checked;
  const tiles = b.rooms
    .filter((room) => !onlyMissing || (room.occupant && room.occupant.checks && (room.occupant.checks.missing.length || room.occupant.checks.alert)))
    .map((room) => {
      const o = room.occupant;
      const head = h('span', { class: 'num' }, h('span', { text: room.roomNumber }), h('span', { class: 'state', text: t(`state.${room.state}`) }));
      if (!o) return h('li', { class: `tile ${room.state}`, 'data-room': room.roomNumber }, head);
      const c = o.checks || { missing: [] };
      const cls = `tile occupied${c.missing.length ? ' missing' : ''}${c.alert ? ' alert' : ''}`;
      return h(
        'li',
        { 'data-room': room.roomNumber },
        h(
          'button',
          { type: 'button', class: cls, 'aria-label': t('board.open', { room: room.roomNumber, name: o.nameNative, day: o.dayOfStay, checks: checksSentence(o.checks) }), onclick: () => (location.hash = `#stay/${o.stayId}`) },
          head,
          h('span', { class: 'name', text: o.nameNative }),
          h('span', { class: 'latin', text: o.nameLatin }),
          h('span', { class: 'day', text: t('board.day', { n: o.dayOfStay }) }),
          h('span', { class: 'badges' }, checkBadges(o.checks)),
        ),
      );
    });
  fill($('#board-grid'), tiles.length ? tiles : [h('li', { text: t('board.empty') })]);
}

export default {
  view: 'board',
  init() {
    $('#board-refresh').addEventListener('click', showBoard);
    $('#board-missing-only').addEventListener('change', renderBoard);
  },
  show: showBoard,
  relabel: renderBoard,
};
