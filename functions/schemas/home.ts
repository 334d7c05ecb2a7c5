import * as z from 'zod/mini';
import { cleanText, calendarDate } from './common.js';

// Home isolation (居家隔离): home addresses, three-person teams, the hotel-to-home
// continuation ("14 + 7"), the team doctor's end-of-period check and team
// reassignment. A home stay's check-in (home-stay.ts) and a programme (programme.ts)
// extend the hotel schemas and live apart, so these handlers do not build those.

const gridCell = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,29}$/, 'Use 1-30 letters, digits, - or _ (the grid cell code)'));
const teamId = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/, 'Use 1-40 letters, digits, - or _'));
const phone = z.string().check(z.trim(), z.regex(/^\+?[0-9][0-9 ()-]{4,24}$/, 'Use digits, optionally starting with + and a country code'));
const WHY = 'Say why (kept in the audit trail)';

export const HomeAddressInput = z.strictObject({
  address: cleanText(300, 'line').check(z.minLength(3, 'Give the full home address')),
  community: cleanText(100, 'name').check(z.minLength(1, 'Name the community (社区)')),
  gridCell,
});
export type HomeAddressInput = z.infer<typeof HomeAddressInput>;

const MemberInput = z.strictObject({
  name: cleanText(100, 'name').check(z.minLength(1, 'Name the team member')),
  phone,
  staffSub: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
});

/** POST /facilities/{facilityId}/teams: a community cadre, a doctor and a police officer covering grid cells. */
export const CreateTeamInput = z
  .strictObject({
    teamId,
    name: cleanText(100, 'name').check(z.minLength(1, 'Name the team')),
    members: z.strictObject({ cadre: MemberInput, doctor: MemberInput, police: MemberInput }),
    gridCells: z.array(gridCell).check(z.minLength(1, 'A team covers at least one grid cell'), z.maxLength(50)),
  })
  .check(
    z.refine((t) => new Set(t.gridCells).size === t.gridCells.length, { message: 'A grid cell is listed twice', path: ['gridCells'] }),
  );
export type CreateTeamInput = z.infer<typeof CreateTeamInput>;

/** PUT /stays/{stayId}/team: move a home stay to another team, with the reason. */
export const ReassignTeamInput = z.strictObject({
  teamId,
  reason: cleanText(500, 'line', WHY).check(z.minLength(3, WHY)),
});
export type ReassignTeamInput = z.infer<typeof ReassignTeamInput>;

/** POST /stays/{stayId}/continue-at-home: close the hotel part, open the home part ("14 + 7"). */
export const ContinueAtHomeInput = z.strictObject({
  programmeId: z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/, 'Use the programme id')),
  home: HomeAddressInput,
  /** The facility-local date the home part begins (default: today). */
  date: z.optional(calendarDate),
  reason: cleanText(500, 'line', WHY).check(z.minLength(3, WHY)),
});
export type ContinueAtHomeInput = z.infer<typeof ContinueAtHomeInput>;

/** POST /stays/{stayId}/end-check: the team doctor's end-of-period health check. */
export const EndCheckInput = z.strictObject({
  fit: z.boolean(),
  note: z.optional(cleanText(500, 'text')),
});
export type EndCheckInput = z.infer<typeof EndCheckInput>;

export const WorklistQuery = z.strictObject({
  member: z.optional(z.enum(['cadre', 'doctor', 'police'])),
});
