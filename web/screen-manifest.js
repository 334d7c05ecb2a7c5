// Flight manifest straight from Excel: an .xlsx or CSV file (UTF-8 or GBK, detected
// on the server, which holds the one set of rules the template is made from) is
// checked by a dry run that writes nothing, so the preview says exactly what
// registering will do: the room of each row (staff may pick another), households
// together, and why a row is refused. Registering then runs in parts with progress;
// refused rows download as a file in the same format, to fix and import again.
import { api } from './api.js';
import { $, fill, h, saveFile, table } from './dom.js';
import { register, t } from './i18n.js';
import { banner, clearBanner, issueText, reasonText, result, say, showProblem } from './notice.js';
import { fid, session } from './state.js';
import { localToIso, tz } from './time.js';

register({
  en: {
    'manifest.title': 'Flight manifest',
    'manifest.help': 'Open the flight list as Excel (.xlsx) or CSV (UTF-8 or GBK). Headers in Chinese or English; 男/女 or M/F; dates like 1988/7/15 and times like 2026/12/2 2:40 (facility time); people travelling together share a Household mark and one room.',
    'manifest.template': 'Download template (.xlsx)',
    'manifest.file': 'Open manifest file',
    'manifest.flight': 'Set once for the whole flight (used where a row leaves it blank)',
    'manifest.arrivedAt': 'Landing time',
    'manifest.flightNumber': 'Flight',
    'manifest.origin': 'Departed from (country)',
    'manifest.category': 'People on board are',
    'manifest.check': 'Check again',
    'manifest.send': 'Register {n} rows',
    'manifest.checking': 'Checking every row…',
    'manifest.preview': '{file}: {total} rows. Registering will create {ready} stays and refuse {refused} rows. Nothing has been written yet.',
    'manifest.format': 'Read as {format}{encoding}. Columns: {columns}.',
    'manifest.ignored': 'Columns not used: {cols}',
    'manifest.progress': 'Registering: {done} of {total} rows',
    'manifest.report': '{created} registered, {refused} refused.',
    'manifest.refusedFile': 'Download refused rows ({n})',
    'manifest.row': 'Row',
    'manifest.name': 'Name',
    'manifest.room': 'Room',
    'manifest.household': 'Household',
    'manifest.status': 'Result',
    'manifest.ready': 'Will be registered',
    'manifest.created': 'Registered: room {room}',
    'manifest.refused': 'Refused',
    'manifest.pickRoom': 'Room for row {row}',
    'manifest.noFile': 'Open a manifest file first.',
    'mcode.duplicate_in_file': 'The same travel document is on row {detail}',
    'mcode.person_has_open_stay': 'This person already has an open stay',
    'mcode.no_free_room': 'No free bed left for this row',
    'mcode.unknown_room': 'This room does not exist',
    'mcode.room_not_ready': 'This room is being cleaned or awaits release',
    'mcode.room_full': 'Every bed of this room is taken',
    'mcode.room_other_household': 'This room holds another household',
    'mcode.room_not_free': 'This room is taken',
    'issue.required': "Empty",
    'issue.date_format': "Date format",
    'issue.date_invalid': "Not a date",
    'issue.datetime_format': "Date and time format",
    'issue.datetime_invalid': "Not a date and time",
    'issue.sex_value': "Sex",
    'issue.document_type_value': "Document type",
    'issue.language_value': "Language",
    'issue.category_value': "Category",
    'issue.country_value': "Country",
    'issue.condition_value': "Special condition",
  },
  zh: {
    'manifest.title': '航班名单导入',
    'manifest.help': '打开 Excel（.xlsx）或 CSV（UTF-8 或 GBK）格式的航班名单。表头可用中文或英文；性别填 男/女 或 M/F；日期如 1988/7/15，时间如 2026/12/2 2:40（隔离点当地时间）；同行的人填同一“同行”标记，同住一间房。',
    'manifest.template': '下载模板（.xlsx）',
    'manifest.file': '打开名单文件',
    'manifest.flight': '全航班统一设置（行内空白时使用）',
    'manifest.arrivedAt': '落地时间',
    'manifest.flightNumber': '航班',
    'manifest.origin': '出发国家',
    'manifest.category': '本航班人员类别',
    'manifest.check': '重新检查',
    'manifest.send': '登记 {n} 行',
    'manifest.checking': '正在检查每一行……',
    'manifest.preview': '{file}：共 {total} 行。登记将新建 {ready} 人，拒绝 {refused} 行。目前尚未写入任何数据。',
    'manifest.format': '按 {format}{encoding} 读取。列：{columns}。',
    'manifest.ignored': '未使用的列：{cols}',
    'manifest.progress': '正在登记：{done} / {total} 行',
    'manifest.report': '登记成功 {created} 人，被拒 {refused} 行。',
    'manifest.refusedFile': '下载被拒的行（{n}）',
    'manifest.row': '行',
    'manifest.name': '姓名',
    'manifest.room': '房间',
    'manifest.household': '同行',
    'manifest.status': '结果',
    'manifest.ready': '将登记',
    'manifest.created': '已登记：{room} 房',
    'manifest.refused': '被拒',
    'manifest.pickRoom': '第 {row} 行的房间',
    'manifest.noFile': '请先打开名单文件。',
    'mcode.duplicate_in_file': '与第 {detail} 行证件相同',
    'mcode.person_has_open_stay': '此人已有未结束的隔离记录',
    'mcode.no_free_room': '没有空余床位',
    'mcode.unknown_room': '没有这个房间',
    'mcode.room_not_ready': '房间正在清洁或待放房',
    'mcode.room_full': '房间已住满',
    'mcode.room_other_household': '房间已住其他同行组',
    'mcode.room_not_free': '房间已被占用',
    'issue.required': "未填写",
    'issue.date_format': "日期格式应为 1988/7/15",
    'issue.date_invalid': "不是有效日期",
    'issue.datetime_format': "时间格式应为 2026/12/2 2:40",
    'issue.datetime_invalid': "不是有效的日期时间",
    'issue.sex_value': "性别应为 男/女",
    'issue.document_type_value': "证件类型应为 护照/身份证/通行证/其他",
    'issue.language_value': "语言应为 中文/英语/韩语",
    'issue.category_value': "人员类别应为 入境/密接/次密接",
    'issue.country_value': "无法识别的国家",
    'issue.condition_value': "无法识别的特殊情况",
  },
});

/** Rows registered per request, so a 300-row file shows its progress. */
const PART = 50;

/** The opened file, its last dry run, and staff's room picks (row -> room). */
let file = null;
let preview = null;
let picks = {};
let lastReport = null;

function base64(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function defaults() {
  const v = (id) => $(id).value.trim();
  const out = {};
  if (v('#m-arrivedAt')) out.arrivedAt = localToIso(v('#m-arrivedAt').replace('T', ' '), tz());
  if (v('#m-flight')) out.flightNumber = v('#m-flight');
  if (v('#m-origin')) out.originCountry = v('#m-origin').toUpperCase();
  if (v('#m-category')) out.category = v('#m-category');
  return out;
}

const body = (extra = {}) => ({ fileName: file.name, contentBase64: file.b64, defaults: defaults(), ...(Object.keys(picks).length ? { rooms: picks } : {}), ...extra });

/** Why a row is refused, in the page's language: each reason and each cell, by the file's own column. */
function refusal(row) {
  const p = row.problem || {};
  const reasons = (p.reasons || []).map((r) => {
    const detail = (/row (\d+)/.exec(r.message) || [])[1] || '';
    const key = `mcode.${r.code}`;
    const text = t(key, { detail });
    return text === key ? reasonText(r) : text;
  });
  const issues = (p.issues || []).map((i) => issueText(i, i.column || i.path));
  return [...reasons, ...issues].join(' · ') || p.detail || '';
}

async function openFile(f) {
  const bytes = new Uint8Array(await f.arrayBuffer());
  file = { name: f.name, b64: base64(bytes) };
  picks = {};
  lastReport = null;
  await check();
}

async function check() {
  clearBanner();
  if (!file) return banner([t('manifest.noFile')]);
  say(t('manifest.checking'));
  // No registering while the preview it would act on is being redone.
  $('#manifest-send').disabled = true;
  const r = await api('POST', `/facilities/${fid()}/stays/import?dryRun=true`, body());
  $('#manifest-send').disabled = false;
  say('');
  if (!r.ok) {
    preview = null;
    renderPreview();
    return showProblem(r);
  }
  preview = r.data;
  renderPreview();
}

function roomCell(row) {
  if (row.status !== 'ready') return row.roomNumber || '';
  return h('input', {
    class: 'room-pick',
    value: picks[row.row] || row.roomNumber,
    'aria-label': t('manifest.pickRoom', { row: row.row }),
    'data-row': row.row,
    onchange: (e) => {
      const v = e.target.value.trim();
      if (v && v !== row.roomNumber) picks[row.row] = v;
      else delete picks[row.row];
    },
  });
}

function renderPreview() {
  const out = $('#manifest-result');
  $('#manifest-send').hidden = !preview || preview.ready === 0;
  $('#manifest-check').hidden = !preview;
  if (!preview) return fill(out);
  const p = preview;
  $('#manifest-send').textContent = t('manifest.send', { n: p.ready });
  const encoding = p.encoding ? ` (${p.encoding === 'gb18030' ? 'GBK/GB18030' : p.encoding.toUpperCase()})` : '';
  result(
    out,
    [
      t('manifest.preview', { file: file.name, total: p.total, ready: p.ready, refused: p.refused }),
      t('manifest.format', { format: p.format === 'xlsx' ? 'Excel .xlsx' : 'CSV', encoding, columns: p.columns.map((c) => c.header).join(', ') }),
      p.ignoredColumns.length ? t('manifest.ignored', { cols: p.ignoredColumns.join(', ') }) : '',
      table(
        [t('manifest.row'), t('manifest.name'), t('manifest.room'), t('manifest.household'), t('manifest.status')],
        p.rows.map((r) => [String(r.row), r.name, roomCell(r), r.householdId ? r.householdId.split(' ').slice(2).join(' ') : '', r.status === 'ready' ? t('manifest.ready') : `${t('manifest.refused')}: ${refusal(r)}`]),
        (i) => (p.rows[i].status === 'refused' ? 'refused' : undefined),
      ),
    ],
    p.refused ? 'warn' : '',
  );
}

async function send() {
  clearBanner();
  if (!preview) return;
  const rows = preview.rows.map((r) => r.row);
  const btn = $('#manifest-send');
  btn.disabled = true;
  const bar = $('#manifest-progress');
  bar.hidden = false;
  bar.max = rows.length;
  bar.value = 0;
  const report = [];
  try {
    for (let i = 0; i < rows.length; i += PART) {
      say(t('manifest.progress', { done: i, total: rows.length }));
      const r = await api('POST', `/facilities/${fid()}/stays/import`, body({ onlyRows: rows.slice(i, i + PART) }));
      if (!r.ok) return showProblem(r);
      report.push(...r.data.rows);
      bar.value = Math.min(rows.length, i + PART);
    }
    say(t('manifest.progress', { done: rows.length, total: rows.length }));
  } finally {
    btn.disabled = false;
  }
  preview = null;
  $('#manifest-send').hidden = true;
  $('#manifest-check').hidden = true;
  lastReport = report;
  renderReport();
  $('#manifest-result').focus();
}

function renderReport() {
  const report = lastReport;
  if (!report) return;
  const created = report.filter((x) => x.status === 'created').length;
  const refused = report.filter((x) => x.status === 'refused');
  result(
    $('#manifest-result'),
    [
      t('manifest.report', { created, refused: refused.length }),
      refused.length ? h('p', {}, h('button', { type: 'button', id: 'manifest-refused', class: 'secondary', onclick: () => downloadRefused(refused), text: t('manifest.refusedFile', { n: refused.length }) })) : '',
      table(
        [t('manifest.row'), t('manifest.name'), t('manifest.status')],
        report.map((x) => [String(x.row), x.name, x.status === 'created' ? t('manifest.created', { room: x.roomNumber }) : `${t('manifest.refused')}: ${refusal(x)}`]),
        (i) => (report[i].status === 'refused' ? 'refused' : undefined),
      ),
    ],
    refused.length ? 'warn' : '',
  );
}

async function downloadRefused(refused) {
  const r = await api('POST', `/facilities/${fid()}/stays/import/refused`, { fileName: file.name, contentBase64: file.b64, rows: refused.map((x) => ({ row: x.row, reason: refusal(x) })) });
  if (!r.ok) return showProblem(r);
  const bytes = Uint8Array.from(atob(r.data.contentBase64), (c) => c.charCodeAt(0));
  saveFile(r.data.fileName, new Blob([bytes], { type: r.data.mediaType }));
}

async function downloadTemplate() {
  const r = await api('GET', `/facilities/${fid()}/stays/import/template`, undefined, { raw: true });
  if (!r.ok) return banner([t('err.server', { status: r.status })]);
  saveFile('manifest-template.xlsx', await r.res.blob());
}

export default {
  view: 'manifest',
  init() {
    $('#manifest-check').addEventListener('click', check);
    $('#manifest-send').addEventListener('click', send);
    $('#manifest-template').addEventListener('click', downloadTemplate);
    $('#manifest-file').addEventListener('change', async (e) => {
      const f = e.target.files[0];
      if (f) await openFile(f);
      e.target.value = '';
    });
  },
  show() {
    if (!session.facility) return;
  },
  relabel() {
    if (preview) renderPreview();
    else renderReport();
  },
};
