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

const role = z.enum(['cadre', 'doctor', 'police']);
/** Who is on duty for each report slot (domain/team-duty.ts): the member a missed report's follow-up goes to. Absent: the cadre. */
const DutyInput = z.strictObject({ morning: z.optional(role), evening: z.optional(role) });
const teamName = cleanText(100, 'name').check(z.minLength(1, 'Name the team'));
const gridCells = z.array(gridCell).check(
  z.minLength(1, 'A team covers at least one grid cell'),
  z.maxLength(50),
  z.refine((cells) => new Set(cells).size === cells.length, 'A grid cell is listed twice'),
);

/** One staff account is one member: the same `staffSub` twice in a team is refused (every such member named). */
function oneAccountPerMember(members: Partial<Record<'cadre' | 'doctor' | 'police', { staffSub?: string | undefined }>>, ctx: { addIssue: (i: { code: 'custom'; path: PropertyKey[]; message: string }) => void }) {
  const seen = new Map<string, string>();
  for (const r of ['cadre', 'doctor', 'police'] as const) {
    const m = members[r];
    if (!m?.staffSub) continue;
    const first = seen.get(m.staffSub);
    if (first) ctx.addIssue({ code: 'custom', path: ['members', r, 'staffSub'], message: `The same staff account as the ${first}: one account is one member` });
    else seen.set(m.staffSub, r);
  }
}

/** POST /facilities/{facilityId}/teams: a community cadre, a doctor and a police officer covering grid cells. */
export const CreateTeamInput = z
  .strictObject({
    teamId,
    name: teamName,
    members: z.strictObject({ cadre: MemberInput, doctor: MemberInput, police: MemberInput }),
    gridCells,
    duty: z.optional(DutyInput),
  })
  .check(z.superRefine((t, ctx) => oneAccountPerMember(t.members, ctx)));
export type CreateTeamInput = z.infer<typeof CreateTeamInput>;

/**
 * PUT /facilities/{facilityId}/teams/{teamId}: any of the name, members (each one given
 * is replaced whole: name, phone, staffSub?), the grid cells (the whole new list) and the
 * duty roster. People already followed keep the team when a cell moves.
 */
export const UpdateTeamInput = z
  .strictObject({
    name: z.optional(teamName),
    members: z.optional(z.strictObject({ cadre: z.optional(MemberInput), doctor: z.optional(MemberInput), police: z.optional(MemberInput) })),
    gridCells: z.optional(gridCells),
    duty: z.optional(DutyInput),
  })
  .check(
    z.superRefine((t, ctx) => {
      if (Object.values(t).every((v) => v === undefined)) ctx.addIssue({ code: 'custom', path: [], message: 'Give at least one of name, members, gridCells, duty' });
      if (t.members) oneAccountPerMember(t.members, ctx);
    }),
  );
export type UpdateTeamInput = z.infer<typeof UpdateTeamInput>;

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
