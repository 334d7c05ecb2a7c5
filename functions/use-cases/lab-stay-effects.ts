import { placeFields, placeLabel } from '../domain/place.js';
import { auditPut } from '../entities/audit.js';
import { documentKeys, type DocumentRecord } from '../entities/document.js';
import { dueKeys, type DueKind } from '../entities/due-item.js';
import type { Facility } from '../entities/facility.js';
import { putReminderOnce, type Reminder } from '../entities/reminder.js';
import { occupantFieldItem } from '../entities/room.js';
import { OPEN_STATUSES, stayKeys, type Stay } from '../entities/stay.js';
import { localDate } from '../domain/calendar.js';
import { retestDatesCovered, type LabResultVersion } from '../domain/lab-result.js';
import { dayOfStay } from '../domain/schedule.js';
import { tableName } from '../shared/db.js';
import type { TxItems } from '../shared/transact.js';
import { dueItemsOf } from './register-stay.js';

// What a lab result does to the stay it belongs to, as transaction items written
// together with the result itself (ingest-lab-results.ts, assign-sample.ts):
//
// - the stay's version goes up (release pins it: a result arriving meanwhile makes
//   release check again) — conditional on the version read, so a concurrent change
//   makes the caller read again and retry;
// - a positive result marks an active stay `positive` (transfer to hospital pending),
//   updates the room board's copy, and raises an URGENT reminder for the facility —
//   for every positive report, even one a later report of the same sample
//   supersedes: a positive is never silently dropped, staff decide. A correction
//   never clears `positive` by itself (order of deliveries must not matter);
// - while the stay is open, due items stop nagging: a sample collected on or after
//   a retest day resolves those RETEST items; a positive resolves every due item
//   of the stay (no retest, documents or release for someone awaiting transfer);
// - a positive that becomes a released stay's current result revokes its release
//   notice and health certificate at once (code positive_result_after_release,
//   shown on /verify); the urgent reminder says so. Revoking is idempotent: a
//   document already revoked keeps its first revocation;
// - one audit entry (codes and ids only).

export interface StayEffects {
  items: TxItems;
  /** Positions in `items` of the conditional stay update and (if present) room update. */
  stayIndex: number;
  roomIndex: number;
  /** Positions of reminder puts, by reminder id. */
  reminderIndexes: Map<number, string>;
  becamePositive: boolean;
  resolved: string[];
}

export function positiveReminderId(stayId: string, v: Pick<LabResultVersion, 'labId' | 'sampleId' | 'contentHash'>): string {
  return `positive_result-${stayId}-${v.labId}-${v.sampleId}-${v.contentHash.slice(0, 12)}`;
}

export function stayEffects(params: {
  stay: Stay;
  facility: Facility;
  versions: readonly LabResultVersion[];
  now: Date;
  actor: string;
  action: string;
  /** The room board's copy is updated unless the room no longer shows this stay. */
  withRoom: boolean;
  skipReminders: ReadonlySet<string>;
  extraChanges?: Record<string, unknown>;
  /** Valid documents to revoke because of a positive result after release (documentsToRevoke). */
  revokeDocumentIds?: readonly string[];
}): StayEffects {
  const { stay, facility, versions, now } = params;
  const at = now.toISOString();
  const open = OPEN_STATUSES.includes(stay.status);
  const positives = versions.filter((v) => v.result === 'positive');
  const becamePositive = positives.length > 0 && stay.status === 'active';
  const items: TxItems = [];

  const stayIndex =
    items.push({
      Update: {
        TableName: tableName(),
        Key: stayKeys.key(stay.stayId),
        UpdateExpression: `SET version = version + :one, updatedAt = :at, lastResultAt = :at${becamePositive ? ', #status = :positive, positiveAt = :at' : ''}`,
        ConditionExpression: 'version = :version',
        ...(becamePositive ? { ExpressionAttributeNames: { '#status': 'status' } } : {}),
        ExpressionAttributeValues: { ':one': 1, ':at': at, ':version': stay.version, ...(becamePositive ? { ':positive': 'positive' } : {}) },
      },
    }) - 1;

  let roomIndex = -1;
  if (becamePositive && params.withRoom && stay.roomNumber !== undefined) {
    roomIndex =
      items.push(occupantFieldItem(stay.facilityId, stay.roomNumber, stay.stayId, 'status', 'positive')) - 1;
  }

  // Due items: only while the stay is open (a closed stay's items are already closed).
  const resolve = new Map<string, { kind: DueKind; dueDate: string; why: string }>();
  if (open) {
    if (positives.length > 0 || stay.status === 'positive') {
      for (const d of dueItemsOf(stay)) resolve.set(`${d.kind}#${d.dueDate}`, { kind: d.kind, dueDate: d.dueDate, why: 'positive_result' });
    } else {
      for (const v of versions) {
        for (const d of retestDatesCovered(stay.schedule.retestDates, localDate(v.collectedAt, facility.timeZone))) {
          resolve.set(`RETEST#${d}`, { kind: 'RETEST', dueDate: d, why: 'sample_collected' });
        }
      }
    }
  }
  for (const r of resolve.values()) {
    items.push({
      Update: {
        TableName: tableName(),
        Key: dueKeys.key(stay.stayId, r.kind, r.dueDate),
        // The first resolution is kept; the GSI3 keys go, so the jobs stop reading it.
        UpdateExpression: 'SET #state = :resolved, resolvedAt = if_not_exists(resolvedAt, :at), resolution = if_not_exists(resolution, :why) REMOVE GSI3PK, GSI3SK',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':resolved': 'resolved', ':at': at, ':why': r.why },
      },
    });
  }

  const revoked = params.revokeDocumentIds ?? [];
  for (const documentId of revoked) {
    items.push({
      Update: {
        TableName: tableName(),
        Key: documentKeys.key(documentId),
        UpdateExpression:
          'SET #state = :revoked, revokedAt = if_not_exists(revokedAt, :at), revokedBy = if_not_exists(revokedBy, :by), revocationCode = if_not_exists(revocationCode, :code)',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':revoked': 'revoked', ':at': at, ':by': params.actor, ':code': 'positive_result_after_release' },
      },
    });
  }

  items.push(auditPut({
    stayId: stay.stayId,
    at,
    actor: params.actor,
    action: params.action,
    changes: {
      results: versions.map((v) => ({ labId: v.labId, sampleId: v.sampleId, result: v.result, resultedAt: v.resultedAt })),
      ...(becamePositive ? { status: 'positive', from: 'active' } : {}),
      ...(resolve.size ? { resolvedDue: [...resolve.keys()].sort() } : {}),
      ...(revoked.length ? { revokedDocuments: [...revoked], revocationCode: 'positive_result_after_release' } : {}),
      ...params.extraChanges,
    },
  }));

  const reminderIndexes = new Map<number, string>();
  const today = localDate(now, facility.timeZone);
  for (const v of positives) {
    const reminderId = positiveReminderId(stay.stayId, v);
    if (params.skipReminders.has(reminderId)) continue;
    const collectedDate = localDate(v.collectedAt, facility.timeZone);
    const after = open ? '' : ` after ${stay.status === 'released' ? 'release' : stay.status === 'continued' ? 'continuing at home' : 'transfer'}`;
    const reminder: Reminder = {
      reminderId,
      facilityId: stay.facilityId,
      kind: 'positive_result',
      // Someone already in hospital needs no alarm; everyone else does.
      urgent: stay.status !== 'transferred',
      date: today,
      title: `Positive result${after}: ${placeLabel(stay)}`,
      lines: [
        {
          stayId: stay.stayId,
          ...placeFields(stay),
          name: stay.person.nameNative,
          day: dayOfStay(stay.schedule.day1Date, collectedDate),
          note: `sample ${v.sampleId} (${v.labId}) collected ${collectedDate}${v.method ? `, ${v.method}` : ''}: positive${open ? '. Arrange the transfer to hospital.' : ''}${revoked.length ? ` Release notice and health certificate revoked (${revoked.join(', ')}); contact the person at once.` : ''}`,
        },
      ],
      createdAt: at,
      delivery: { state: 'pending', attempts: 0 },
    };
    reminderIndexes.set(items.push(putReminderOnce(tableName(), reminder)) - 1, reminderId);
  }

  return { items, stayIndex, roomIndex, reminderIndexes, becamePositive, resolved: [...resolve.keys()].sort() };
}

/** The documents a positive result revokes: a released stay's valid release notices and health certificates. */
export function documentsToRevoke(stay: Pick<Stay, 'status'>, versions: readonly Pick<LabResultVersion, 'result'>[], documents: readonly DocumentRecord[]): string[] {
  if (stay.status !== 'released' || !versions.some((v) => v.result === 'positive')) return [];
  return documents.filter((d) => d.state === 'valid' && (d.type === 'release_notice' || d.type === 'home_release_notice' || d.type === 'health_certificate')).map((d) => d.documentId);
}
