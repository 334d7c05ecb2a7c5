import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { CheckCorrection, OriginalReading } from '../domain/check-correction.js';
import { CHECK_SLOTS, type CheckSlot, type Symptom } from '../domain/checks.js';
import { db, tableName } from '../shared/db.js';
import { queryPrefix } from './partition.js';
import { stayKeys } from './stay.js';

// Temperature check (the daily temperature log of the paper file): PK STAY#<id>,
// SK CHECK#<date>#AM|PM, so one item per slot per day and the log reads in order.
// The stay item and the room's occupant carry a small copy (`checkMarks`) so the
// stay list and the board show today's status without reading these items.

export interface CheckRecord {
  stayId: string;
  facilityId: string;
  /** The hotel room, or the grid cell of a home stay (domain/place.ts). */
  roomNumber?: string;
  gridCell?: string;
  /** Local date (facility time zone) the check belongs to. */
  date: string;
  slot: CheckSlot;
  dayOfStay: number;
  temperatureC: number;
  symptoms: Symptom[];
  note?: string;
  measuredAt: string;
  /** Fever (>= 37.3 °C) or a symptom. */
  alert: boolean;
  recordedAt: string;
  recordedBy: string;
  /** Set once the check is corrected: the reading first recorded (the values above are the corrected ones). */
  original?: OriginalReading;
  /** Every correction, oldest first: values before and after, who, when and why. */
  corrections?: CheckCorrection[];
  /** Who took the reading: the person on their own page, or staff (absent: staff). */
  source?: 'self' | 'staff';
  /** A self-report sent after the slot's deadline. */
  late?: boolean;
  /** Staff confirmed a self-report as it stands (a correction also settles it). */
  confirmedAt?: string;
  confirmedBy?: string;
}

const slotCode = (slot: CheckSlot) => (slot === 'morning' ? 'AM' : 'PM');

export const checkKeys = {
  prefix: 'CHECK#',
  key: (stayId: string, date: string, slot: CheckSlot) => ({ PK: stayKeys.pk(stayId), SK: `CHECK#${date}#${slotCode(slot)}` }),
};

/** The check's id in URLs: its date and slot, e.g. 2026-12-03-morning. */
export function checkIdOf(c: Pick<CheckRecord, 'date' | 'slot'>): string {
  return `${c.date}-${c.slot}`;
}

export function parseCheckId(checkId: string): { date: string; slot: CheckSlot } | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})-([a-z]+)$/.exec(checkId);
  const slot = CHECK_SLOTS.find((s) => s === m?.[2]);
  return m && slot ? { date: m[1]!, slot } : undefined;
}

export function checkItem(c: CheckRecord) {
  return { ...checkKeys.key(c.stayId, c.date, c.slot), type: 'Check', ...c };
}

function fromItem(item: Record<string, unknown>): CheckRecord {
  const { PK: _pk, SK: _sk, type: _type, ...rest } = item;
  return rest as unknown as CheckRecord;
}

export async function getCheck(stayId: string, date: string, slot: CheckSlot): Promise<CheckRecord | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: checkKeys.key(stayId, date, slot), ConsistentRead: true }));
  return out.Item ? fromItem(out.Item) : undefined;
}

/** Every check of a stay, oldest first (a 60-day stay holds at most 120). */
export async function listChecks(stayId: string, opts: { consistent?: boolean } = {}): Promise<CheckRecord[]> {
  return (await queryPrefix(stayKeys.pk(stayId), checkKeys.prefix, opts)).map(fromItem);
}

/** The latest `limit` checks by date, newest first, read consistently. */
export async function latestChecks(stayId: string, limit: number): Promise<CheckRecord[]> {
  const out = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': stayKeys.pk(stayId), ':prefix': checkKeys.prefix },
      ScanIndexForward: false,
      Limit: limit,
      ConsistentRead: true,
    }),
  );
  return (out.Items ?? []).map(fromItem);
}
