import * as z from 'zod/mini';
import { AddSituationInput, BoardExportQuery, CorrectCheckInput, HandleReminderInput, PickupInput, RecordCheckInput, RecordCheckQuery, ReminderQuery, SetDepartureInput, TodayExportQuery, TodaySheetQuery, TransportExportQuery, TransportQuery, VehiclesInput } from './schemas/care.js';
import { HealthSignoffInput, IssueDocumentInput, ReasonInput, TransferInput } from './schemas/documents.js';
import { CreateFacilityInput, UpdateFacilityInput } from './schemas/facility.js';
import { DryRunQuery, ImportInput, RefusedFileInput } from './schemas/manifest.js';
import { RegistrationInput } from './schemas/registration.js';
import { AddRoomsInput, RoomPolicyInput, RoomReadinessInput } from './schemas/rooms.js';
import { Board, ImportReport, ManifestReport, ReadinessResult, RefusedFile, RoomPolicy, RoomStepResult } from './schemas/responses/rooms.js';
import { AssignSampleInput, LabDeliveryInput, LabFacilitiesInput, UnassignSampleInput } from './schemas/lab.js';
import { PageQuery } from './schemas/page.js';
import { ChangeScheduleInput } from './schemas/stay-schedule.js';
import { CancelStayInput, EditPersonInput, MoveRoomInput } from './schemas/corrections.js';
import { PersonEdited, RoomMoved, StayCancelled } from './schemas/responses/corrections.js';
import { ListStaysQuery, MAX_BATCH_ROWS } from './schemas/stay.js';
import { CheckList, DepartureEntry, PickupGroup, RecordedCheck, Reminder, ReminderList, Situation, SituationList, TodaySheet, TransportPlan, VehicleList } from './schemas/responses/care.js';
import { DocumentList, DocumentReceipt, HealthSignoffResult, ReleaseEligibility, Released, Revoked, Verification } from './schemas/responses/documents.js';
import { AddRoomsResult, Facility, FacilityList, FacilityStats } from './schemas/responses/facility.js';
import { AssignedSample, IngestReport, LabRecord, SampleHistory, StayTests, UnassignedSample, UnmatchedList } from './schemas/responses/lab.js';
import { AuthConfig } from './schemas/responses/auth.js';
import { CreateAccountInput, UpdateAccountInput } from './schemas/accounts.js';
import { Account, AccountAudit, AccountList, AccountWithPassword } from './schemas/responses/accounts.js';
import { conflictOf, DOCUMENT_REFUSALS, Problem, type ReasonCode } from './schemas/responses/problem.js';
import { CreateTeamInput, UpdateTeamInput, ContinueAtHomeInput, EndCheckInput, ReassignTeamInput, WorklistQuery } from './schemas/home.js';
import { RegisterHomeStayInput } from './schemas/home-stay.js';
import { CreateProgrammeInput } from './schemas/programme.js';
import { Continuation, EndCheckResult, Ledger, Team, TeamAssignment, TeamList, Worklist } from './schemas/responses/home.js';
import { AuditTrail, RegisteredStay, ScheduleChange, StayList, Transferred } from './schemas/responses/stay.js';
import { describe } from './schemas/responses/common.js';
import { AnswerRequestInput, FollowUpDoneInput, PersonRequestInput, RequestListQuery, SelfReportInput } from './schemas/self-service.js';
import { ConfirmedCheck, FollowUp, FollowUpList, IssuedLink, LinkStatus, PersonPage, PersonRequest, RequestList, RevokedLink, SelfReportResult, StaffRequest } from './schemas/responses/self-service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// The API contract: for every route of functions/routes.ts (by route key) what it
// takes and what it answers, as zod schemas. functions/openapi.ts turns it into the
// OpenAPI document; test/contract/ fails when a route has no entry here, and the
// test helper validates every response of the suite against the document. Kept out
// of routes.ts so the CDK app and the handlers do not load the schemas.

export interface ResponseSpec {
  description: string;
  /** JSON body (application/json). */
  json?: z.ZodMiniType;
  /** Problem body (application/problem+json). */
  problem?: z.ZodMiniType;
  /** A non-JSON body: its media type. */
  media?: string;
  headers?: Record<string, string>;
}

export interface Operation {
  summary: string;
  /** Longer text (Markdown); the README's endpoint table shows it. */
  description: string;
  tag: 'Facilities' | 'Stays' | 'Care' | 'Documents' | 'Home' | 'Lab' | 'Accounts' | 'Web' | 'API';
  request?: { query?: z.ZodMiniObject; body?: z.ZodMiniType; params?: Record<string, z.ZodMiniType> };
  /** Success answers and the problems specific to this route; the common problems (401, 403, 404, 400, 413, 415, 503, 500) are added from the route. */
  responses: Partial<Record<number, ResponseSpec>>;
}

const ok = (description: string, json: z.ZodMiniType, headers?: Record<string, string>): ResponseSpec => ({ description, json, ...(headers ? { headers } : {}) });
const conflict = (description: string, codes: readonly ReasonCode[]): ResponseSpec => ({ description, problem: conflictOf(codes) });
/** A manifest: the rows as an array, or `{stays: [...]}`; each row is checked on its own (refused rows are reported, not a 400). */
const AnyStayInput = describe(
  z.union([RegistrationInput, RegisterHomeStayInput]),
  'A hotel check-in (optional `roomNumber`), or for a home-isolation programme the same with `home {address, community, gridCell}` and no room',
);
const BatchBody = z.union([
  z.array(AnyStayInput).check(z.minLength(1), z.maxLength(MAX_BATCH_ROWS)),
  z.strictObject({ stays: z.array(AnyStayInput).check(z.minLength(1), z.maxLength(MAX_BATCH_ROWS)) }),
]);
/** `?key=` of the holder's download link. */
const PdfKeyQuery = z.object({ key: describe(z.optional(z.string()), 'The download key printed on the slip') });

const NOT_MINE: ResponseSpec = { description: 'No such page: an unknown, wrong or revoked secret (all alike)', problem: Problem };
const TOO_MANY: ResponseSpec = { description: 'Too many requests from this link or this client: wait (Retry-After)', problem: Problem, headers: { 'retry-after': 'Seconds to wait' } };

const GONE: ResponseSpec = { description: 'Gone: the personal data of this stay or document was removed for good (retention)', problem: Problem };

export const operations: Readonly<Record<string, Operation>> = {
  'POST /facilities': {
    tag: 'Facilities',
    summary: 'Create a facility',
    description:
      'create a facility: `facilityId?`, `name`, `nameEn?`, `timeZone` (IANA), `policy {stayDays, retestDays, documentDay}`, `authority? {name, nameEn?}`, `feverHistoryCertificate?` (`state_truthfully` | `doctor_signoff`)',
    request: { body: CreateFacilityInput },
    responses: { 201: ok('The facility', Facility), 409: conflict('The facility id is taken', ['facility_exists']) },
  },
  'GET /facilities': {
    tag: 'Facilities',
    summary: 'List facilities',
    description: 'the facilities the caller works for',
    responses: { 200: ok('The facilities', FacilityList) },
  },
  'GET /facilities/{facilityId}': {
    tag: 'Facilities',
    summary: 'Get a facility',
    description: 'one facility',
    responses: { 200: ok('The facility', Facility) },
  },
  'PUT /facilities/{facilityId}': {
    tag: 'Facilities',
    summary: 'Change what documents print',
    description:
      'change what documents print from now on: `name?`, `nameEn?`, `authority? {name, nameEn?}`, `feverHistoryCertificate?` (`null` removes `nameEn` or `authority`)',
    request: { body: UpdateFacilityInput },
    responses: { 200: ok('The facility as changed', Facility) },
  },
  'POST /facilities/{facilityId}/rooms': {
    tag: 'Facilities',
    summary: 'Add rooms',
    description:
      'add rooms in bulk: `rooms: ["101", {number, capacity?, floor?, zone?}, …]` and/or `range {prefix?, from, to, capacity?, floor?, zone?}`, `capacity?` (beds, default 1; floor defaults to the digits before the last two); repeating is harmless',
    request: { body: AddRoomsInput },
    responses: { 201: ok('Rooms added and rooms that already existed', AddRoomsResult), 409: conflict('A home-isolation programme has no rooms', ['home_programme_has_no_rooms']) },
  },
  'POST /facilities/{facilityId}/rooms/{roomNumber}/free': {
    tag: 'Facilities',
    summary: 'Offer a cleaned room again',
    description: 'an inspected room (or, where the facility requires no inspection, a cleaned one) is free again and offered to check-ins',
    responses: { 200: ok('The room is free', RoomStepResult), 409: conflict('The room is not ready to be offered', ['room_needs_inspection', 'room_not_ready_to_free']) },
  },
  'POST /facilities/{facilityId}/rooms/{roomNumber}/inspect': {
    tag: 'Facilities',
    summary: 'Record a room inspection',
    description: 'a room being cleaned was inspected: records who and when (`inspected`)',
    responses: { 200: ok('The room is inspected', RoomStepResult), 409: conflict('The room is not being cleaned', ['room_not_cleaning']) },
  },
  'POST /facilities/{facilityId}/rooms/readiness': {
    tag: 'Facilities',
    summary: 'Inspect or free many rooms, or a floor',
    description: '`action` (`inspect` | `free`) for `rooms: [...]` or a whole `floor`: per room done / refused with its reason',
    request: { body: RoomReadinessInput },
    responses: { 200: ok('Rooms moved, and rooms refused with why', ReadinessResult) },
  },
  'PUT /facilities/{facilityId}/room-policy': {
    tag: 'Facilities',
    summary: 'Require room inspections',
    description: '`inspectionRequired`: whether a cleaned room must be inspected before it is offered again',
    request: { body: RoomPolicyInput },
    responses: { 200: ok('The policy', RoomPolicy) },
  },
  'GET /facilities/{facilityId}/board': {
    tag: 'Facilities',
    summary: 'Room board',
    description: 'room board: per room state (free / occupied / cleaning / inspected), beds, floor, zone, household and every occupant with day of stay and checks; counts per floor',
    responses: { 200: ok('Every room', Board) },
  },
  'POST /facilities/{facilityId}/stays': {
    tag: 'Stays',
    summary: 'Register and check in one person',
    description:
      'register and check in one person; returns stay id, room and schedule (`household` shares a room with housemates). In a home-isolation programme: `home {address, community, gridCell}` instead of a room; the team covering the grid cell follows the person (400 `no_team_for_grid_cell` when none does)',
    request: { body: AnyStayInput },
    responses: {
      201: ok('Checked in', RegisteredStay, { location: 'The new stay, /stays/{stayId}' }),
      409: conflict('No bed, or the person already has an open stay', ['no_free_room', 'room_not_free', 'room_full', 'room_other_household', 'room_not_ready', 'person_has_open_stay', 'stay_changed']),
    },
  },
  'POST /facilities/{facilityId}/stays/batch': {
    tag: 'Stays',
    summary: 'Register a flight manifest',
    description:
      'a flight manifest (JSON array, ≤ 500; `household` groups people into one room): rows take free rooms in room order, households together; `?dryRun=true` checks every row (fields, duplicates, open stays, rooms, beds) and writes nothing: per-row ready / created / refused. In a home-isolation programme each row has `home {address, community, gridCell}` and no room; its grid cell picks the team',
    request: { body: BatchBody, query: DryRunQuery },
    responses: { 200: ok('Per row: ready (dry run), created, or refused with its problem', ManifestReport) },
  },
  'POST /facilities/{facilityId}/stays/import': {
    tag: 'Stays',
    summary: 'Import a manifest file (xlsx or CSV)',
    description:
      'a manifest file as Excel saves it: `fileName`, `contentBase64` (.xlsx, or CSV in UTF-8, GB18030/GBK or UTF-16, detected), `defaults?` for the flight (`arrivedAt`, `flightNumber`, `originCountry`, `category`), `rooms?` (staff room choices by row), `onlyRows?`; Chinese or English headers; `?dryRun=true` writes nothing',
    request: { body: ImportInput, query: DryRunQuery },
    responses: { 200: ok('Per file row: ready (dry run), created, or refused with the column and reason', ImportReport) },
  },
  'POST /facilities/{facilityId}/stays/import/refused': {
    tag: 'Stays',
    summary: 'Refused rows as a file',
    description: 'the refused rows of a manifest file in the same format (xlsx, or CSV as UTF-8 with BOM) with a reason column: `fileName`, `contentBase64`, `rows [{row, reason}]`',
    request: { body: RefusedFileInput },
    responses: { 200: ok('The file, base64', RefusedFile) },
  },
  'GET /facilities/{facilityId}/stays/import/template': {
    tag: 'Stays',
    summary: 'Manifest template (.xlsx)',
    description: 'the manifest template: the columns with Chinese and English headers, cell formats and lists, and a sheet of rules',
    responses: { 200: { description: 'The template', media: XLSX } },
  },
  'GET /facilities/{facilityId}/stays': {
    tag: 'Stays',
    summary: 'List stays',
    description: 'stays, `?status=active|positive|released|transferred&date=YYYY-MM-DD&limit=&cursor=`',
    request: { query: ListStaysQuery },
    responses: { 200: ok('A page of stays', StayList) },
  },
  'GET /stays/{stayId}': {
    tag: 'Stays',
    summary: 'Get a stay',
    description: "one person's file for this stay",
    responses: { 200: ok('The stay', RegisteredStay.shape.stay) },
  },
  'GET /stays/{stayId}/release': {
    tag: 'Stays',
    summary: 'Can the stay be released now',
    description: 'whether release is possible now, with every unmet condition (the reasons POST would refuse with), for the file to show before the button is pressed',
    responses: { 200: ok('Eligible, or every unmet condition', ReleaseEligibility), 410: GONE },
  },
  'POST /stays/{stayId}/release': {
    tag: 'Stays',
    summary: 'Release a stay',
    description:
      "release: checks every condition (409 lists each unmet one), frees the room, issues the three documents. A home stay (销号): from the end date, with the team doctor's end-of-period check (fit), the retest negative and no fever or symptom in the programme's latest `quietSlots` check slots; issues the home release notice (解除居家隔离医学观察通知书), the certificate and the test report",
    responses: {
      200: ok('Released, with the three new documents and their keys (shown once)', Released),
      409: conflict('Every unmet condition', [
        'stay_not_active',
        'before_document_day',
        'before_end_date',
        'end_check_missing',
        'end_check_not_fit',
        'retest_missing',
        'retest_not_negative',
        'recent_fever_or_symptom',
        'stay_changed',
      ]),
      410: GONE,
    },
  },
  'POST /stays/{stayId}/transfer': {
    tag: 'Stays',
    summary: 'Transfer to hospital',
    description: 'transfer to hospital: `destination`, `note?`',
    request: { body: TransferInput },
    responses: { 200: ok('Transferred', Transferred), 409: conflict('The stay is closed or changed meanwhile', ['stay_closed', 'stay_changed']), 410: GONE },
  },
  'PUT /stays/{stayId}/person': {
    tag: 'Stays',
    summary: "Correct the person's data",
    description:
      "`person` (any of the check-in fields; `document` whole) and `reason`: audited with the values before and after (numbers masked). A document change moves lab matching and the open-stay guard to the new document; 409 when another open stay holds it",
    request: { body: EditPersonInput },
    responses: { 200: ok('Corrected', PersonEdited), 409: conflict('The new document is taken, the stay changed meanwhile or was cancelled', ['person_has_open_stay', 'stay_changed', 'stay_closed']), 410: GONE },
  },
  'POST /stays/{stayId}/move': {
    tag: 'Stays',
    summary: 'Move to another room',
    description: '`roomNumber`, `reason?`: one transaction; the target room must be free or hold the same household with a bed left; the old room goes to cleaning when left empty',
    request: { body: MoveRoomInput },
    responses: {
      200: ok('Moved', RoomMoved),
      409: conflict('The room cannot take the person, the stay is closed or changed meanwhile', ['room_not_free', 'room_not_ready', 'room_full', 'room_other_household', 'stay_closed', 'stay_changed', 'not_in_a_room']),
      410: GONE,
    },
  },
  'POST /stays/{stayId}/cancel': {
    tag: 'Stays',
    summary: "Cancel a no-show's registration",
    description: '`reason`: a registration nobody arrived for (no check, no test result) is cancelled; its bed and the travel document are free again. Never released, no documents',
    request: { body: CancelStayInput },
    responses: { 200: ok('Cancelled', StayCancelled), 409: conflict('The person arrived, or the stay is closed or changed meanwhile', ['not_a_no_show', 'stay_closed', 'stay_changed']), 410: GONE },
  },
  'GET /stays/{stayId}/documents': {
    tag: 'Documents',
    summary: "List a stay's documents",
    description: "the stay's documents (no keys)",
    responses: { 200: ok('The documents', DocumentList) },
  },
  'GET /stays/{stayId}/documents/{documentId}': {
    tag: 'Documents',
    summary: 'Download a document (staff)',
    description: "a document's PDF",
    responses: { 200: { description: 'The PDF', media: 'application/pdf' }, 410: GONE },
  },
  'POST /stays/{stayId}/documents/{documentId}/revoke': {
    tag: 'Documents',
    summary: 'Revoke a document',
    description: 'revoke with `reason`',
    request: { body: ReasonInput },
    responses: { 200: ok('Revoked', Revoked), 409: conflict('Already revoked', ['already_revoked']) },
  },
  'POST /stays/{stayId}/documents/{documentId}/reissue': {
    tag: 'Documents',
    summary: 'Reissue a document',
    description: 'revoke and issue a new one (new id and key) with `reason`; 409 with reasons when the record no longer allows it',
    request: { body: ReasonInput },
    responses: {
      201: ok('The new document and its key (shown once)', DocumentReceipt),
      409: conflict('Already revoked, the stay is not released, or the record no longer allows the document', ['already_revoked', 'stay_not_released', ...DOCUMENT_REFUSALS]),
      410: GONE,
    },
  },
  'POST /stays/{stayId}/documents/issue': {
    tag: 'Documents',
    summary: 'Issue a missing document',
    description: '`{type}`: issue a document a released stay has no valid one of (withheld at release, or revoked); 409 with reasons otherwise',
    request: { body: IssueDocumentInput },
    responses: {
      201: ok('The new document and its key (shown once)', DocumentReceipt),
      409: conflict('A valid one exists, the stay is not released, or the record does not allow the document', ['document_valid', 'stay_not_released', ...DOCUMENT_REFUSALS]),
      410: GONE,
    },
  },
  'POST /stays/{stayId}/health-signoff': {
    tag: 'Documents',
    summary: "Record a doctor's sign-off",
    description: "a doctor's sign-off of a fever or symptom history: `doctorName`, `note`",
    request: { body: HealthSignoffInput },
    responses: { 200: ok('The sign-off on the stay', HealthSignoffResult), 409: conflict('The stay changed meanwhile', ['stay_changed']), 410: GONE },
  },
  'GET /documents/{file}': {
    tag: 'Documents',
    summary: "Download a document (holder's link)",
    description: "the holder's download, `/documents/{documentId}.pdf?key=…` (wrong key: 404, like an unknown document)",
    request: { query: PdfKeyQuery },
    responses: { 200: { description: 'The PDF', media: 'application/pdf' }, 409: conflict('The document was revoked', ['revoked']) },
  },
  'GET /verify/{documentId}': {
    tag: 'Documents',
    summary: 'Verify a document',
    description:
      'verification page (JSON with `Accept: application/json`): valid / revoked (and why), type, issue date, issuing authority, facility, initials, masked document number',
    responses: {
      200: { description: 'Valid or revoked: an HTML page, or JSON with Accept: application/json', json: Verification, media: 'text/html' },
      404: { description: 'Not a valid document: an HTML page, or JSON with Accept: application/json', json: Verification, media: 'text/html' },
    },
  },
  'GET /stays/{stayId}/audit': {
    tag: 'Stays',
    summary: 'Audit trail',
    description: 'who changed the stay, when and what',
    responses: { 200: ok('Every change, oldest first', AuditTrail) },
  },
  'POST /stays/{stayId}/checks': {
    tag: 'Care',
    summary: 'Record a temperature check',
    description:
      'temperature check: `slot` (`morning`|`evening`), `temperatureC` (34.0–43.0), `symptoms[]`, `note?`; ≥ 37.3 °C or a symptom raises an urgent reminder; `?replace=true` with a `reason` re-enters a slot (the earlier reading is kept, as with a correction)',
    request: { query: RecordCheckQuery, body: RecordCheckInput },
    responses: {
      201: ok('Recorded', RecordedCheck),
      200: ok("Replaced the slot's earlier reading (?replace=true)", RecordedCheck),
      409: conflict('The slot is already recorded, or the stay is closed', ['check_exists', 'stay_closed', 'stay_changed']),
      410: GONE,
    },
  },
  'GET /stays/{stayId}/checks': {
    tag: 'Care',
    summary: "List a stay's checks",
    description: "the stay's checks (each with `checkId`; a corrected one shows its `original` reading and every correction) and which of today's are missing",
    responses: { 200: ok("The checks and today's status", CheckList), 410: GONE },
  },
  'POST /stays/{stayId}/checks/{checkId}/correction': {
    tag: 'Care',
    summary: 'Correct a temperature check',
    description:
      'correct a check (`checkId` = `<date>-<slot>`): `temperatureC?`, `symptoms?`, `reason`; the first reading is kept beside it, the audit shows old and new values, and release, board, daily sheet and reminders use the corrected one',
    request: { body: CorrectCheckInput },
    responses: { 200: ok('The corrected check', RecordedCheck), 409: conflict('The stay is closed or changed meanwhile', ['stay_closed', 'stay_changed']), 410: GONE },
  },
  'POST /stays/{stayId}/situations': {
    tag: 'Care',
    summary: 'Record a special situation',
    description: 'special situation on the file: `kind` (`medical_transfer`|`psychological_support`|`complaint`|`other`), `text`',
    request: { body: AddSituationInput },
    responses: { 201: ok('Recorded', Situation), 409: conflict('The stay is closed', ['stay_closed', 'stay_changed']), 410: GONE },
  },
  'GET /stays/{stayId}/situations': {
    tag: 'Care',
    summary: "List a stay's special situations",
    description: "the stay's special situations",
    responses: { 200: ok('The situations', SituationList), 410: GONE },
  },
  'PUT /stays/{stayId}/schedule': {
    tag: 'Stays',
    summary: 'Change the observation period of one stay',
    description:
      "extend or shorten one active stay: `stayDays?`, `retestDays?`, `documentDay?`, `reason` (audited); moves its dates, the board and the jobs' due items. Below the facility policy (fewer days or retests, an earlier last retest or document day) only an admin may: staff get 403 `shortening_needs_admin`",
    request: { body: ChangeScheduleInput },
    responses: { 200: ok('The new policy and schedule, the previous ones and warnings', ScheduleChange), 409: conflict('The stay is not active or changed meanwhile', ['stay_not_active', 'stay_changed']), 410: GONE },
  },
  'PUT /stays/{stayId}/departure': {
    tag: 'Care',
    summary: 'Plan the return transport',
    description: 'return transport: `destination {city, country}`, `mode` (flight|train|car|bus), `number`, `departureAt`',
    request: { body: SetDepartureInput },
    responses: { 200: ok('The departure', DepartureEntry), 409: conflict('The stay is closed', ['stay_closed', 'stay_changed']), 410: GONE },
  },
  'GET /facilities/{facilityId}/today': {
    tag: 'Care',
    summary: 'Daily sheet',
    description: 'daily sheet: birthdays during the stay, diets per meal, missing checks, `?date=`',
    request: { query: TodaySheetQuery },
    responses: { 200: ok('The sheet of the day', TodaySheet) },
  },
  'GET /facilities/{facilityId}/transport': {
    tag: 'Care',
    summary: 'Transport plan',
    description: 'departures grouped by mode and time window, and by pickup time across modes with the vehicles assigned (`pickups`, `noPickup`), `?date=&windowMinutes=120&format=json|csv`',
    request: { query: TransportQuery },
    responses: { 200: { description: 'The plan (CSV with ?format=csv)', json: TransportPlan, media: 'text/csv' } },
  },
  'PUT /facilities/{facilityId}/transport/pickups': {
    tag: 'Care',
    summary: 'Assign vehicles to a pickup',
    description: 'the vehicles (`plates`) taking everyone of departure date `date` picked up at `time` (HH:MM); `plates: []` clears it. Unknown plates and a time nobody is picked up at are field issues; fewer seats than people is 409 `over_capacity`',
    request: { body: PickupInput },
    responses: { 200: ok('The pickup with its vehicles', PickupGroup), 409: conflict('Too few seats, or the vehicles changed meanwhile', ['over_capacity', 'vehicles_changed']) },
  },
  'GET /facilities/{facilityId}/vehicles': {
    tag: 'Care',
    summary: 'List the vehicles',
    description: "the facility's vehicles for return transport (plate or name, seats) and the list's `version`",
    responses: { 200: ok('The vehicles', VehicleList) },
  },
  'PUT /facilities/{facilityId}/vehicles': {
    tag: 'Care',
    summary: 'Set the vehicles',
    description: 'replaces the list: `vehicles: [{plate, seats, note?}]` (plates unique), `version?` as read (a concurrent edit is 409 `vehicles_changed`); audited on the facility',
    request: { body: VehiclesInput },
    responses: { 200: ok('The vehicles', VehicleList), 409: conflict('Changed meanwhile', ['vehicles_changed']) },
  },
  'GET /facilities/{facilityId}/exports/board': {
    tag: 'Care',
    summary: 'Room board as Excel',
    description: 'the room board as .xlsx, one row per person (and per room without anyone): floor, zone, room, room state, beds, names, day, end date, status, what needs action, today\'s checks; headers and states in `?lang=zh|en`',
    request: { query: BoardExportQuery },
    responses: { 200: { description: 'The workbook', media: XLSX } },
  },
  'GET /facilities/{facilityId}/exports/today': {
    tag: 'Care',
    summary: 'Daily sheet as Excel',
    description: 'the daily sheet of `?date=` as .xlsx: a sheet of occupants (room, names, sex, age, category, language, day, diet, conditions, meals, checks, today\'s events) and one of meals with portions and diet notes; `?lang=zh|en`',
    request: { query: TodayExportQuery },
    responses: { 200: { description: 'The workbook', media: XLSX } },
  },
  'GET /facilities/{facilityId}/exports/departures': {
    tag: 'Care',
    summary: 'Departures as Excel',
    description: 'the departures of `?date=` as .xlsx, in plan order (mode, `?windowMinutes=` window, time, room), with number, names and destination; `?lang=zh|en`',
    request: { query: TransportExportQuery },
    responses: { 200: { description: 'The workbook', media: XLSX } },
  },
  'GET /facilities/{facilityId}/reminders': {
    tag: 'Care',
    summary: 'List reminders',
    description:
      'reminders, newest first (`?limit=&cursor=`), with lines, delivery and `state` (open, handled, closed: every person named has left); `?state=open|handled|closed|all`, `?kind=`, `?q=` (room number or name). Lines of closed stays carry `closed: true`. State and search filter the page read: a page may hold fewer than `limit`, follow the cursor',
    request: { query: ReminderQuery },
    responses: { 200: ok('A page of reminders', ReminderList) },
  },
  'PUT /facilities/{facilityId}/reminders/{reminderId}/handled': {
    tag: 'Care',
    summary: 'Mark a reminder handled',
    description: 'who (the caller) and when, `note?`; audited on the facility. Marking it again answers the first marking unchanged',
    request: { body: HandleReminderInput },
    responses: { 200: ok('The reminder, handled', Reminder) },
  },
  'POST /stays/{stayId}/personal-link': {
    tag: 'Stays',
    summary: 'Issue a personal link',
    description:
      "the person's own page: a new link with a secret (`url`, and `qr` to show once at check-in; only a hash is stored). An earlier link stops working at once. Starts the watch over missed reports",
    responses: { 201: ok('The link, in this answer only', IssuedLink), 409: conflict('Another link was issued at the same time', ['stay_changed']), 410: GONE },
  },
  'GET /stays/{stayId}/personal-link': {
    tag: 'Stays',
    summary: "The personal link's state",
    description: 'none / active / revoked, generation and dates (never the secret)',
    responses: { 200: ok('The state', LinkStatus), 410: GONE },
  },
  'POST /stays/{stayId}/personal-link/revoke': {
    tag: 'Stays',
    summary: 'Revoke the personal link',
    description: 'the secret stops working at once (404, like an unknown one); issue a new link to give the page back',
    responses: { 200: ok('Revoked', RevokedLink), 409: conflict('No active link', ['no_personal_link', 'stay_changed']), 410: GONE },
  },
  'POST /stays/{stayId}/checks/{checkId}/confirm': {
    tag: 'Care',
    summary: 'Confirm a self-reported check',
    description: 'staff confirm a reading the person reported on their own page, as it stands (to change it, use …/correction: the original is kept)',
    responses: { 200: ok('The check', ConfirmedCheck), 409: conflict('Not a self-report, or the stay is closed', ['not_self_reported', 'stay_closed', 'stay_changed']), 410: GONE },
  },
  'GET /facilities/{facilityId}/requests': {
    tag: 'Care',
    summary: 'Requests from people',
    description: 'requests people sent from their own page (meal, parcel, return travel, other), oldest first, by `?status=open|in_progress|done|declined&limit=&cursor=`',
    request: { query: RequestListQuery },
    responses: { 200: ok('A page of requests', RequestList) },
  },
  'POST /stays/{stayId}/requests/{requestId}': {
    tag: 'Care',
    summary: 'Answer a request',
    description: 'set `status` (`open` | `in_progress` | `done` | `declined`) and an optional `reply` the person sees on their page',
    request: { body: AnswerRequestInput },
    responses: { 200: ok('The request', StaffRequest), 410: GONE },
  },
  'GET /facilities/{facilityId}/follow-ups': {
    tag: 'Care',
    summary: 'Follow-ups of missed reports',
    description: "slots still without a report at the policy's `escalationMinutes.teamOnDuty` after the deadline (step 3 of the escalation; default an hour), each for the team member on duty for that slot (`role`, `assignee`), oldest first, until the team marks them done",
    request: { query: PageQuery },
    responses: { 200: ok('A page of follow-ups', FollowUpList) },
  },
  'POST /stays/{stayId}/follow-ups/{followUpId}/done': {
    tag: 'Care',
    summary: 'Mark a follow-up done',
    description: 'the team member says what they found: `note` (kept with the follow-up and in the audit trail); `followUpId` = `<date>-<slot>`',
    request: { body: FollowUpDoneInput },
    responses: { 200: ok('The follow-up', FollowUp), 409: conflict('Already done', ['follow_up_done']), 410: GONE },
  },
  'GET /me': {
    tag: 'Web',
    summary: "The person's own page",
    description: 'the page of the personal link (`/me#k=<secret>`: the secret stays in the fragment, never sent in a URL); zh, en, ko',
    responses: { 200: { description: 'The page', media: 'text/html' }, 304: { description: 'Not modified (If-None-Match)' } },
  },
  'GET /me/stay': {
    tag: 'Stays',
    summary: 'My stay (personal link)',
    description:
      'with header `X-Personal-Key: <secret>`: day of observation, end date and countdown target, next test, today\'s two reports, requests and (after release) documents. Unknown or revoked secret: 404. Rate-limited per link and per client (429)',
    responses: { 200: ok('The page', PersonPage), 404: NOT_MINE, 429: TOO_MANY },
  },
  'POST /me/reports': {
    tag: 'Care',
    summary: 'Send my report (personal link)',
    description:
      "the morning or evening self-report: `slot`, `temperatureC`, `symptoms?`, `date?` (today; yesterday's evening until this morning's deadline). Late after the slot's deadline; 37.3 °C or a symptom raises an urgent reminder to the team's doctor (hotel: the staff)",
    request: { body: SelfReportInput },
    responses: { 201: ok('Recorded', SelfReportResult), 404: NOT_MINE, 409: conflict('Already reported, or the stay is closed', ['check_exists', 'stay_closed', 'stay_changed']), 429: TOO_MANY },
  },
  'POST /me/requests': {
    tag: 'Care',
    summary: 'Send a request to staff (personal link)',
    description: '`kind` (`meal` | `parcel` | `return_travel` | `other`) and `text`',
    request: { body: PersonRequestInput },
    responses: { 201: ok('Sent', PersonRequest), 404: NOT_MINE, 409: conflict('Too many open requests, or the stay is closed', ['stay_changed', 'stay_closed']), 429: TOO_MANY },
  },
  'GET /me/documents/{documentId}': {
    tag: 'Documents',
    summary: 'Download my document (personal link)',
    description: 'a valid document of the released stay, with header `X-Personal-Key`',
    responses: { 200: { description: 'The PDF', media: 'application/pdf' }, 404: NOT_MINE, 429: TOO_MANY },
  },
  'GET /facilities/{facilityId}/stats': {
    tag: 'Facilities',
    summary: 'Anonymous statistics',
    description: 'anonymous counts kept by retention: stays closed per month, by outcome and category, and the total',
    responses: { 200: ok('Counts per month and in total', FacilityStats) },
  },
  'POST /lab/results': {
    tag: 'Lab',
    summary: 'Lab results webhook',
    description: 'lab results webhook (signed, see below): per result stored / superseded / duplicate / stale / unmatched',
    request: { body: LabDeliveryInput },
    responses: { 200: ok('Per result: what happened to it', IngestReport) },
  },
  'GET /lab/unmatched': {
    tag: 'Lab',
    summary: 'Unmatched lab results',
    description: 'results no stay matched, newest first (`?limit=&cursor=`)',
    request: { query: PageQuery },
    responses: { 200: ok('A page of unmatched samples', UnmatchedList) },
  },
  'POST /lab/unmatched/{labId}/{sampleId}/assign': {
    tag: 'Lab',
    summary: 'Assign an unmatched sample',
    description:
      "assign an unmatched sample to a stay: `stayId`, `reason?`. Staff of the stay's facility when the sample's subject (its stay id, or the travel document normalised as in matching) names that person; otherwise an admin with a `reason`. Audited. Unknown, another facility's and another person's samples all answer the same 404",
    request: { body: AssignSampleInput },
    responses: { 200: ok('Assigned', AssignedSample), 409: conflict('Already matched, or the stay is closed', ['already_matched', 'stay_closed', 'stay_changed']), 410: GONE },
  },
  'GET /lab/samples/{labId}/{sampleId}': {
    tag: 'Lab',
    summary: 'A sample and its history',
    description: 'a sample and every report received',
    responses: { 200: ok('The sample and every version received', SampleHistory) },
  },
  'POST /lab/samples/{labId}/{sampleId}/unassign': {
    tag: 'Lab',
    summary: 'Undo an assignment',
    description:
      "undo an assignment (`reason`): the result leaves the stay's file and the sample returns to the unmatched queue (reason `unassigned`); admins or staff of the stay's facility; audited",
    request: { body: UnassignSampleInput },
    responses: { 200: ok('Back in the unmatched queue', UnassignedSample), 409: conflict('The sample was not assigned by hand', ['not_assigned']) },
  },
  'PUT /labs/{labId}/facilities': {
    tag: 'Lab',
    summary: 'Set the facilities a lab serves',
    description:
      'which facilities a registered lab serves: `facilities` (a list of facility ids, or `"all"`); results for stays elsewhere go to the unmatched queue (`outside_lab_scope`)',
    request: { body: LabFacilitiesInput },
    responses: { 200: ok("The lab's scope", LabRecord) },
  },
  'GET /accounts': {
    tag: 'Accounts',
    summary: 'List staff accounts',
    description: 'every staff and admin account: username, name, role, facilities, enabled, whether the one-time password is still to be changed',
    responses: { 200: ok('The accounts, by username', AccountList) },
  },
  'POST /accounts': {
    tag: 'Accounts',
    summary: 'Create a staff account',
    description:
      'a new account: `username`, `name`, `role` (`staff` | `admin`), `facilities` (staff: at least one existing facility); the answer holds a one-time password, shown once, to be changed at first sign-in',
    request: { body: CreateAccountInput },
    responses: { 201: ok('The account and its one-time password', AccountWithPassword), 409: conflict('The username is taken', ['username_taken']) },
  },
  'PUT /accounts/{username}': {
    tag: 'Accounts',
    summary: "Change an account's role, facilities or name",
    description: 'any of `name`, `role`, `facilities`; an admin cannot change their own role, nor demote the last enabled admin. Takes effect at the next sign-in or token refresh',
    request: { body: UpdateAccountInput },
    responses: { 200: ok('The account', Account), 409: conflict('Your own account, or the last admin', ['own_account', 'last_admin']) },
  },
  'POST /accounts/{username}/disable': {
    tag: 'Accounts',
    summary: 'Disable an account',
    description: 'the account can no longer sign in and its sessions end at their next refresh; not your own account, nor the last enabled admin',
    responses: { 200: ok('The account', Account), 409: conflict('Your own account, or the last admin', ['own_account', 'last_admin']) },
  },
  'POST /accounts/{username}/enable': {
    tag: 'Accounts',
    summary: 'Enable an account',
    description: 'a disabled account may sign in again',
    responses: { 200: ok('The account', Account) },
  },
  'POST /accounts/{username}/reset-password': {
    tag: 'Accounts',
    summary: "Reset an account's password",
    description: 'a new one-time password, shown once, to be changed at the next sign-in; the old password and the sessions stop working',
    responses: { 200: ok('The account and its one-time password', AccountWithPassword) },
  },
  'GET /accounts/{username}/audit': {
    tag: 'Accounts',
    summary: "An account's audit trail",
    description: 'who changed the account, when and what (old and new role, facilities, name, enabled; never a password), newest first',
    responses: { 200: ok('Every change, newest first', AccountAudit) },
  },
  'GET /stays/{stayId}/tests': {
    tag: 'Lab',
    summary: "A stay's test results",
    description: "the stay's current test results and latest retest",
    responses: { 200: ok('The results', StayTests) },
  },
  'GET /': {
    tag: 'Web',
    summary: 'Staff web form',
    description: 'the staff web form (sign in with your account, or a token)',
    responses: { 200: { description: 'The page', media: 'text/html' }, 304: { description: 'Not modified (If-None-Match)' } },
  },
  'GET /openapi.json': {
    tag: 'API',
    summary: 'This API as OpenAPI 3.1',
    description: 'this API as an OpenAPI 3.1 document (generated from the route table and the zod schemas)',
    responses: { 200: ok('The OpenAPI document', z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) })) },
  },
  'GET /auth/config': {
    tag: 'Web',
    summary: 'Sign-in settings of the staff page',
    description: 'where the staff page signs in (OAuth 2.0 code + PKCE): the OpenID issuer, the app client and, for Cognito managed login, its endpoints',
    responses: { 200: ok('The sign-in settings (`enabled: false` where there is no OpenID provider)', AuthConfig) },
  },
  'GET /api-docs': {
    tag: 'API',
    summary: 'API reference page',
    description: 'the API reference, readable in a browser (rendered from `/openapi.json`)',
    responses: { 200: { description: 'The page', media: 'text/html' }, 304: { description: 'Not modified (If-None-Match)' } },
  },
  'GET /assets/{file}': {
    tag: 'Web',
    summary: 'Web assets',
    description: "the web form's ES modules and style sheet",
    responses: { 200: { description: 'The file', media: '*/*' }, 304: { description: 'Not modified (If-None-Match)' } },
  },
  'POST /home-programmes': {
    tag: 'Home',
    summary: 'Create a home-isolation programme',
    description:
      'a home-isolation programme (居家隔离) of a district, street or community: a facility without rooms. `level` (district|street|community), the facility fields (`facilityId?`, `name`, `nameEn?`, `timeZone`, `policy {stayDays, retestDays, documentDay}`, `authority?`, `feverHistoryCertificate?`) and `homeRelease? {quietSlots}` (default 4: the latest check slots that must show no fever or symptom for release)',
    request: { body: CreateProgrammeInput },
    responses: { 201: ok('The programme', Facility), 409: conflict('The facility id is taken', ['facility_exists']) },
  },
  'POST /facilities/{facilityId}/teams': {
    tag: 'Home',
    summary: 'Create a three-person team',
    description:
      'a three-person team (三人小组) of a programme: `teamId`, `name`, `members {cadre, doctor, police}` (each `name`, `phone`, `staffSub?`: their staff account) and the `gridCells` it covers (one team per cell)',
    request: { body: CreateTeamInput },
    responses: { 201: ok('The team', Team), 409: conflict('The team id is taken or a cell is covered by another team', ['team_exists', 'grid_cell_taken']) },
  },
  'PUT /facilities/{facilityId}/teams/{teamId}': {
    tag: 'Home',
    summary: 'Edit a team',
    description:
      'any of `name`, `members {cadre?, doctor?, police?}` (each given member replaced whole: `name`, `phone`, `staffSub?`), `gridCells` (the whole new list: cells gained are claimed, cells given up freed; people already followed keep the team) and `duty {morning?, evening?}` (the role on duty for each report slot: the follow-up of a missed report goes to that member; default the cadre). Audited',
    request: { body: UpdateTeamInput },
    responses: { 200: ok('The team', Team), 409: conflict('A cell is covered by another team, or the team changed meanwhile', ['grid_cell_taken', 'team_changed']) },
  },
  'GET /facilities/{facilityId}/teams': {
    tag: 'Home',
    summary: 'List the teams of a programme',
    description: 'the teams of a programme with their members and grid cells',
    responses: { 200: ok('The teams', TeamList) },
  },
  'GET /facilities/{facilityId}/teams/{teamId}/worklist': {
    tag: 'Home',
    summary: "A team's worklist",
    description:
      "what a team has to do now: who has not reported this slot, who reported a fever or symptom (today and yesterday), whose retest is due, who is ready for release (and who waits, with why), the open follow-ups of missed reports (who, slot, step, the member whose task it is), the duty roster and the team's load. `?member=cadre|doctor|police` shows that member's part and own follow-ups",
    request: { query: WorklistQuery },
    responses: { 200: ok('The worklist', Worklist) },
  },
  'PUT /stays/{stayId}/team': {
    tag: 'Home',
    summary: 'Move a home stay to another team',
    description: 'reassign a home stay: `teamId`, `reason` (audited)',
    request: { body: ReassignTeamInput },
    responses: { 200: ok('The new team', TeamAssignment), 409: conflict('Not a home stay, closed, the same team or changed meanwhile', ['not_a_home_stay', 'stay_closed', 'same_team', 'stay_changed']), 410: GONE },
  },
  'POST /stays/{stayId}/continue-at-home': {
    tag: 'Home',
    summary: 'Continue a hotel stay at home ("14 + 7")',
    description:
      "close the hotel part (status `continued`, the room to cleaning) and open the home part in a programme in one transaction: `programmeId`, `home {address, community, gridCell}`, `date?` (the first day at home, default today), `reason`. Day numbering continues; the programme's policy is counted from the first day at home; checks and results of the hotel part count for release and documents",
    request: { body: ContinueAtHomeInput },
    responses: {
      201: ok('Both parts', Continuation, { location: 'The home stay, /stays/{stayId}' }),
      409: conflict('Not an active hotel stay, or changed meanwhile', ['not_a_hotel_stay', 'stay_not_active', 'stay_changed']),
      410: GONE,
    },
  },
  'POST /stays/{stayId}/end-check': {
    tag: 'Home',
    summary: "The team doctor's end-of-period health check",
    description:
      "the end-of-period health check of a home stay by the team's doctor (from the last day on): `fit`, `note?`. A doctor with a staff account records it themselves (403 `not_team_doctor` for anyone else but an admin)",
    request: { body: EndCheckInput },
    responses: {
      200: ok('The check as recorded', EndCheckResult),
      403: { description: 'Only the team doctor records it', problem: Problem },
      409: conflict('Not a home stay, closed, before the end date or changed meanwhile', ['not_a_home_stay', 'stay_closed', 'before_end_date', 'stay_changed']),
      410: GONE,
    },
  },
  'GET /stays/{stayId}/schedule-ledger': {
    tag: 'Home',
    summary: 'The end-date ledger',
    description: 'every change of the end date of observation (check-in, schedule changes, continuing at home): old date, new date, reason, who',
    responses: { 200: ok('The ledger, oldest first, and the current end date', Ledger) },
  },
};

