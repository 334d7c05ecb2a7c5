import { boardSheets, departureSheets, todaySheets } from '../exports/sheets.js';
import type { ExportLang } from '../schemas/care.js';
import type { Principal } from '../shared/principal.js';
import { writeWorkbook } from '../xlsx/write-workbook.js';
import { roomBoard } from './room-board.js';
import { todaySheet } from './today-sheet.js';
import { transportPlan } from './transport-plan.js';

// Excel exports for facility staff: the same data as the board, the daily sheet and
// the departures screens (their use cases, so the facility check is theirs), as .xlsx.

export interface ExportFile {
  fileName: string;
  bytes: Buffer;
}

export async function boardExport(principal: Principal, facilityId: string, q: { lang: ExportLang }): Promise<ExportFile> {
  const board = await roomBoard(principal, facilityId);
  return { fileName: `board-${board.date}.xlsx`, bytes: writeWorkbook(boardSheets(board, q.lang)) };
}

export async function todayExport(principal: Principal, facilityId: string, q: { lang: ExportLang; date?: string }): Promise<ExportFile> {
  const sheet = await todaySheet(principal, facilityId, q);
  return { fileName: `daily-sheet-${sheet.date}.xlsx`, bytes: writeWorkbook(todaySheets(sheet, q.lang)) };
}

export async function departuresExport(principal: Principal, facilityId: string, q: { lang: ExportLang; date?: string; windowMinutes: number }): Promise<ExportFile> {
  const plan = await transportPlan(principal, facilityId, q);
  return { fileName: `departures-${plan.date}.xlsx`, bytes: writeWorkbook(departureSheets(plan, q.lang)) };
}
