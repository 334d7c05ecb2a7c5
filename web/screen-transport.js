// Departures and vehicles: the people leaving on a date by pickup time across modes
// (one vehicle run a pickup), the vehicles each pickup gets (refused over capacity),
// the facility's vehicles, the old mode/window grouping, a CSV file and a print.
import { api } from './api.js';
import { $, fill, h, table } from './dom.js';
import { download, downloadExport } from './download.js';
import { register, t } from './i18n.js';
import { clearBanner, result, say, showProblem } from './notice.js';
import { fid } from './state.js';
import { addDays, todayLocal } from './time.js';

register({
  en: {
    'transport.title': 'Departures and vehicles',
    'transport.window': 'Window',
    'transport.csv': 'Download CSV',
    'transport.print': 'Print',
    'transport.none': 'No departures recorded for this date.',
    'transport.total': '{total} people: {flight} by flight, {train} by train, {bus} by bus, {car} by car.',
    'transport.group': '{mode} · {from}–{to} · {n} people',
    'transport.byWindow': 'By mode and time window',
    'transport.pickup': 'Pickup {time} · {n} people · {modes}',
    'transport.noPickup': 'Pickup time not set ({n})',
    'transport.noPickupHint': 'Set the pickup time in each person’s file (return travel).',
    'transport.vehiclesOf': 'Vehicles: {list}',
    'transport.noVehicle': 'No vehicle yet',
    'transport.seats': '{plate} ({seats} seats)',
    'transport.short': '{n} people without a seat: add a vehicle',
    'transport.assign': 'Assign vehicles',
    'transport.assigned': 'Pickup {time}: {list}.',
    'transport.overCapacity': '{seats} seats for {n} people at {time}: add a vehicle or choose a bigger one.',
    'transport.time': 'Train or flight',
    'transport.room': 'Room',
    'transport.name': 'Name',
    'transport.dest': 'Destination',
    'transport.fleet': 'Vehicles of the facility',
    'transport.plate': 'Plate or name',
    'transport.seatCount': 'Seats',
    'transport.note': 'Driver, company',
    'transport.addVehicle': 'Add a vehicle',
    'transport.remove': 'Remove',
    'transport.saveFleet': 'Save vehicles',
    'transport.fleetSaved': '{n} vehicles saved.',
    'transport.noFleet': 'No vehicles yet: add the facility’s cars and buses with their seats.',
  },
  zh: {
    'transport.title': '离店与车辆安排',
    'transport.window': '时间段',
    'transport.csv': '下载 CSV',
    'transport.print': '打印',
    'transport.none': '该日期没有返程记录。',
    'transport.total': '共 {total} 人：飞机 {flight}，火车 {train}，大巴 {bus}，汽车 {car}。',
    'transport.group': '{mode} · {from}–{to} · {n} 人',
    'transport.byWindow': '按交通方式和时间段',
    'transport.pickup': '{time} 接送 · {n} 人 · {modes}',
    'transport.noPickup': '未定接送时间（{n} 人）',
    'transport.noPickupHint': '请在每人档案的“返程”中填写接送时间。',
    'transport.vehiclesOf': '车辆：{list}',
    'transport.noVehicle': '尚未安排车辆',
    'transport.seats': '{plate}（{seats} 座）',
    'transport.short': '{n} 人没有座位，请增加车辆',
    'transport.assign': '安排车辆',
    'transport.assigned': '{time} 接送：{list}。',
    'transport.overCapacity': '{time} 接送共 {n} 人，所选车辆只有 {seats} 个座位：请增加车辆或换更大的车。',
    'transport.time': '车次/航班',
    'transport.room': '房间',
    'transport.name': '姓名',
    'transport.dest': '目的地',
    'transport.fleet': '隔离点车辆',
    'transport.plate': '车牌或名称',
    'transport.seatCount': '座位数',
    'transport.note': '司机、单位',
    'transport.addVehicle': '添加车辆',
    'transport.remove': '删除',
    'transport.saveFleet': '保存车辆',
    'transport.fleetSaved': '已保存 {n} 辆车。',
    'transport.noFleet': '尚无车辆：请添加本隔离点的汽车和大巴及座位数。',
  },
});

let plan = null;
let fleetVersion = 0;

function planQuery() {
  const date = $('#p-date').value || todayLocal();
  $('#p-date').value = date;
  return `date=${encodeURIComponent(date)}&windowMinutes=${encodeURIComponent($('#p-window').value)}`;
}
const transportQuery = (format) => `/facilities/${fid()}/transport?${planQuery()}${format ? `&format=${format}` : ''}`;

const seatsText = (v) => t('transport.seats', { plate: v.plate, seats: v.seats });
const place = (x) => x.roomNumber || x.gridCell || '';
const dest = (x) => `${x.destination.city}, ${x.destination.country}`;

/** One row a person: the train or flight (time, mode, number) in one cell, so a phone needs no sideways scrolling. */
function peopleTable(people) {
  return table(
    [t('transport.time'), t('transport.room'), t('transport.name'), t('transport.dest')],
    people.map((x) => [
      h('span', { class: 'nowrap' }, h('strong', { text: x.localTime }), ` ${[x.mode ? t(`mode.${x.mode}`) : '', x.number || ''].filter(Boolean).join(' ')}`),
      place(x),
      h('a', { href: `#stay/${x.stayId}`, text: `${x.nameNative} ${x.nameLatin}` }),
      dest(x),
    ]),
  );
}

/** The mode of each person, from the mode/window groups (the pickup lists people across modes). */
function withModes(p) {
  const mode = new Map(p.groups.flatMap((g) => g.people.map((x) => [x.stayId, g.mode])));
  return (x) => ({ ...x, mode: mode.get(x.stayId) });
}

function pickupCard(g, p) {
  const moded = withModes(p);
  const chosen = new Set(g.vehicles.map((v) => v.plate));
  const out = h('div', { class: 'result', hidden: true });
  const boxes = p.vehicles.map((v) => h('label', { class: 'check' }, h('input', { type: 'checkbox', value: v.plate, checked: chosen.has(v.plate) }), ` ${seatsText(v)}`));
  async function assign(e) {
    e.preventDefault();
    clearBanner();
    const plates = [...e.currentTarget.querySelectorAll('input:checked')].map((i) => i.value);
    const r = await api('PUT', `/facilities/${fid()}/transport/pickups`, { date: p.date, time: g.time, plates });
    if (!r.ok) {
      const over = r.data && r.data.reasons && r.data.reasons.some((x) => x.code === 'over_capacity');
      if (!over) return showProblem(r);
      const seats = p.vehicles.filter((v) => plates.includes(v.plate)).reduce((n, v) => n + v.seats, 0);
      out.hidden = false;
      out.className = 'result bad';
      return fill(out, h('p', { text: t('transport.overCapacity', { seats, n: g.count, time: g.time }) }));
    }
    await showTransport();
    say(t('transport.assigned', { time: g.time, list: r.data.vehicles.map(seatsText).join('、') || t('transport.noVehicle') }));
  }
  return h(
    'section',
    { class: 'card pickup' },
    h('h3', { text: t('transport.pickup', { time: g.time, n: g.count, modes: g.modes.map((m) => t(`mode.${m}`)).join(' + ') }) }),
    h('p', { class: g.vehicles.length ? 'meta' : 'meta warn-text', text: g.vehicles.length ? t('transport.vehiclesOf', { list: g.vehicles.map(seatsText).join('、') }) : t('transport.noVehicle') }),
    g.short ? h('p', { class: 'urgent', text: t('transport.short', { n: g.short }) }) : '',
    peopleTable(g.people.map(moded)),
    p.vehicles.length ? h('form', { class: 'row screen-only', onsubmit: assign }, boxes, h('button', { type: 'submit', class: 'secondary', text: t('transport.assign') })) : '',
    out,
  );
}

async function showTransport(e) {
  if (e) e.preventDefault();
  say(t('loading'));
  const r = await api('GET', transportQuery());
  say('');
  if (!r.ok) return showProblem(r, $('#transport-form'));
  plan = r.data;
  const p = plan;
  showFleet(p.vehicles || []);
  if (!p.total) return fill($('#transport-out'), h('p', { class: 'card', text: t('transport.none') }));
  const moded = withModes(p);
  fill(
    $('#transport-out'),
    h('p', { class: 'summary', text: `${p.date} · ${t('transport.total', { total: p.total, ...p.byMode })}` }),
    (p.pickups || []).map((g) => pickupCard(g, p)),
    p.noPickup && p.noPickup.length
      ? h('section', { class: 'card' }, h('h3', { text: t('transport.noPickup', { n: p.noPickup.length }) }), h('p', { class: 'hint', text: t('transport.noPickupHint') }), peopleTable(p.noPickup.map(moded)))
      : '',
    h(
      'details',
      { class: 'card screen-only' },
      h('summary', { text: t('transport.byWindow') }),
      p.groups.map((g) =>
        h(
          'section',
          {},
          h('h4', { text: t('transport.group', { mode: t(`mode.${g.mode}`), from: g.window.from, to: g.window.to, n: g.count }) }),
          g.byNumber.length ? h('p', { class: 'meta', text: g.byNumber.map((b) => `${b.number} × ${b.count}`).join(' · ') }) : '',
          peopleTable(g.people.map((x) => ({ ...x, mode: g.mode }))),
        ),
      ),
    ),
  );
}

function vehicleRow(v = { plate: '', seats: '', note: '' }) {
  const row = h(
    'div',
    { class: 'row vehicle' },
    h('label', { class: 'field' }, h('span', { class: 'meta', text: t('transport.plate') }), h('input', { 'data-key': 'plate', value: v.plate, maxlength: 20, class: 'short', required: true })),
    h('label', { class: 'field' }, h('span', { class: 'meta', text: t('transport.seatCount') }), h('input', { 'data-key': 'seats', value: String(v.seats), type: 'number', min: 1, max: 80, inputmode: 'numeric', class: 'seats' })),
    h('label', { class: 'field' }, h('span', { class: 'meta', text: t('transport.note') }), h('input', { 'data-key': 'note', value: v.note || '', maxlength: 100, class: 'short' })),
    h('button', { type: 'button', class: 'secondary small', onclick: () => row.remove(), text: t('transport.remove') }),
  );
  return row;
}

function showFleet(vehicles) {
  fill($('#fleet-rows'), vehicles.length ? vehicles.map(vehicleRow) : h('p', { class: 'hint', text: t('transport.noFleet') }));
}

async function loadFleet() {
  const r = await api('GET', `/facilities/${fid()}/vehicles`);
  if (r.ok) fleetVersion = r.data.version;
}

async function saveFleet(e) {
  e.preventDefault();
  clearBanner();
  const vehicles = [...$('#fleet-rows').querySelectorAll('.vehicle')].map((row, i) => {
    // Named by position, so each refusal shows next to its field ("vehicles.1.seats").
    for (const el of row.querySelectorAll('input')) el.name = `vehicles.${i}.${el.dataset.key}`;
    const v = (n) => row.querySelector(`[data-key=${n}]`).value.trim();
    const seats = Number(v('seats'));
    return { plate: v('plate'), seats: Number.isInteger(seats) && v('seats') !== '' ? seats : v('seats'), ...(v('note') ? { note: v('note') } : {}) };
  });
  const r = await api('PUT', `/facilities/${fid()}/vehicles`, { vehicles, version: fleetVersion });
  if (!r.ok) return showProblem(r, $('#fleet-form'));
  fleetVersion = r.data.version;
  result($('#fleet-result'), [t('transport.fleetSaved', { n: r.data.vehicles.length })]);
  await showTransport();
}

export default {
  view: 'transport',
  init() {
    $('#transport-form').addEventListener('submit', showTransport);
    $('#transport-csv').addEventListener('click', () => download(transportQuery('csv'), 'transport.csv'));
    $('#transport-xlsx').addEventListener('click', () => downloadExport(fid(), 'departures', planQuery()));
    $('#transport-print').addEventListener('click', () => window.print());
    $('#fleet-add').addEventListener('click', () => {
      const rows = $('#fleet-rows');
      if (!rows.querySelector('.vehicle')) rows.replaceChildren();
      rows.append(vehicleRow());
    });
    $('#fleet-form').addEventListener('submit', saveFleet);
  },
  async show() {
    // Tomorrow's departures by default: the vehicles are booked the day before.
    if (!$('#p-date').value) $('#p-date').value = addDays(todayLocal(), 1);
    $('#fleet-result').replaceChildren();
    await Promise.all([showTransport(), loadFleet()]);
  },
  relabel() {
    if (plan) showTransport();
  },
};
