import type { ExportLang } from '../schemas/care.js';
import type { Board, BoardOccupant, BoardRoom } from '../use-cases/room-board.js';
import type { SheetOccupant, TodaySheet } from '../use-cases/today-sheet.js';
import type { TransportGroup, TransportPerson, TransportPlan } from '../use-cases/transport-plan.js';
import type { WallClock } from '../xlsx/number-formats.js';
import type { SheetSpec, XlsxCell } from '../xlsx/write-workbook.js';
import { listJoin, wordsFor, type Say } from './labels.js';

// The Excel exports of the board, the daily sheet and departures: each sheet is a
// table of columns (header in zh and en, width, the cell from one row), so adding a
// column is one line. Names in both scripts and room numbers; never ids.

interface Ctx {
  say: Say;
  list: (items: string[]) => string;
}

export interface ExportColumn<R> {
  zh: string;
  en: string;
  width: number;
  cell: (row: R, ctx: Ctx) => XlsxCell;
}

/** A calendar date (YYYY-MM-DD) as an Excel date, so the column sorts and filters as dates. */
const dateCell = (date: string): XlsxCell => ({ value: { wall: true, y: +date.slice(0, 4), m: +date.slice(5, 7), d: +date.slice(8, 10), h: 0, mi: 0, s: 0 } satisfies WallClock, numFmt: 'yyyy-mm-dd' });

type BoardRow = { room: BoardRoom; occupant?: BoardOccupant };

export const BOARD_COLUMNS: ExportColumn<BoardRow>[] = [
  { zh: '楼层', en: 'Floor', width: 8, cell: (r) => r.room.floor ?? '' },
  { zh: '区域', en: 'Zone', width: 10, cell: (r) => r.room.zone ?? '' },
  { zh: '房间', en: 'Room', width: 9, cell: (r) => r.room.roomNumber },
  { zh: '房态', en: 'Room state', width: 11, cell: (r, c) => c.say('state', r.room.state) },
  { zh: '床位', en: 'Beds', width: 7, cell: (r) => r.room.capacity },
  { zh: '姓名', en: 'Name', width: 16, cell: (r) => r.occupant?.nameNative ?? '' },
  { zh: '拼音/英文名', en: 'Latin name', width: 20, cell: (r) => r.occupant?.nameLatin ?? '' },
  { zh: '第几天', en: 'Day', width: 8, cell: (r) => r.occupant?.dayOfStay ?? null },
  { zh: '结束日期', en: 'End date', width: 12, cell: (r) => (r.occupant ? dateCell(r.occupant.endDate) : null) },
  { zh: '状态', en: 'Status', width: 14, cell: (r, c) => (r.occupant ? c.say('status', r.occupant.status) : '') },
  { zh: '待处理', en: 'Needs action', width: 24, cell: (r, c) => c.list((r.occupant?.flags ?? []).map((f) => c.say('flag', f))) },
  { zh: '早测温', en: 'Morning check', width: 11, cell: (r, c) => (r.occupant ? c.say('slot', r.occupant.checks.morning) : '') },
  { zh: '晚测温', en: 'Evening check', width: 11, cell: (r, c) => (r.occupant ? c.say('slot', r.occupant.checks.evening) : '') },
];

const place = (p: { roomNumber?: string; gridCell?: string }) => p.roomNumber ?? p.gridCell ?? '';

export const TODAY_COLUMNS: ExportColumn<SheetOccupant>[] = [
  { zh: '房间', en: 'Room', width: 9, cell: (o) => place(o) },
  { zh: '姓名', en: 'Name', width: 16, cell: (o) => o.nameNative },
  { zh: '拼音/英文名', en: 'Latin name', width: 20, cell: (o) => o.nameLatin },
  { zh: '性别', en: 'Sex', width: 7, cell: (o, c) => c.say('sex', o.sex) },
  { zh: '年龄', en: 'Age', width: 6, cell: (o) => o.age },
  { zh: '类别', en: 'Category', width: 14, cell: (o, c) => c.say('cat', o.category) },
  { zh: '语言', en: 'Language', width: 9, cell: (o, c) => c.say('lang', o.language) },
  { zh: '第几天', en: 'Day', width: 8, cell: (o) => o.dayOfStay },
  { zh: '饮食', en: 'Diet', width: 14, cell: (o) => o.diet ?? '' },
  { zh: '民族', en: 'Ethnicity', width: 10, cell: (o) => o.ethnicity ?? '' },
  { zh: '特殊情况', en: 'Special conditions', width: 20, cell: (o, c) => c.list(o.specialConditions.map((s) => c.say('cond', s))) },
  { zh: '用餐', en: 'Meals', width: 18, cell: (o, c) => c.list(o.meals.map((m) => c.say('meal', m))) },
  { zh: '早测温', en: 'Morning check', width: 11, cell: (o, c) => c.say('slot', o.checks.morning) },
  { zh: '晚测温', en: 'Evening check', width: 11, cell: (o, c) => c.say('slot', o.checks.evening) },
  {
    zh: '今日事项', en: 'Today', width: 20,
    cell: (o, c) => c.list((['birthday', 'retestDue', 'documentsDue', 'lastDay'] as const).filter((k) => o[k]).map((k) => c.say('today', k.replace(/Due$/, '')))),
  },
];

type MealRow = TodaySheet['meals'][number];

export const MEAL_COLUMNS: ExportColumn<MealRow>[] = [
  { zh: '餐次', en: 'Meal', width: 10, cell: (m, c) => c.say('meal', m.meal) },
  { zh: '份数', en: 'Portions', width: 8, cell: (m) => m.portions },
  { zh: '饮食备注', en: 'Diet notes', width: 60, cell: (m) => m.notes.map((n) => `${place(n)} ${n.nameNative}: ${[n.diet, n.ethnicity].filter(Boolean).join(' · ')}`).join('\n') },
];

type DepartureRow = { plan: TransportPlan; group: TransportGroup; person: TransportPerson };

/** Departures in plan order (mode, window, time, room); one column a line here. */
export const DEPARTURE_COLUMNS: ExportColumn<DepartureRow>[] = [
  { zh: '日期', en: 'Date', width: 12, cell: (r) => dateCell(r.plan.date) },
  { zh: '方式', en: 'Mode', width: 8, cell: (r, c) => c.say('mode', r.group.mode) },
  { zh: '时间段', en: 'Window', width: 13, cell: (r) => `${r.group.window.from}–${r.group.window.to}` },
  { zh: '出发时间', en: 'Departure time', width: 10, cell: (r) => r.person.localTime },
  { zh: '航班/车次', en: 'Number', width: 11, cell: (r) => r.person.number ?? '' },
  { zh: '房间', en: 'Room', width: 9, cell: (r) => place(r.person) },
  { zh: '姓名', en: 'Name', width: 16, cell: (r) => r.person.nameNative },
  { zh: '拼音/英文名', en: 'Latin name', width: 20, cell: (r) => r.person.nameLatin },
  { zh: '目的地城市', en: 'Destination city', width: 18, cell: (r) => r.person.destination.city },
  { zh: '目的地国家', en: 'Destination country', width: 10, cell: (r) => r.person.destination.country },
];

function sheet<R>(name: string, columns: ExportColumn<R>[], rows: R[], lang: ExportLang): SheetSpec {
  const ctx: Ctx = { say: wordsFor(lang), list: listJoin(lang) };
  return {
    name,
    columns: columns.map((c) => ({ width: c.width })),
    rows: [columns.map((c) => c[lang]), ...rows.map((r) => columns.map((c) => c.cell(r, ctx)))],
    boldFirstRow: true,
    freezeFirstRow: true,
  };
}

/** One row per person, and one for each room without anyone, in the board's room order. */
export function boardSheets(board: Board, lang: ExportLang): SheetSpec[] {
  const rows = board.rooms.flatMap((room): BoardRow[] => (room.occupants.length ? room.occupants.map((occupant) => ({ room, occupant })) : [{ room }]));
  return [sheet(`${lang === 'zh' ? '房态' : 'Board'} ${board.date}`, BOARD_COLUMNS, rows, lang)];
}

export function todaySheets(today: TodaySheet, lang: ExportLang): SheetSpec[] {
  return [
    sheet(`${lang === 'zh' ? '每日清单' : 'Daily sheet'} ${today.date}`, TODAY_COLUMNS, today.occupants, lang),
    sheet(lang === 'zh' ? '用餐' : 'Meals', MEAL_COLUMNS, today.meals, lang),
  ];
}

export function departureSheets(plan: TransportPlan, lang: ExportLang): SheetSpec[] {
  const rows = plan.groups.flatMap((group) => group.people.map((person) => ({ plan, group, person })));
  return [sheet(`${lang === 'zh' ? '离店' : 'Departures'} ${plan.date}`, DEPARTURE_COLUMNS, rows, lang)];
}
