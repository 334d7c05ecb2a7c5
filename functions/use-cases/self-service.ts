import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut } from '../entities/audit.js';
import type { CheckRecord } from '../entities/check.js';
import { getCheck, parseCheckId } from '../entities/check.js';
import { getFacilityCached } from '../entities/facility.js';
import { listStayDocuments } from '../entities/document.js';
import { newRequestId, requestIdParts, requestItem, requestKeys, requestsOfFacility, requestsOfStay, type RequestKind, type RequestStatus, type StaffRequest } from '../entities/staff-request.js';
import { localDate } from '../domain/calendar.js';
import { placeFields } from '../domain/place.js';
import { CHECK_SLOTS, type CheckSlot, type Symptom } from '../domain/checks.js';
import { currentDay, dayOfStay } from '../domain/schedule.js';
import { currentSlot, reportTiming, slotDeadline, slotDeadlines, zonedInstant } from '../domain/self-report.js';
import { db, tableName } from '../shared/db.js';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.js';
import { randomToken } from '../shared/ids.js';
import { decodeCursor, encodeCursor } from '../shared/pagination.js';
import type { Principal } from '../shared/principal.js';
import { transactWithRetry } from '../shared/transact.js';
import { assertOpen, isOpen, type CareStay } from './care-context.js';
import { loadFacilityFor } from './load-facility.js';
import { loadStayFor } from './load-stay.js';
import type { PersonalAccess } from './personal-link.js';
import { newReading, withCheckId, writeCheck } from './record-check.js';

// What the person does on their own page (opened with the personal link's secret,
// use-cases/personal-link.ts): see their stay, send the twice-daily report, send
// requests to staff and, after release, download the three documents. And what
// staff do with it: list and answer requests, confirm self-reported checks.

/** The actor of everything done through the personal link, in checks and the audit trail. */
export const SELF: Principal = { subject: 'self', role: 'staff', facilities: [] };

export type PersonSlotStatus = 'done' | 'late' | 'alert' | 'pending' | 'missing' | 'not_due';

export interface PersonPage {
  language: 'zh' | 'en' | 'ko';
  name: string;
  facility: { name: string; nameEn?: string; timeZone: string };
  status: CareStay['status'];
  today: string;
  day: number;
  stayDays: number;
  day1Date: string;
  endDate: string;
  /** The instant observation ends (the start of the day after endDate, facility time): the countdown's target. */
  endsAt: string;
  nextTest?: { date: string; day: number };
  slots: { date: string; slot: CheckSlot; deadline: string; status: PersonSlotStatus; temperatureC?: number; late?: boolean }[];
  /** The slot the form offers now (absent when no report can be sent). */
  reportSlot?: { date: string; slot: CheckSlot };
  requests: Pick<StaffRequest, 'requestId' | 'kind' | 'text' | 'status' | 'createdAt' | 'updatedAt' | 'reply'>[];
  documents: { documentId: string; type: string; issuedAt: string }[];
}

export async function personPage(access: PersonalAccess, now = new Date()): Promise<PersonPage> {
  const stay = access.stay as CareStay;
  const { facility } = access;
  const tz = facility.timeZone;
  const deadlines = slotDeadlines(facility.policy as never);
  const today = localDate(now, tz);
  const s = stay.schedule;
  const marks = stay.checkMarks ?? {};
  const open = isOpen(stay);
  const slots: PersonPage['slots'] = [];
  for (const slot of CHECK_SLOTS) {
    const deadline = slotDeadline(today, slot, deadlines, tz);
    const mark = marks[today]?.[slot];
    let status: PersonSlotStatus;
    if (mark) status = mark.alert ? 'alert' : mark.late ? 'late' : 'done';
    else if (!open || today < s.day1Date || today > s.endDate) status = 'not_due';
    else status = now.getTime() > deadline.getTime() ? 'missing' : 'pending';
    slots.push({ date: today, slot, deadline: deadline.toISOString(), status, ...(mark ? { temperatureC: mark.temperatureC } : {}), ...(mark?.late ? { late: true } : {}) });
  }
  let reportSlot: PersonPage['reportSlot'];
  if (open) {
    const y = { date: localDate(new Date(zonedInstant(today, '00:00', tz).getTime() - 3_600_000), tz), slot: 'evening' as const };
    const cur = currentSlot(now, tz);
    // The slot of the moment first: yesterday's evening (still open until this morning's deadline) only once it is sent.
    for (const cand of [cur, y, ...(cur.slot === 'morning' ? [{ date: today, slot: 'evening' as const }] : [])]) {
      if (marks[cand.date]?.[cand.slot]) continue;
      if (reportTiming(cand, now, tz, deadlines, s).ok) {
        reportSlot = cand;
        break;
      }
    }
  }
  const nextTestDate = s.retestDates.find((d) => d >= today);
  const [requests, documents] = await Promise.all([requestsOfStay(stay.stayId, 20), stay.status === 'released' ? listStayDocuments(stay.stayId) : Promise.resolve([])]);
  return {
    language: stay.person.language,
    name: stay.person.nameNative,
    facility: { name: facility.name, ...(facility.nameEn ? { nameEn: facility.nameEn } : {}), timeZone: tz },
    status: stay.status,
    today,
    day: Math.max(0, Math.min(currentDay(s.day1Date, now, tz), dayOfStay(s.day1Date, s.endDate))),
    stayDays: dayOfStay(s.day1Date, s.endDate),
    day1Date: s.day1Date,
    endDate: s.endDate,
    endsAt: zonedInstant(s.releaseDate, '00:00', tz).toISOString(),
    ...(open && nextTestDate ? { nextTest: { date: nextTestDate, day: dayOfStay(s.day1Date, nextTestDate) } } : {}),
    slots,
    ...(reportSlot ? { reportSlot } : {}),
    requests: requests.map(({ requestId, kind, text, status, createdAt, updatedAt, reply }) => ({ requestId, kind, text, status, createdAt, updatedAt, ...(reply ? { reply } : {}) })),
    documents: documents.filter((d) => d.state === 'valid' && d.anonymizedAt === undefined).map((d) => ({ documentId: d.documentId, type: d.type, issuedAt: d.issuedAt })),
  };
}

export interface SelfReportInput {
  slot: CheckSlot;
  date?: string;
  temperatureC: number;
  symptoms: Symptom[];
}

export async function selfReport(access: PersonalAccess, input: SelfReportInput, now = new Date()) {
  const stay = access.stay as CareStay;
  const { facility } = access;
  assertOpen(stay, 'reports');
  const date = input.date ?? localDate(now, facility.timeZone);
  const timing = reportTiming({ date, slot: input.slot }, now, facility.timeZone, slotDeadlines(facility.policy as never), stay.schedule);
  if (!timing.ok) throw new ValidationError([{ path: input.date ? 'date' : 'slot', message: timing.message, code: timing.code }]);
  const at = now.toISOString();
  const check: CheckRecord = {
    ...newReading(stay, { date, slot: input.slot, temperatureC: input.temperatureC, symptoms: input.symptoms }, { measuredAt: at, recordedAt: at, recordedBy: SELF.subject }),
    source: 'self',
    ...(timing.late ? { late: true } : {}),
  };
  const written = await writeCheck(SELF, stay, facility, now, {
    check,
    expected: undefined,
    onCheckConflict: () => new ConflictError(`The ${input.slot} report of ${date} was already sent.`, [{ code: 'check_exists', message: 'Already reported. If it was wrong, tell the staff: they can correct it.' }]),
    audit: { action: 'check_self_reported', changes: { date, slot: input.slot, alert: check.alert, late: timing.late } },
    reminderNote: `${input.slot} (self-report${timing.late ? ', late' : ''}): ${[`${input.temperatureC.toFixed(1)} °C`, ...input.symptoms].join(', ')}`,
  });
  return { check: withCheckId(check), late: timing.late, alert: check.alert, urgentReminder: written.reminderId !== undefined };
}

/** Staff confirm a self-reported check as it stands (to correct it, POST …/correction). */
export async function confirmCheck(principal: Principal, stayId: string, checkId: string, now = new Date()) {
  const stay = (await loadStayFor(principal, stayId, true)) as CareStay;
  const id = parseCheckId(checkId);
  const existing = id ? await getCheck(stayId, id.date, id.slot) : undefined;
  if (!existing) throw new NotFoundError(`This stay has no check ${checkId}.`);
  if (existing.source !== 'self') throw new ConflictError('Only a self-reported check is confirmed.', [{ code: 'not_self_reported', message: 'Staff readings need no confirmation.' }]);
  assertOpen(stay, 'confirmations');
  const facility = await getFacilityCached(stay.facilityId);
  if (!facility) throw new NotFoundError('No such facility.');
  if (existing.confirmedAt) return { check: withCheckId(existing) };
  const check: CheckRecord = { ...existing, confirmedAt: now.toISOString(), confirmedBy: principal.subject };
  await writeCheck(principal, stay, facility, now, {
    check,
    expected: existing,
    onCheckConflict: () => new ConflictError('The check changed meanwhile. Reload and try again.', [{ code: 'stay_changed', message: 'The check changed.' }]),
    audit: { action: 'check_confirmed', changes: { date: existing.date, slot: existing.slot } },
    reminderNote: `${existing.slot}: confirmed`,
  });
  return { check: withCheckId(check) };
}

// ---- Requests to staff ----------------------------------------------------------

/** Open requests a person may have at once: more is a flood, not a need. */
const MAX_OPEN_REQUESTS = 10;

export async function sendRequest(access: PersonalAccess, input: { kind: RequestKind; text: string }, now = new Date()) {
  const stay = access.stay;
  assertOpen(stay, 'requests');
  const mine = await requestsOfStay(stay.stayId, 50);
  if (mine.filter((r) => r.status === 'open').length >= MAX_OPEN_REQUESTS) {
    throw new ConflictError('Too many open requests.', [{ code: 'stay_changed', message: `At most ${MAX_OPEN_REQUESTS} requests can wait at once; staff will answer soon.` }]);
  }
  const at = now.toISOString();
  const request: StaffRequest = {
    requestId: newRequestId(at, randomToken(6)),
    stayId: stay.stayId,
    facilityId: stay.facilityId,
    ...placeFields(stay),
    kind: input.kind,
    text: input.text,
    status: 'open',
    createdAt: at,
    updatedAt: at,
  };
  await transactWithRetry(
    [
      { Put: { TableName: tableName(), Item: requestItem(request), ConditionExpression: 'attribute_not_exists(PK)' } },
      auditPut({ stayId: stay.stayId, at, actor: SELF.subject, action: 'request_sent', changes: { requestId: request.requestId, kind: input.kind } }),
    ],
    () => undefined,
  );
  return request;
}

export async function listRequests(principal: Principal, facilityId: string, q: { status: RequestStatus; limit: number; cursor?: string }) {
  await loadFacilityFor(principal, facilityId);
  const page = await requestsOfFacility(facilityId, q.status, q.limit, decodeCursor(q.cursor, { index: 'GSI1', partition: requestKeys.listPk(facilityId, q.status) }));
  return { requests: page.requests, cursor: encodeCursor(page.lastKey) };
}

export async function answerRequest(principal: Principal, stayId: string, requestId: string, input: { status: RequestStatus; reply?: string }, now = new Date()) {
  const stay = await loadStayFor(principal, stayId);
  const parts = requestIdParts(requestId);
  if (!parts) throw new NotFoundError('No such request.');
  const at = now.toISOString();
  const key = requestKeys.key(stayId, parts.createdAt, requestId);
  // The answer and its audit entry together; the status moves the request to its list (GSI1).
  await transactWithRetry(
    [
      {
        Update: {
          TableName: tableName(),
          Key: key,
          UpdateExpression: `SET #status = :s, updatedAt = :at, handledBy = :by, GSI1PK = :pk${input.reply !== undefined ? ', reply = :reply' : ''}`,
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':s': input.status, ':at': at, ':by': principal.subject, ':pk': requestKeys.listPk(stay.facilityId, input.status), ...(input.reply !== undefined ? { ':reply': input.reply } : {}) },
        },
      },
      auditPut({ stayId, at, actor: principal.subject, action: 'request_answered', changes: { requestId, status: input.status } }),
    ],
    (reasons) => (reasons[0]?.Code === 'ConditionalCheckFailed' ? new NotFoundError('No such request.') : undefined),
  );
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
  const { PK: _a, SK: _b, GSI1PK: _c, GSI1SK: _d, type: _e, ...rest } = out.Item ?? {};
  return rest as unknown as StaffRequest;
}
