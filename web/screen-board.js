// The room board, floor by floor: every room as a tile (free, occupied, cleaning,
// inspected) with its beds, everyone in it, their day and today's checks (a name
// opens the person's file), and the readiness steps per room and per floor.
import { api } from './api.js';
import { checkBadges, checksSentence } from './checks.js';
import { $, fill, h } from './dom.js';
import { register, t } from './i18n.js';
import { banner, say, showProblem } from './notice.js';
import { fid } from './state.js';
import { isoToLocal, tz } from './time.js';

register({
  en: {
    'state.free': 'Free',
    'state.occupied': 'Occupied',
    'state.cleaning': 'Cleaning',
    'state.inspected': 'Inspected',
    'board.title': 'Room board',
    'board.missingOnly': 'Only rooms with missing checks',
    'board.legendMissing': 'Check missing',
    'board.legendAlert': 'Fever / symptom',
    'board.summary': '{date} · {occupied} occupied · {free} free · {cleaning} cleaning · {inspected} inspected · beds {used}/{total} · {missing} missing checks · {alerts} with fever or symptom',
    'board.day': 'Day {n}',
    'board.open': 'Room {room}: {name}, day {day}. {checks}',
    'board.empty': 'No rooms yet. An administrator adds rooms to the facility.',
    'board.floor': 'Floor {floor}',
    'board.noFloor': 'Other rooms',
    'board.beds': '{used}/{capacity} beds',
    'board.inspect': 'Inspected',
    'board.offer': 'Offer again',
    'board.inspectFloor': 'Inspected: all {n} rooms being cleaned',
    'board.offerFloor': 'Offer again: {n} rooms',
    'board.inspectedBy': 'Inspected {at}',
    'board.needsInspection': 'Inspection required before a room is offered again',
    'board.inspectRoom': 'Room {room}: inspected',
    'board.offerRoom': 'Room {room}: offer again',
    'board.refusedSteps': 'Not changed: {rooms}',
  },
  zh: {
    'state.free': '空闲',
    'state.occupied': '入住',
    'state.cleaning': '清洁中',
    'state.inspected': '已查验',
    'board.title': '房间挂图',
    'board.missingOnly': '只看缺少测温的房间',
    'board.legendMissing': '缺测温',
    'board.legendAlert': '发热/症状',
    'board.summary': '{date} · 入住 {occupied} · 空闲 {free} · 清洁 {cleaning} · 已查验 {inspected} · 床位 {used}/{total} · 缺测温 {missing} · 发热或症状 {alerts}',
    'board.day': '第 {n} 天',
    'board.open': '{room} 房：{name}，第 {day} 天。{checks}',
    'board.empty': '还没有房间。请管理员为隔离点添加房间。',
    'board.floor': '{floor} 层',
    'board.noFloor': '其他房间',
    'board.beds': '{used}/{capacity} 床',
    'board.inspect': '已查验',
    'board.offer': '重新放房',
    'board.inspectFloor': '本层 {n} 间清洁房已查验',
    'board.offerFloor': '本层 {n} 间重新放房',
    'board.inspectedBy': '查验于 {at}',
    'board.needsInspection': '本隔离点要求查验后才能重新放房',
    'board.inspectRoom': '{room} 房：已查验',
    'board.offerRoom': '{room} 房：重新放房',
    'board.refusedSteps': '未变更：{rooms}',
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

/** One readiness step for some rooms (a tile's button) or a floor. */
async function step(action, target) {
  const r = await api('POST', `/facilities/${fid()}/rooms/readiness`, { action, ...target });
  if (!r.ok) return showProblem(r);
  await showBoard();
  if (r.data.refused.length) banner([t('board.refusedSteps', { rooms: r.data.refused.map((x) => `${x.roomNumber}`).join(', ') })]);
}

const canOffer = (room) => room.state === 'inspected' || (room.state === 'cleaning' && !board.inspectionRequired);

function occupantButton(room, o) {
  return h(
    'button',
    { type: 'button', class: 'who', 'aria-label': t('board.open', { room: room.roomNumber, name: o.nameNative, day: o.dayOfStay, checks: checksSentence(o.checks) }), onclick: () => (location.hash = `#stay/${o.stayId}`) },
    h('span', { class: 'name', text: o.nameNative }),
    h('span', { class: 'latin', text: o.nameLatin }),
    h('span', { class: 'day', text: t('board.day', { n: o.dayOfStay }) }),
    h('span', { class: 'badges' }, checkBadges(o.checks)),
  );
}

function tile(room) {
  const head = h('span', { class: 'num' }, h('span', { text: room.roomNumber }), h('span', { class: 'state', text: t(`state.${room.state}`) }));
  const beds = room.capacity > 1 ? h('span', { class: 'beds', text: t('board.beds', { used: room.occupants.length, capacity: room.capacity }) }) : '';
  const zone = room.zone ? h('span', { class: 'zone', text: room.zone }) : '';
  const people = room.occupants || [];
  if (people.length === 1) {
    const o = people[0];
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
        beds,
        zone,
      ),
    );
  }
  if (people.length > 1) {
    const missing = people.some((o) => o.checks && o.checks.missing.length);
    const alert = people.some((o) => o.checks && o.checks.alert);
    return h('li', { 'data-room': room.roomNumber }, h('div', { class: `tile occupied many${missing ? ' missing' : ''}${alert ? ' alert' : ''}` }, head, beds, people.map((o) => occupantButton(room, o)), zone));
  }
  const actions = [];
  if (room.state === 'cleaning') actions.push(h('button', { type: 'button', class: 'secondary small', 'aria-label': t('board.inspectRoom', { room: room.roomNumber }), text: t('board.inspect'), onclick: () => step('inspect', { rooms: [room.roomNumber] }) }));
  if (canOffer(room)) actions.push(h('button', { type: 'button', class: 'secondary small', 'aria-label': t('board.offerRoom', { room: room.roomNumber }), text: t('board.offer'), onclick: () => step('free', { rooms: [room.roomNumber] }) }));
  const inspected = room.state === 'inspected' && room.inspectedAt ? h('span', { class: 'day', text: t('board.inspectedBy', { at: isoToLocal(room.inspectedAt, tz()).replace('T', ' ').slice(5, 16) }) }) : '';
  return h('li', { class: `tile ${room.state}`, 'data-room': room.roomNumber }, head, room.capacity > 1 ? h('span', { class: 'beds', text: t('board.beds', { used: 0, capacity: room.capacity }) }) : '', zone, inspected, actions.length ? h('span', { class: 'actions' }, actions) : '');
}

function renderBoard() {
  const b = board;
  if (!b) return;
  $('#board-summary').textContent = t('board.summary', { date: b.date, ...b.counts, used: b.beds ? b.beds.used : 0, total: b.beds ? b.beds.total : 0, missing: (b.checks && b.checks.missing) || 0, alerts: (b.checks && b.checks.alerts) || 0 });
  $('#board-policy').hidden = !b.inspectionRequired;
  const onlyMissing = $('#board-missing-only').checked;
  const shown = b.rooms.filter((room) => !onlyMissing || (room.occupants || []).some((o) => o.checks && (o.checks.missing.length || o.checks.alert)));
  if (!shown.length) return fill($('#board-grid'), h('p', { text: t('board.empty') }));
  const floors = [...new Set(b.rooms.map((r) => r.floor || ''))];
  const sections = floors.map((floor) => {
    const rooms = shown.filter((r) => (r.floor || '') === floor);
    if (!rooms.length) return '';
    const all = b.rooms.filter((r) => (r.floor || '') === floor);
    const cleaning = all.filter((r) => r.state === 'cleaning').length;
    const offerable = all.filter(canOffer).length;
    const title = floor ? t('board.floor', { floor }) : t('board.noFloor');
    const actions = [
      cleaning && floor ? h('button', { type: 'button', class: 'secondary small', text: t('board.inspectFloor', { n: cleaning }), onclick: () => step('inspect', { floor }) }) : '',
      offerable && floor ? h('button', { type: 'button', class: 'secondary small', text: t('board.offerFloor', { n: offerable }), onclick: () => step('free', { floor }) }) : '',
    ];
    return h('section', { class: 'floor', 'aria-label': title }, h('div', { class: 'floor-head' }, h('h3', { text: title }), actions), h('ul', { class: 'rooms', 'aria-label': title }, rooms.map(tile)));
  });
  fill($('#board-grid'), sections);
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
