import * as z from 'zod/mini';
import { FEVER_HISTORY_POLICIES } from '../domain/document-eligibility.js';
import { DEFAULT_POLICY, policyProblems } from '../domain/schedule.js';
import { escalationProblems, MAX_ESCALATION_MINUTES } from '../domain/self-report.js';
import { cleanText, facilityIdSchema, roomNumber, timeZone } from './common.js';

const policyDays = () => z.number().check(z.int(), z.gte(1), z.lte(60));
const wallClock = () => z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a wall-clock time HH:MM, e.g. 10:00'));
/** When each twice-daily report is due, facility time (absent: 10:00 and 20:00). */
const ReportDeadlines = z.strictObject({ morning: z.optional(wallClock()), evening: z.optional(wallClock()) }).check(
  z.refine((d) => (d.morning ?? '10:00') < (d.evening ?? '20:00'), 'The morning deadline must come before the evening one'),
);

const afterDeadline = () => z.number().check(z.int('Use whole minutes'), z.gte(0), z.lte(MAX_ESCALATION_MINUTES));
/**
 * When a missed report escalates: minutes after the slot's deadline of each step
 * (domain/self-report.ts; absent fields keep 0 / 30 / 60 / 120), each after the one before.
 */
const EscalationMinutes = z
  .strictObject({ reminder: z.optional(afterDeadline()), secondReminder: z.optional(afterDeadline()), teamOnDuty: z.optional(afterDeadline()), supervisor: z.optional(afterDeadline()) })
  .check(
    z.superRefine((m, ctx) => {
      for (const p of escalationProblems(m)) ctx.addIssue({ code: 'custom', path: [p.path], message: p.message });
    }),
  );

export const PolicyInput = z
  .strictObject({
    stayDays: z._default(policyDays(), DEFAULT_POLICY.stayDays),
    retestDays: z._default(z.array(policyDays()).check(z.maxLength(10)), DEFAULT_POLICY.retestDays),
    documentDay: z._default(policyDays(), DEFAULT_POLICY.documentDay),
    reportDeadlines: z.optional(ReportDeadlines),
    escalationMinutes: z.optional(EscalationMinutes),
  })
  .check(
    z.superRefine((p, ctx) => {
      for (const message of policyProblems(p)) ctx.addIssue({ code: 'custom', message });
    }),
  );

const facilityName = cleanText(120, 'name').check(z.minLength(1));
/** The body that issues and seals the documents, e.g. {"name":"某区卫生健康委员会","nameEn":"District Health Commission"}. */
const AuthorityInput = z.strictObject({ name: facilityName, nameEn: z.optional(facilityName) });
const feverHistoryCertificate = z.enum(FEVER_HISTORY_POLICIES);

export const CreateFacilityInput = z.strictObject({
  facilityId: z.optional(facilityIdSchema),
  name: facilityName,
  /** The name English text prints (otherwise `name`). */
  nameEn: z.optional(facilityName),
  timeZone,
  policy: z._default(PolicyInput, DEFAULT_POLICY),
  authority: z.optional(AuthorityInput),
  feverHistoryCertificate: z.optional(feverHistoryCertificate),
});

/** PUT /facilities/{facilityId}: the fields documents print; null removes nameEn or authority. */
export const UpdateFacilityInput = z
  .strictObject({
    name: z.optional(facilityName),
    nameEn: z.optional(z.nullable(facilityName)),
    authority: z.optional(z.nullable(AuthorityInput)),
    feverHistoryCertificate: z.optional(feverHistoryCertificate),
  })
  .check(z.refine((v) => Object.values(v).some((x) => x !== undefined), 'Give at least one of name, nameEn, authority, feverHistoryCertificate'));

const roomCount = () => z.number().check(z.int(), z.gte(0), z.lte(99999));

export const AddRoomsInput = z
  .strictObject({
    rooms: z.optional(z.array(roomNumber).check(z.minLength(1), z.maxLength(1000))),
    /** Convenience for a floor: prefix + numbers from..to, e.g. {prefix:"", from:101, to:130}. */
    range: z.optional(
      z
        .strictObject({ prefix: z._default(z.string().check(z.regex(/^[A-Za-z0-9-]{0,4}$/)), ''), from: roomCount(), to: roomCount() })
        .check(z.refine((r) => r.to >= r.from && r.to - r.from < 1000, 'range must hold 1 to 1000 rooms (to >= from)')),
    ),
  })
  .check(z.refine((v) => v.rooms || v.range, 'Give rooms (a list) or range (from..to)'));
