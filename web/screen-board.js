// The room board, floor by floor: every room as a tile with its beds and everyone in
// it. A person shows the most urgent thing about them (positive awaiting transfer,
// fever or symptom, check missing, retest due, release due, period expired); an empty
// room its state (free, cleaning, inspected) and its readiness steps, per room and per
// floor. The counts above are the filters. Search by name (native or Latin) or room; a
// compact view fits 300 rooms in a few screens. The board refreshes itself each minute
// while it is shown, and coming back from a file returns to where the nurse was.
import { api } from './api.js';
import { checkBadges, checksSentence } from './checks.js';
import { $, fill, h } from './dom.js';
import { downloadExport } from './download.js';
import { lang, register, t } from './i18n.js';
import { banner, say, showProblem } from './notice.js';
import { fid } from './state.js';
import { isoToLocal, tz } from './time.js';
import { askTransfer } from './transfer.js';

register({
  en: {
    'state.free': 'Free',
    'state.occupied': 'Occupied',
    'state.cleaning': 'Cleaning',
    'state.inspected': 'Inspected',
    'board.title': 'Room board',
    'board.countsLabel': 'What needs action (choose one to show only those rooms)',
    'board.search': 'Search: name or room',
    'board.filter': 'Show',
    'board.compact': 'Compact',
    'board.all': 'All rooms ({n})',
    'board.updated': 'updated {time}',
    'board.noMatch': 'No room matches.',
    'flag.positive': 'Positive: transfer',
    'flag.alert': 'Fever / symptom',
    'flag.missing': 'Check missing',
    'flag.retest_due': 'Retest today',
    'flag.release_due': 'Release due',
    'flag.expired': 'Period over',
    'count.positive': 'Positive, awaiting transfer {n}',
    'count.alert': 'Fever or symptom {n}',
    'count.missing': 'Check missing {n}',
    'count.retest_due': 'Retest today {n}',
    'count.release_due': 'Release due {n}',
    'count.expired': 'Period over, not released {n}',
    'count.occupied': 'Occupied {n}',
    'count.free': 'Free {n}',
    'count.cleaning': 'Cleaning {n}',
    'count.inspected': 'Inspected {n}',
    'board.bedsLine': 'beds {used}/{total}',
    'board.day': 'Day {n}',
    'board.open': 'Room {room}: {name}, day {day}. {flags}{checks}',
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
    'board.countsLabel': '需要处理的情况（点选只看这些房间）',
    'board.search': '搜索：姓名或房号',
    'board.filter': '显示',
    'board.compact': '紧凑',
    'board.all': '全部房间（{n}）',
    'board.updated': '更新于 {time}',
    'board.noMatch': '没有符合的房间。',
    'flag.positive': '阳性待转运',
    'flag.alert': '发热/症状',
    'flag.missing': '缺测温',
    'flag.retest_due': '今日复检',
    'flag.release_due': '可解除',
    'flag.expired': '期满未解除',
    'count.positive': '阳性待转运 {n}',
    'count.alert': '发热或症状 {n}',
    'count.missing': '缺测温 {n}',
    'count.retest_due': '今日复检 {n}',
    'count.release_due': '可解除 {n}',
    'count.expired': '期满未解除 {n}',
    'count.occupied': '入住 {n}',
    'count.free': '空闲 {n}',
    'count.cleaning': '清洁中 {n}',
    'count.inspected': '已查验 {n}',
    'board.bedsLine': '床位 {used}/{total}',
    'board.day': '第 {n} 天',
    'board.open': '{room} 房：{name}，第 {day} 天。{flags}{checks}',
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

const FLAGS = ['positive', 'alert', 'missing', 'retest_due', 'release_due', 'expired'];
const REFRESH_MS = 60_000;

/** The last board the server sent, when it came, and where the page was scrolled. */
let board = null;
let updatedAt = null;
let timer = null;
let scrollY = null;

async function load({ quiet = false } = {}) {
  if (!quiet) say(t('loading'));
  const r = await api('GET', `/facilities/${fid()}/board`);
  if (!quiet) say('');
  if (!r.ok) return quiet ? undefined : showProblem(r);
  board = r.data;
  updatedAt = new Date();
  renderBoard();
}

/** One readiness step for some rooms (a tile's button) or a floor. */
async function step(action, target) {
  const r = await api('POST', `/facilities/${fid()}/rooms/readiness`, { action, ...target });
  if (!r.ok) return showProblem(r);
  await load({ quiet: true });
  if (r.data.refused.length) banner([t('board.refusedSteps', { rooms: r.data.refused.map((x) => `${x.roomNumber}`).join(', ') })]);
}

const canOffer = (room) => room.state === 'inspected' || (room.state === 'cleaning' && !board.inspectionRequired);

const occupantsOf = (room) => room.occupants || (room.occupant ? [room.occupant] : []);

function personFlags(o) {
  if (o.flags) return o.flags;
  // A server without flags: what today's checks say.
  const c = o.checks || { missing: [] };
  return [...(o.status === 'positive' ? ['positive'] : []), ...(c.alert ? ['alert'] : []), ...(c.missing.length ? ['missing'] : [])];
}

/** The room's flags: every flag one of its occupants shows, most urgent first. */
function flagsOf(room) {
  const all = new Set(occupantsOf(room).flatMap(personFlags));
  return FLAGS.filter((f) => all.has(f));
}

/** Lower case, no spaces or dots: "zhao lei" finds "ZHAO Lei", "赵 磊" finds "赵磊". */
const fold = (s) => String(s || '').toLowerCase().replace(/[\s.·,'-]+/g, '');

const STATE_FILTERS = ['free', 'cleaning', 'inspected', 'occupied'];

function matches(room, query, filter) {
  if (STATE_FILTERS.includes(filter)) {
    if (room.state !== filter) return false;
  } else if (filter && !flagsOf(room).includes(filter)) return false;
  if (!query) return true;
  if (fold(room.roomNumber).startsWith(query)) return true;
  return occupantsOf(room).some((o) => fold(o.nameNative).includes(query) || fold(o.nameLatin).includes(query));
}

function countOf(key) {
  const b = board;
  if (STATE_FILTERS.includes(key)) return b.counts[key] || 0;
  if (b.attention) return b.attention[key] || 0;
  return b.rooms.filter((r) => flagsOf(r).includes(key)).length;
}

function renderCounts(filter) {
  const keys = [...FLAGS, 'cleaning', ...(board.counts.inspected || board.inspectionRequired ? ['inspected'] : []), 'occupied', 'free'];
  fill(
    $('#board-counts'),
    keys
      .filter((k) => countOf(k) > 0 || !FLAGS.includes(k) || k === 'positive' || k === 'alert' || k === 'missing')
      .map((k) =>
        h('li', {}, h('button', {
          type: 'button',
          class: `count ${k}${countOf(k) ? '' : ' zero'}`,
          'aria-pressed': String(filter === k),
          'data-count': k,
          onclick: () => {
            $('#board-filter').value = filter === k ? '' : k;
            renderBoard();
          },
        }, t(`count.${k}`, { n: countOf(k) }))),
      ),
  );
  const select = $('#board-filter');
  fill(select, [h('option', { value: '', text: t('board.all', { n: board.rooms.length }) }), ...keys.map((k) => h('option', { value: k, text: t(`count.${k}`, { n: countOf(k) }) }))]);
  select.value = filter;
}

const flagWords = (flags) => (flags.length ? `${flags.map((f) => t(`flag.${f}`)).join(lang() === 'zh' ? '、' : ', ')}. ` : '');

function openFile(o) {
  scrollY = window.scrollY;
  location.hash = `#stay/${o.stayId}`;
}

/** The action a positive needs, beside the tile's own button. */
function transferButton(room, o) {
  return h('button', {
    type: 'button',
    class: 'danger tile-action',
    'data-action': 'transfer',
    text: t('xfer.button'),
    'aria-label': `${t('xfer.button')}: ${room.roomNumber} ${o.nameNative}`,
    onclick: async () => {
      const done = await askTransfer({ stayId: o.stayId, roomNumber: room.roomNumber, name: o.nameNative });
      if (done) {
        say(done);
        await load({ quiet: true });
      }
    },
  });
}

/** One person of a room with several beds: their own button to the file. */
function occupantButton(room, o) {
  const flags = personFlags(o);
  return h(
    'button',
    {
      type: 'button',
      class: ['who', ...flags.map((f) => `flag-${f}`)].join(' '),
      'aria-label': t('board.open', { room: room.roomNumber, name: o.nameNative, day: o.dayOfStay, flags: flagWords(flags), checks: checksSentence(o.checks) }),
      onclick: () => openFile(o),
    },
    h('span', { class: 'name', text: o.nameNative }),
    h('span', { class: 'latin', text: o.nameLatin }),
    h('span', { class: 'day', text: t('board.day', { n: o.dayOfStay }) }),
    flags.length ? h('span', { class: 'flags' }, flags.map((f) => h('span', { class: `flag ${f}`, text: t(`flag.${f}`) }))) : '',
    h('span', { class: 'badges' }, checkBadges(o.checks)),
  );
}

function tile(room) {
  const people = occupantsOf(room);
  const flags = flagsOf(room);
  const top = flags[0];
  const stateText = top ? t(`flag.${top}`) : t(`state.${room.state}`);
  const head = h('span', { class: 'num' }, h('span', { text: room.roomNumber }), h('span', { class: 'state', text: stateText }));
  const capacity = room.capacity || 1;
  const beds = capacity > 1 ? h('span', { class: 'beds', text: t('board.beds', { used: people.length, capacity }) }) : '';
  const zone = room.zone ? h('span', { class: 'zone', text: room.zone }) : '';
  if (people.length > 1) {
    const cls = ['tile', 'occupied', 'many', ...flags.map((f) => `flag-${f}`), ...(flags.includes('missing') ? ['missing'] : []), ...(flags.includes('alert') ? ['alert'] : [])].join(' ');
    return h(
      'li',
      { 'data-room': room.roomNumber },
      h('div', { class: cls }, head, beds, people.map((o) => occupantButton(room, o)), zone),
      ...people.filter((o) => personFlags(o).includes('positive')).map((o) => transferButton(room, o)),
    );
  }
  const o = people[0];
  if (!o) {
    const actions = [];
    if (room.state === 'cleaning') actions.push(h('button', { type: 'button', class: 'secondary small', 'aria-label': t('board.inspectRoom', { room: room.roomNumber }), text: t('board.inspect'), onclick: () => step('inspect', { rooms: [room.roomNumber] }) }));
    if (canOffer(room)) actions.push(h('button', { type: 'button', class: 'secondary small', 'aria-label': t('board.offerRoom', { room: room.roomNumber }), text: t('board.offer'), onclick: () => step('free', { rooms: [room.roomNumber] }) }));
    const inspected = room.state === 'inspected' && room.inspectedAt ? h('span', { class: 'day', text: t('board.inspectedBy', { at: isoToLocal(room.inspectedAt, tz()).replace('T', ' ').slice(5, 16) }) }) : '';
    return h('li', { class: `tile ${room.state}`, 'data-room': room.roomNumber }, head, beds, zone, inspected, actions.length ? h('span', { class: 'actions' }, actions) : '');
  }
  const cls = ['tile', 'occupied', ...flags.map((f) => `flag-${f}`), ...(flags.includes('missing') ? ['missing'] : []), ...(flags.includes('alert') ? ['alert'] : [])].join(' ');
  const more = flags.slice(1).map((f) => h('span', { class: `flag ${f}`, text: t(`flag.${f}`) }));
  return h(
    'li',
    { 'data-room': room.roomNumber },
    h(
      'button',
      {
        type: 'button',
        class: cls,
        'aria-label': t('board.open', { room: room.roomNumber, name: o.nameNative, day: o.dayOfStay, flags: flagWords(flags), checks: checksSentence(o.checks) }),
        onclick: () => openFile(o),
      },
      head,
      h('span', { class: 'name', text: o.nameNative }),
      h('span', { class: 'latin', text: o.nameLatin }),
      h('span', { class: 'day', text: t('board.day', { n: o.dayOfStay }) }),
      more.length ? h('span', { class: 'flags' }, more) : '',
      h('span', { class: 'badges' }, checkBadges(o.checks)),
      beds,
      zone,
    ),
    flags.includes('positive') ? transferButton(room, o) : '',
  );
}

function renderBoard() {
  const b = board;
  if (!b) return;
  const beds = b.beds ? ` · ${t('board.bedsLine', { used: b.beds.used, total: b.beds.total })}` : '';
  $('#board-date').textContent = `${b.date}${beds}`;
  $('#board-updated').textContent = updatedAt ? t('board.updated', { time: updatedAt.toTimeString().slice(0, 5) }) : '';
  $('#board-policy').hidden = !b.inspectionRequired;
  const filter = $('#board-filter').value;
  renderCounts(filter);
  const query = fold($('#board-search').value);
  const shown = b.rooms.filter((room) => matches(room, query, filter));
  const grid = $('#board-grid');
  grid.classList.toggle('compact', $('#board-compact').checked);
  if (!b.rooms.length) return fill(grid, [h('li', { text: t('board.empty') })]);
  if (!shown.length) return fill(grid, [h('li', { class: 'none', text: t('board.noMatch') })]);
  // Floors only when the rooms carry one; each floor with its readiness steps.
  if (!shown.some((r) => r.floor !== undefined && r.floor !== null)) return fill(grid, shown.map(tile));
  const floors = new Map();
  for (const r of shown) {
    const key = r.floor ?? '';
    if (!floors.has(key)) floors.set(key, []);
    floors.get(key).push(r);
  }
  fill(
    grid,
    [...floors].flatMap(([floor, rooms]) => {
      const all = b.rooms.filter((r) => (r.floor ?? '') === floor);
      const cleaning = all.filter((r) => r.state === 'cleaning').length;
      const offerable = all.filter(canOffer).length;
      const actions = [
        cleaning && floor ? h('button', { type: 'button', class: 'secondary small', text: t('board.inspectFloor', { n: cleaning }), onclick: () => step('inspect', { floor }) }) : '',
        offerable && floor ? h('button', { type: 'button', class: 'secondary small', text: t('board.offerFloor', { n: offerable }), onclick: () => step('free', { floor }) }) : '',
      ];
      return [h('li', { class: 'floor-head' }, h('span', { class: 'floor-title', text: floor === '' ? t('board.noFloor') : t('board.floor', { floor }) }), actions), ...rooms.map(tile)];
    }),
  );
}

function stopTimer() {
  if (timer) clearInterval(timer);
  timer = null;
}
export default {
  view: 'board',
  init() {
    $('#board-refresh').addEventListener('click', () => load());
    $('#board-xlsx').addEventListener('click', () => downloadExport(fid(), 'board'));
    $('#board-filter').addEventListener('change', renderBoard);
    $('#board-search').addEventListener('input', renderBoard);
    const compact = $('#board-compact');
    compact.checked = localStorage.getItem('qd.boardCompact') === '1';
    compact.addEventListener('change', () => {
      localStorage.setItem('qd.boardCompact', compact.checked ? '1' : '0');
      renderBoard();
    });
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible' && timer) void load({ quiet: true });
    });
  },
  async show() {
    stopTimer();
    const back = scrollY;
    if (board) renderBoard();
    await load({ quiet: Boolean(board) });
    if (back !== null) window.scrollTo(0, back);
    scrollY = null;
    timer = setInterval(() => {
      if (document.visibilityState === 'visible') void load({ quiet: true });
    }, REFRESH_MS);
  },
  hide: stopTimer,
  relabel: renderBoard,
};
