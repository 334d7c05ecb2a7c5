import * as z from 'zod/mini';
import { CHECK_SLOTS } from '../../domain/checks.js';
import { REQUEST_KINDS, REQUEST_STATUSES } from '../../domain/request-kinds.js';
import { Check } from './care.js';

// Answers of the person's own page (/me/*) and of the staff routes that issue
// personal links, answer requests and close follow-ups (schemas/self-service.ts holds the requests).

const dateStr = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const slotEnum = z.enum(CHECK_SLOTS);

/** A request as the person sent it; staff see it with the reply and who handled it. */
export const PersonRequest = z.object({
  requestId: z.string(),
  stayId: z.string(),
  facilityId: z.string(),
  roomNumber: z.optional(z.string()),
  gridCell: z.optional(z.string()),
  kind: z.enum(REQUEST_KINDS),
  text: z.string(),
  status: z.enum(REQUEST_STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const StaffRequest = z.extend(PersonRequest, {
  reply: z.optional(z.string()),
  handledBy: z.optional(z.string()),
});

export const RequestList = z.object({ requests: z.array(StaffRequest), cursor: z.optional(z.string()) });

export const PersonPage = z.object({
  language: z.enum(['zh', 'en', 'ko']),
  name: z.string(),
  facility: z.object({ name: z.string(), nameEn: z.optional(z.string()), timeZone: z.string() }),
  status: z.enum(['active', 'positive', 'transferred', 'released']),
  today: dateStr,
  day: z.int(),
  stayDays: z.int(),
  day1Date: dateStr,
  endDate: dateStr,
  endsAt: z.string(),
  nextTest: z.optional(z.object({ date: dateStr, day: z.int() })),
  slots: z.array(
    z.object({
      date: dateStr,
      slot: slotEnum,
      deadline: z.string(),
      status: z.enum(['done', 'late', 'alert', 'pending', 'missing', 'not_due']),
      temperatureC: z.optional(z.number()),
      late: z.optional(z.boolean()),
    }),
  ),
  reportSlot: z.optional(z.object({ date: dateStr, slot: slotEnum })),
  requests: z.array(
    z.object({ requestId: z.string(), kind: z.enum(REQUEST_KINDS), text: z.string(), status: z.enum(REQUEST_STATUSES), createdAt: z.string(), updatedAt: z.string(), reply: z.optional(z.string()) }),
  ),
  documents: z.array(z.object({ documentId: z.string(), type: z.string(), issuedAt: z.string() })),
});

export const SelfReportResult = z.object({ check: Check, late: z.boolean(), alert: z.boolean(), urgentReminder: z.boolean() });

export const IssuedLink = z.object({
  stayId: z.string(),
  url: z.string(),
  qr: z.object({ size: z.int(), path: z.string() }),
  generation: z.int(),
  issuedAt: z.string(),
  replaced: z.boolean(),
});

export const LinkStatus = z.object({
  stayId: z.string(),
  state: z.enum(['none', 'active', 'revoked']),
  generation: z.optional(z.int()),
  issuedAt: z.optional(z.string()),
  revokedAt: z.optional(z.string()),
});

export const RevokedLink = z.object({ stayId: z.string(), generation: z.int(), revokedAt: z.string() });

export const FollowUp = z.object({
  followUpId: z.string(),
  stayId: z.string(),
  facilityId: z.string(),
  date: dateStr,
  slot: slotEnum,
  deadlineAt: z.string(),
  step: z.int(),
  teamId: z.optional(z.string()),
  role: z.optional(z.enum(['cadre', 'doctor', 'police'])).check(z.describe('The team member on duty for the slot, who has the task')),
  assignee: z.optional(z.string()).check(z.describe("That member's name")),
  openedAt: z.string(),
  reportedAt: z.optional(z.string()),
  doneAt: z.optional(z.string()),
  doneBy: z.optional(z.string()),
  note: z.optional(z.string()),
});

export const FollowUpList = z.object({ followUps: z.array(FollowUp), cursor: z.optional(z.string()) });

export const ConfirmedCheck = z.object({ check: Check });
