import type { Access } from './shared/http.js';

// THE route table. The CDK stack creates one Lambda per handler and one HttpApi
// route per entry (JWT authorizer on staff/admin routes); the local server serves
// exactly the same entries with the same handlers. Add a route here and both follow.

export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** API Gateway path template: parameters are whole segments, `{name}`. */
  path: string;
  /** File name under functions/handlers/ (without .ts) exporting `handler`. */
  handler: string;
  /** public: anyone; lab: HMAC-signed lab webhook; staff/admin: JWT of facility staff / administrators. */
  access: Access;
  /** Lambda memory and timeout when the default (256 MB, 10 s) does not fit. */
  memoryMb?: number;
  timeoutSeconds?: number;
  /** The handler's IAM access to the table when not the default (GET: read, else write); see lib/table-access.ts. */
  table?: TableAccess;
  /** The handler deletes items (a delete command, alone or in a transaction): only then is it granted DeleteItem. */
  deletes?: true;
}

/** none: no table access; documents-read: GetItem on DOCUMENT# items only; read: Get/Query; write: also Put/Update. */
export type TableAccess = 'none' | 'documents-read' | 'read' | 'write';

export const routes: readonly RouteDef[] = [
  { method: 'POST', path: '/facilities', handler: 'create-facility', access: 'admin' },
  { method: 'GET', path: '/facilities', handler: 'list-facilities', access: 'staff' },
  { method: 'GET', path: '/facilities/{facilityId}', handler: 'get-facility', access: 'staff' },
  { method: 'PUT', path: '/facilities/{facilityId}', handler: 'update-facility', access: 'admin' },
  { method: 'POST', path: '/facilities/{facilityId}/rooms', handler: 'add-rooms', access: 'admin', timeoutSeconds: 29 },
  { method: 'GET', path: '/facilities/{facilityId}/board', handler: 'get-board', access: 'staff' },
  { method: 'POST', path: '/facilities/{facilityId}/stays', handler: 'register-stay', access: 'staff' },
  { method: 'POST', path: '/facilities/{facilityId}/stays/batch', handler: 'register-batch', access: 'staff', memoryMb: 1024, timeoutSeconds: 29 },
  { method: 'POST', path: '/facilities/{facilityId}/stays/import', handler: 'manifest-files', access: 'staff', memoryMb: 1024, timeoutSeconds: 29 },
  { method: 'POST', path: '/facilities/{facilityId}/stays/import/refused', handler: 'manifest-files', access: 'staff', memoryMb: 1024, timeoutSeconds: 29 },
  { method: 'GET', path: '/facilities/{facilityId}/stays/import/template', handler: 'manifest-files', access: 'staff', memoryMb: 1024, timeoutSeconds: 29 },
  { method: 'GET', path: '/facilities/{facilityId}/stays', handler: 'list-stays', access: 'staff' },
  { method: 'GET', path: '/stays/{stayId}', handler: 'get-stay', access: 'staff' },
  { method: 'GET', path: '/stays/{stayId}/release', handler: 'release-eligibility', access: 'staff' },
  { method: 'POST', path: '/stays/{stayId}/release', handler: 'release-stay', access: 'staff', memoryMb: 1024, timeoutSeconds: 29, deletes: true },
  { method: 'POST', path: '/stays/{stayId}/transfer', handler: 'transfer-stay', access: 'staff', deletes: true },
  // Corrections (use-cases/edit-person.ts, move-room.ts, cancel-stay.ts).
  { method: 'PUT', path: '/stays/{stayId}/person', handler: 'edit-person', access: 'staff', deletes: true },
  { method: 'POST', path: '/stays/{stayId}/move', handler: 'move-room', access: 'staff' },
  { method: 'POST', path: '/stays/{stayId}/cancel', handler: 'cancel-stay', access: 'staff', deletes: true },
  { method: 'POST', path: '/facilities/{facilityId}/rooms/{roomNumber}/free', handler: 'free-room', access: 'staff' },
  { method: 'POST', path: '/facilities/{facilityId}/rooms/{roomNumber}/inspect', handler: 'room-readiness', access: 'staff' },
  { method: 'POST', path: '/facilities/{facilityId}/rooms/readiness', handler: 'room-readiness', access: 'staff' },
  { method: 'PUT', path: '/facilities/{facilityId}/room-policy', handler: 'room-readiness', access: 'admin' },
  { method: 'GET', path: '/stays/{stayId}/documents', handler: 'list-documents', access: 'staff' },
  { method: 'GET', path: '/stays/{stayId}/documents/{documentId}', handler: 'get-stay-document', access: 'staff', memoryMb: 1024 },
  { method: 'POST', path: '/stays/{stayId}/documents/{documentId}/revoke', handler: 'revoke-document', access: 'staff' },
  { method: 'POST', path: '/stays/{stayId}/documents/{documentId}/reissue', handler: 'reissue-document', access: 'staff', memoryMb: 1024 },
  { method: 'POST', path: '/stays/{stayId}/documents/issue', handler: 'issue-document', access: 'staff', memoryMb: 1024 },
  { method: 'POST', path: '/stays/{stayId}/health-signoff', handler: 'health-signoff', access: 'staff' },
  { method: 'GET', path: '/documents/{file}', handler: 'download-document', access: 'public', memoryMb: 1024, table: 'documents-read' },
  { method: 'GET', path: '/verify/{documentId}', handler: 'verify-document', access: 'public', table: 'documents-read' },
  { method: 'GET', path: '/stays/{stayId}/audit', handler: 'get-audit', access: 'admin' },
  { method: 'POST', path: '/stays/{stayId}/checks', handler: 'record-check', access: 'staff' },
  { method: 'GET', path: '/stays/{stayId}/checks', handler: 'list-checks', access: 'staff' },
  { method: 'POST', path: '/stays/{stayId}/checks/{checkId}/correction', handler: 'correct-check', access: 'staff' },
  { method: 'POST', path: '/stays/{stayId}/situations', handler: 'add-situation', access: 'staff' },
  { method: 'GET', path: '/stays/{stayId}/situations', handler: 'list-situations', access: 'staff' },
  { method: 'PUT', path: '/stays/{stayId}/departure', handler: 'set-departure', access: 'staff' },
  { method: 'PUT', path: '/stays/{stayId}/schedule', handler: 'change-schedule', access: 'staff', deletes: true },
  { method: 'GET', path: '/facilities/{facilityId}/today', handler: 'get-today-sheet', access: 'staff' },
  { method: 'GET', path: '/facilities/{facilityId}/transport', handler: 'get-transport', access: 'staff' },
  { method: 'PUT', path: '/facilities/{facilityId}/transport/pickups', handler: 'assign-pickup', access: 'staff' },
  { method: 'GET', path: '/facilities/{facilityId}/vehicles', handler: 'list-vehicles', access: 'staff' },
  { method: 'PUT', path: '/facilities/{facilityId}/vehicles', handler: 'set-vehicles', access: 'staff' },
  { method: 'GET', path: '/facilities/{facilityId}/exports/board', handler: 'export-sheet', access: 'staff' },
  { method: 'GET', path: '/facilities/{facilityId}/exports/today', handler: 'export-sheet', access: 'staff' },
  { method: 'GET', path: '/facilities/{facilityId}/exports/departures', handler: 'export-sheet', access: 'staff' },
  { method: 'GET', path: '/', handler: 'web-assets', access: 'public', table: 'none' },
  { method: 'GET', path: '/assets/{file}', handler: 'web-assets', access: 'public', table: 'none' },
  { method: 'GET', path: '/api-docs', handler: 'web-assets', access: 'public', table: 'none' },
  { method: 'GET', path: '/openapi.json', handler: 'get-openapi', access: 'public', table: 'none' },
  { method: 'GET', path: '/auth/config', handler: 'auth-config', access: 'public', table: 'none' },
  { method: 'POST', path: '/lab/results', handler: 'lab-results', access: 'lab', memoryMb: 512, timeoutSeconds: 29, deletes: true },
  // Staff accounts (Cognito in the cloud, the local provider's file for `npm start`): one function, the only one with the user pool's admin permissions.
  { method: 'GET', path: '/accounts', handler: 'accounts', access: 'admin' },
  { method: 'POST', path: '/accounts', handler: 'accounts', access: 'admin' },
  { method: 'PUT', path: '/accounts/{username}', handler: 'accounts', access: 'admin' },
  { method: 'POST', path: '/accounts/{username}/disable', handler: 'accounts', access: 'admin' },
  { method: 'POST', path: '/accounts/{username}/enable', handler: 'accounts', access: 'admin' },
  { method: 'POST', path: '/accounts/{username}/reset-password', handler: 'accounts', access: 'admin' },
  { method: 'GET', path: '/accounts/{username}/audit', handler: 'accounts', access: 'admin' },
  { method: 'GET', path: '/lab/unmatched', handler: 'list-unmatched', access: 'admin' },
  { method: 'POST', path: '/lab/unmatched/{labId}/{sampleId}/assign', handler: 'assign-sample', access: 'staff' },
  { method: 'GET', path: '/lab/samples/{labId}/{sampleId}', handler: 'get-sample', access: 'admin' },
  { method: 'POST', path: '/lab/samples/{labId}/{sampleId}/unassign', handler: 'unassign-sample', access: 'staff', deletes: true },
  { method: 'PUT', path: '/labs/{labId}/facilities', handler: 'set-lab-facilities', access: 'admin' },
  { method: 'GET', path: '/stays/{stayId}/tests', handler: 'list-stay-tests', access: 'staff' },
  { method: 'GET', path: '/facilities/{facilityId}/reminders', handler: 'list-reminders', access: 'staff' },
  { method: 'PUT', path: '/facilities/{facilityId}/reminders/{reminderId}/handled', handler: 'handle-reminder', access: 'staff' },
  { method: 'GET', path: '/facilities/{facilityId}/stats', handler: 'get-stats', access: 'staff' },
  // Home isolation (居家隔离): programmes, three-person teams, the hotel-to-home continuation, the end-of-period check.
  { method: 'POST', path: '/home-programmes', handler: 'create-programme', access: 'admin' },
  { method: 'POST', path: '/facilities/{facilityId}/teams', handler: 'create-team', access: 'admin' },
  { method: 'GET', path: '/facilities/{facilityId}/teams', handler: 'list-teams', access: 'staff' },
  { method: 'PUT', path: '/facilities/{facilityId}/teams/{teamId}', handler: 'update-team', access: 'admin', deletes: true },
  { method: 'GET', path: '/facilities/{facilityId}/teams/{teamId}/worklist', handler: 'team-worklist', access: 'staff' },
  { method: 'PUT', path: '/stays/{stayId}/team', handler: 'reassign-team', access: 'staff', deletes: true },
  { method: 'POST', path: '/stays/{stayId}/continue-at-home', handler: 'continue-at-home', access: 'staff', deletes: true },
  { method: 'POST', path: '/stays/{stayId}/end-check', handler: 'end-check', access: 'staff' },
  { method: 'GET', path: '/stays/{stayId}/schedule-ledger', handler: 'get-schedule-ledger', access: 'staff' },
  // Personal links: staff issue, revoke and look up; the person's own page uses the secret (header X-Personal-Key).
  { method: 'POST', path: '/stays/{stayId}/personal-link', handler: 'issue-personal-link', access: 'staff' },
  { method: 'GET', path: '/stays/{stayId}/personal-link', handler: 'get-personal-link', access: 'staff' },
  { method: 'POST', path: '/stays/{stayId}/personal-link/revoke', handler: 'revoke-personal-link', access: 'staff' },
  { method: 'POST', path: '/stays/{stayId}/checks/{checkId}/confirm', handler: 'confirm-check', access: 'staff' },
  { method: 'GET', path: '/facilities/{facilityId}/requests', handler: 'list-requests', access: 'staff' },
  { method: 'POST', path: '/stays/{stayId}/requests/{requestId}', handler: 'answer-request', access: 'staff' },
  { method: 'GET', path: '/facilities/{facilityId}/follow-ups', handler: 'list-follow-ups', access: 'staff' },
  { method: 'POST', path: '/stays/{stayId}/follow-ups/{followUpId}/done', handler: 'close-follow-up', access: 'staff' },
  { method: 'GET', path: '/me', handler: 'web-assets', access: 'public', table: 'none' },
  // Rate limits are counters in the table: even the reads write.
  { method: 'GET', path: '/me/stay', handler: 'me-page', access: 'public', table: 'write' },
  { method: 'POST', path: '/me/reports', handler: 'me-report', access: 'public' },
  { method: 'POST', path: '/me/requests', handler: 'me-request', access: 'public' },
  { method: 'GET', path: '/me/documents/{documentId}', handler: 'me-document', access: 'public', memoryMb: 1024, table: 'write' },
];

export interface JobDef {
  name: string;
  handler: string;
  /** EventBridge schedule expression, e.g. "cron(0 * * * ? *)". */
  schedule: string;
  /** Local timer period in seconds. */
  localEverySeconds: number;
  /** As RouteDef.deletes (jobs always read and write). */
  deletes?: true;
}

export const jobs: readonly JobDef[] = [
  { name: 'retest-due', handler: 'retest-due', schedule: 'cron(5 * * * ? *)', localEverySeconds: 300 },
  { name: 'release-due', handler: 'release-due', schedule: 'cron(10 * * * ? *)', localEverySeconds: 300 },
  // At each slot deadline and each escalation step after it (every 5 minutes: deadlines are per facility time zone).
  { name: 'missed-reports', handler: 'missed-reports', schedule: 'cron(0/5 * * * ? *)', localEverySeconds: 60 },
  { name: 'deliver-reminders', handler: 'deliver-reminders', schedule: 'rate(1 minute)', localEverySeconds: 30 },
  // Removes personal data of stays closed RETENTION_DAYS (default 180) days ago; keeps anonymous counts.
  { name: 'retention', handler: 'retention', schedule: 'cron(30 3 * * ? *)', localEverySeconds: 3600, deletes: true },
];

export const routeKey = (r: Pick<RouteDef, 'method' | 'path'>) => `${r.method} ${r.path}`;
