// Flight manifest: a CSV file (one row a person) checked in the page, then registered
// in batches; the result says, row by row, the room or why the row was refused.
import { api } from './api.js';
import { $, saveFile, table } from './dom.js';
import { setPath } from './forms.js';
import { register, t } from './i18n.js';
import { banner, clearBanner, issueText, reasonText, result, say, showProblem } from './notice.js';
import { fid } from './state.js';
import { localToIso, todayLocal, tz } from './time.js';

register({
  en: {
    'manifest.title': 'Flight manifest',
    'manifest.help': 'Paste or open a CSV file with a header row. Columns:',
    'manifest.hint': 'arrived_at: ISO time with offset or "YYYY-MM-DD HH:MM" in facility time; special_conditions separated by ";". Empty cells are left out.',
    'manifest.template': 'Download template',
    'manifest.file': 'Open CSV file',
    'manifest.paste': 'CSV text',
    'manifest.preview': 'Check rows',
    'manifest.send': 'Register all rows',
    'manifest.empty': 'The CSV has no data rows.',
    'manifest.unknownColumns': 'Unknown columns: {cols}',
    'manifest.ready': '{n} rows ready to register.',
    'manifest.report': '{created} registered, {refused} refused.',
    'manifest.row': 'Line',
    'manifest.name': 'Name',
    'manifest.status': 'Result',
    'manifest.created': 'Registered: room {room}',
    'manifest.refused': 'Refused',
    'manifest.tooMany': 'At most {n} rows at once.',
  },
  zh: {
    'manifest.title': '航班名单导入',
    'manifest.help': '粘贴或打开带表头的 CSV 文件。列：',
    'manifest.hint': 'arrived_at：带时区的 ISO 时间，或隔离点当地时间“YYYY-MM-DD HH:MM”；special_conditions 用“;”分隔。空单元格不提交。',
    'manifest.template': '下载模板',
    'manifest.file': '打开 CSV 文件',
    'manifest.paste': 'CSV 内容',
    'manifest.preview': '检查各行',
    'manifest.send': '全部登记',
    'manifest.empty': 'CSV 没有数据行。',
    'manifest.unknownColumns': '无法识别的列：{cols}',
    'manifest.ready': '{n} 行可以登记。',
    'manifest.report': '登记成功 {created} 人，被拒 {refused} 人。',
    'manifest.row': '行',
    'manifest.name': '姓名',
    'manifest.status': '结果',
    'manifest.created': '已登记：{room} 房',
    'manifest.refused': '被拒',
    'manifest.tooMany': '一次最多 {n} 行。',
  },
});

const MANIFEST_COLUMNS = [
  'name_native', 'name_latin', 'sex', 'birth_date', 'nationality', 'document_type', 'document_number', 'document_country', 'phone', 'language',
  'category', 'arrived_at', 'flight_number', 'origin_country', 'diet', 'ethnicity', 'special_conditions', 'notes', 'room_number',
];
const COLUMN_PATHS = {
  name_native: 'person.nameNative', name_latin: 'person.nameLatin', sex: 'person.sex', birth_date: 'person.birthDate', nationality: 'person.nationality',
  document_type: 'person.document.type', document_number: 'person.document.number', document_country: 'person.document.country', phone: 'person.phone',
  language: 'person.language', category: 'category', arrived_at: 'arrival.arrivedAt', flight_number: 'arrival.flightNumber', origin_country: 'arrival.originCountry',
  diet: 'diet', ethnicity: 'ethnicity', special_conditions: 'specialConditions', notes: 'notes', room_number: 'roomNumber',
};
const PATH_COLUMNS = Object.fromEntries(Object.entries(COLUMN_PATHS).map(([c, p]) => [p, c]));
/** Rows per batch request (the API's limit). */
const MAX_ROWS = 500;

/** The rows checked by "Check rows", sent by "Register all rows"; cleared when the text changes. */
let checkedRows = [];

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF; a leading BOM is dropped. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows.filter((r) => r.some((x) => x.trim() !== ''));
}

function manifestRows() {
  const rows = parseCsv($('#manifest-text').value);
  if (rows.length < 2) throw new Error(t('manifest.empty'));
  const header = rows[0].map((x) => x.trim().toLowerCase());
  const unknown = header.filter((x) => !COLUMN_PATHS[x]);
  if (unknown.length) throw new Error(t('manifest.unknownColumns', { cols: unknown.join(', ') }));
  if (rows.length - 1 > MAX_ROWS * 4) throw new Error(t('manifest.tooMany', { n: MAX_ROWS * 4 }));
  return rows.slice(1).map((cells, i) => {
    const body = {};
    header.forEach((col, j) => {
      let v = (cells[j] || '').trim();
      if (v === '') return;
      if (['sex', 'nationality', 'document_country', 'origin_country', 'flight_number'].includes(col)) v = v.toUpperCase();
      if (col === 'arrived_at') v = localToIso(v, tz());
      if (col === 'special_conditions') v = v.split(/[;|]/).map((x) => x.trim()).filter(Boolean);
      setPath(body, COLUMN_PATHS[col], v);
    });
    return { line: i + 2, body };
  });
}

function previewManifest() {
  clearBanner();
  try {
    checkedRows = manifestRows();
  } catch (err) {
    checkedRows = [];
    return banner([err.message]);
  }
  const rows = checkedRows;
  result($('#manifest-result'), [
    t('manifest.ready', { n: rows.length }),
    table([t('manifest.row'), t('manifest.name'), t('f.docNumber'), t('f.arrivedAt')], rows.map((r) => [String(r.line), `${(r.body.person && r.body.person.nameNative) || ''} ${(r.body.person && r.body.person.nameLatin) || ''}`, (r.body.person && r.body.person.document && r.body.person.document.number) || '', (r.body.arrival && r.body.arrival.arrivedAt) || ''])),
  ]);
}

function refusalText(problem) {
  const issues = (problem.issues || []).map((i) => issueText(i, PATH_COLUMNS[i.path] || PATH_COLUMNS[i.path.replace(/\.\d+$/, '')] || i.path));
  const reasons = (problem.reasons || []).map(reasonText);
  return [...reasons, ...issues].join(' · ') || problem.detail || problem.title;
}

async function sendManifest() {
  clearBanner();
  if (!checkedRows.length) previewManifest();
  const rows = checkedRows;
  if (!rows.length) return;
  const btn = $('#manifest-send');
  btn.disabled = true;
  say(t('loading'));
  const report = [];
  try {
    for (let start = 0; start < rows.length; start += MAX_ROWS) {
      const chunk = rows.slice(start, start + MAX_ROWS);
      const r = await api('POST', `/facilities/${fid()}/stays/batch`, { stays: chunk.map((x) => x.body) });
      if (!r.ok) return showProblem(r);
      for (const x of r.data.rows) report.push({ ...x, line: chunk[x.row].line, body: chunk[x.row].body });
    }
  } finally {
    btn.disabled = false;
    say('');
  }
  const created = report.filter((x) => x.status === 'created').length;
  result(
    $('#manifest-result'),
    [
      t('manifest.report', { created, refused: report.length - created }),
      table(
        [t('manifest.row'), t('manifest.name'), t('manifest.status')],
        report.map((x) => [String(x.line), `${(x.body.person && x.body.person.nameNative) || ''} ${(x.body.person && x.body.person.nameLatin) || ''}`, x.status === 'created' ? t('manifest.created', { room: x.roomNumber }) : `${t('manifest.refused')}: ${refusalText(x.problem)}`]),
        (i) => (report[i].status === 'refused' ? 'refused' : undefined),
      ),
    ],
    report.length - created ? 'warn' : '',
  );
  checkedRows = [];
  $('#manifest-result').focus();
}

function manifestTemplate() {
  const example = ['张伟', 'ZHANG Wei', 'M', '1985-03-02', 'CN', 'passport', 'E12345678', 'CN', '+86 138 0000 0000', 'zh', 'inbound', `${todayLocal()} 08:30`, 'CA936', 'FR', '', '', '', '', ''];
  saveFile('manifest-template.csv', new Blob([`\uFEFF${MANIFEST_COLUMNS.join(',')}\r\n${example.join(',')}\r\n`], { type: 'text/csv;charset=utf-8' }));
}

export default {
  view: 'manifest',
  init() {
    $('#manifest-columns').textContent = MANIFEST_COLUMNS.join(',');
    $('#manifest-preview').addEventListener('click', previewManifest);
    $('#manifest-send').addEventListener('click', sendManifest);
    $('#manifest-template').addEventListener('click', manifestTemplate);
    $('#manifest-text').addEventListener('input', () => (checkedRows = []));
    $('#manifest-file').addEventListener('change', async (e) => {
      const file = e.target.files[0];
      if (!file) return;
      $('#manifest-text').value = await file.text();
      checkedRows = [];
      previewManifest();
    });
  },
};
