// The room board: every room as a tile. A tile shows the most urgent thing about its
// occupant (positive awaiting transfer, fever or symptom, check missing, retest due,
// release due, period expired) or the room's state; the counts above are the
// filters. Search by name (native or Latin) or room; a compact view fits 300 rooms in a
// few screens. The board refreshes itself each minute while it is shown, and coming
// back from a file returns to where the nurse was.
import { api } from './api.js';
import { checkBadges, checksSentence } from './checks.js';
import { $, fill, h } from './dom.js';
import { lang, register, t } from './i18n.js';
import { say, showProblem } from './notice.js';
import { fid } from './state.js';
import { askTransfer } from './transfer.js';

register({
  en: {
    'state.free': 'Free',
    'state.occupied': 'Occupied',
    'state.cleaning': 'Cleaning',
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
    'board.day': 'Day {n}',
    'board.open': 'Room {room}: {name}, day {day}. {flags}{checks}',
    'board.empty': 'No rooms yet. An administrator adds rooms to the facility.',
    'board.floor': 'Floor {floor}',
  },
  zh: {
    'state.free': '空闲',
    'state.occupied': '入住',
    'state.cleaning': '清洁中',
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
    'board.day': '第 {n} 天',
    'board.open': '{room} 房：{name}，第 {day} 天。{flags}{checks}',
    'board.empty': '还没有房间。请管理员为隔离点添加房间。',
    'board.floor': '{floor} 层',
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

function flagsOf(room) {
  const o = room.occupant;
  if (!o) return [];
  if (o.flags) return o.flags;
  // A server without flags: what today's checks say.
  const c = o.checks || { missing: [] };
  return [...(o.status === 'positive' ? ['positive'] : []), ...(c.alert ? ['alert'] : []), ...(c.missing.length ? ['missing'] : [])];
}

/** Lower case, no spaces or dots: "zhao lei" finds "ZHAO Lei", "赵 磊" finds "赵磊". */
const fold = (s) => String(s || '').toLowerCase().replace(/[\s.·,'-]+/g, '');

function matches(room, query, filter) {
  if (filter === 'free' || filter === 'cleaning' || filter === 'occupied') {
    if (room.state !== filter) return false;
  } else if (filter && !flagsOf(room).includes(filter)) return false;
  if (!query) return true;
  const o = room.occupant;
  if (fold(room.roomNumber).startsWith(query)) return true;
  return Boolean(o && (fold(o.nameNative).includes(query) || fold(o.nameLatin).includes(query)));
}

function countOf(key) {
  const b = board;
  if (key === 'free' || key === 'cleaning' || key === 'occupied') return b.counts[key] || 0;
  if (b.attention) return b.attention[key] || 0;
  return b.rooms.filter((r) => flagsOf(r).includes(key)).length;
}

function renderCounts(filter) {
  const keys = [...FLAGS, 'cleaning', 'occupied', 'free'];
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

function tile(room) {
  const o = room.occupant;
  const flags = flagsOf(room);
  const top = flags[0];
  const stateText = top ? t(`flag.${top}`) : t(`state.${room.state}`);
  const head = h('span', { class: 'num' }, h('span', { text: room.roomNumber }), h('span', { class: 'state', text: stateText }));
  if (!o) return h('li', { class: `tile ${room.state}`, 'data-room': room.roomNumber }, head);
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
        'aria-label': t('board.open', { room: room.roomNumber, name: o.nameNative, day: o.dayOfStay, flags: flags.length ? `${flags.map((f) => t(`flag.${f}`)).join(lang() === 'zh' ? '、' : ', ')}. ` : '', checks: checksSentence(o.checks) }),
        onclick: () => {
          scrollY = window.scrollY;
          location.hash = `#stay/${o.stayId}`;
        },
      },
      head,
      h('span', { class: 'name', text: o.nameNative }),
      h('span', { class: 'latin', text: o.nameLatin }),
      h('span', { class: 'day', text: t('board.day', { n: o.dayOfStay }) }),
      more.length ? h('span', { class: 'flags' }, more) : '',
      h('span', { class: 'badges' }, checkBadges(o.checks)),
    ),
    // The action a positive needs, on the tile itself (a button beside the tile's own).
    flags.includes('positive')
      ? h('button', {
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
        })
      : '',
  );
}

function renderBoard() {
  const b = board;
  if (!b) return;
  $('#board-date').textContent = b.date;
  $('#board-updated').textContent = updatedAt ? t('board.updated', { time: updatedAt.toTimeString().slice(0, 5) }) : '';
  const filter = $('#board-filter').value;
  renderCounts(filter);
  const query = fold($('#board-search').value);
  const shown = b.rooms.filter((room) => matches(room, query, filter));
  const grid = $('#board-grid');
  grid.classList.toggle('compact', $('#board-compact').checked);
  if (!b.rooms.length) return fill(grid, [h('li', { text: t('board.empty') })]);
  if (!shown.length) return fill(grid, [h('li', { class: 'none', text: t('board.noMatch') })]);
  // Floors only when the rooms carry one: nothing is guessed from room numbers.
  if (shown.some((r) => r.floor !== undefined && r.floor !== null)) {
    const floors = new Map();
    for (const r of shown) {
      const key = r.floor ?? '';
      if (!floors.has(key)) floors.set(key, []);
      floors.get(key).push(r);
    }
    return fill(grid, [...floors].flatMap(([floor, rooms]) => [h('li', { class: 'floor-head', text: floor === '' ? '—' : t('board.floor', { floor }) }), ...rooms.map(tile)]));
  }
  fill(grid, shown.map(tile));
}

function stopTimer() {
  if (timer) clearInterval(timer);
  timer = null;
}

export default {
  view: 'board',
  init() {
    $('#board-refresh').addEventListener('click', () => load());
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
