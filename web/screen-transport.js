// Departures and vehicles: the people leaving on a date, grouped by mode and time
// window (one vehicle a group), and the same list as a CSV or Excel file.
import { api } from './api.js';
import { $, fill, h, table } from './dom.js';
import { download, downloadExport } from './download.js';
import { register, t } from './i18n.js';
import { say, showProblem } from './notice.js';
import { fid } from './state.js';
import { addDays, todayLocal } from './time.js';

register({
  en: {
    'transport.title': 'Departures and vehicles',
    'transport.window': 'Window',
    'transport.csv': 'Download CSV',
    'transport.none': 'No departures recorded for this date.',
    'transport.total': '{total} people: {flight} by flight, {train} by train, {bus} by bus, {car} by car.',
    'transport.group': '{mode} · {from}–{to} · {n} people',
    'transport.time': 'Time',
    'transport.number': 'Number',
    'transport.room': 'Room',
    'transport.name': 'Name',
    'transport.dest': 'Destination',
  },
  zh: {
    'transport.title': '离店与车辆安排',
    'transport.window': '时间段',
    'transport.csv': '下载 CSV',
    'transport.none': '该日期没有返程记录。',
    'transport.total': '共 {total} 人：飞机 {flight}，火车 {train}，大巴 {bus}，汽车 {car}。',
    'transport.group': '{mode} · {from}–{to} · {n} 人',
    'transport.time': '时间',
    'transport.number': '航班/车次',
    'transport.room': '房间',
    'transport.name': '姓名',
    'transport.dest': '目的地',
  },
});

function planQuery() {
  const date = $('#p-date').value || todayLocal();
  $('#p-date').value = date;
  return `date=${encodeURIComponent(date)}&windowMinutes=${encodeURIComponent($('#p-window').value)}`;
}
const transportQuery = (format) => `/facilities/${fid()}/transport?${planQuery()}${format ? `&format=${format}` : ''}`;
async function showTransport(e) {
  if (e) e.preventDefault();
  say(t('loading'));
  const r = await api('GET', transportQuery());
  say('');
  if (!r.ok) return showProblem(r, $('#transport-form'));
  const p = r.data;
  if (!p.total) return fill($('#transport-out'), h('p', { class: 'card', text: t('transport.none') }));
  fill(
    $('#transport-out'),
    h('p', { class: 'summary', text: t('transport.total', { total: p.total, ...p.byMode }) }),
    p.groups.map((g) =>
      h(
        'section',
        { class: 'card' },
        h('h3', { text: t('transport.group', { mode: t(`mode.${g.mode}`), from: g.window.from, to: g.window.to, n: g.count }) }),
        g.byNumber.length ? h('p', { class: 'meta', text: g.byNumber.map((b) => `${b.number} × ${b.count}`).join(' · ') }) : '',
        table([t('transport.time'), t('transport.number'), t('transport.room'), t('transport.name'), t('transport.dest')], g.people.map((x) => [x.localTime, x.number || '', x.roomNumber, `${x.nameNative} ${x.nameLatin}`, `${x.destination.city}, ${x.destination.country}`])),
      ),
    ),
  );
}
export default {
  view: 'transport',
  init() {
    $('#transport-form').addEventListener('submit', showTransport);
    $('#transport-csv').addEventListener('click', () => download(transportQuery('csv'), 'transport.csv'));
    $('#transport-xlsx').addEventListener('click', () => downloadExport(fid(), 'departures', planQuery()));
  },
  async show() {
    // Tomorrow's departures by default: the vehicles are booked the day before.
    if (!$('#p-date').value) $('#p-date').value = addDays(todayLocal(), 1);
    await showTransport();
  },
};
