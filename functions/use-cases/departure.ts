import { placeFields, placeLabel } from '../domain/place.js';
import { auditPut } from '../entities/audit.js';
import { departureItem, type Departure, type DepartureEntry } from '../entities/departure.js';
import { stayKeys } from '../entities/stay.js';
import { addDays, localDate } from '../domain/calendar.js';
import { localTimeOfDay } from '../domain/checks.js';
import type { SetDepartureInput } from '../schemas/care.js';
import { tableName } from '../shared/db.js';
import { ConflictError, ValidationError } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import { transactWithRetry } from '../shared/transact.js';
import { assertOpen, loadStayWithFacility } from './care-context.js';

// Return-travel information (collected and checked person by person around day 12):
// a PUT sets or replaces it. The departure item feeds the transport plan through
// GSI1; the stay carries a copy for its file. Audit entry in the same transaction.

/** People leave from the document day on (release allowed) and within two weeks after the release date. */
const LATEST_AFTER_RELEASE_DAYS = 14;

export async function setDeparture(principal: Principal, stayId: string, input: SetDepartureInput, now = new Date()): Promise<DepartureEntry> {
  const { stay, facility } = await loadStayWithFacility(principal, stayId);
  assertOpen(stay, 'return travel');
  const departureAt = input.departureAt;
  const date = localDate(departureAt, facility.timeZone);
  const earliest = stay.schedule.documentDate;
  const latest = addDays(stay.schedule.releaseDate, LATEST_AFTER_RELEASE_DAYS);
  if (date < earliest || date > latest) {
    throw new ValidationError([
      { path: 'departureAt', message: `Departure must be between ${earliest} and ${latest} (facility time): release is allowed from day ${stay.policy.documentDay}`, code: 'outside_release_window' },
    ]);
  }
  const number = input.number === '' ? undefined : input.number;
  const departure: Departure = {
    destination: input.destination,
    mode: input.mode,
    ...(number ? { number } : {}),
    departureAt,
    localDate: date,
    localTime: localTimeOfDay(departureAt, facility.timeZone),
    ...(input.pickupAt ? { pickupAt: input.pickupAt, pickupLocalTime: localTimeOfDay(input.pickupAt, facility.timeZone) } : {}),
    updatedAt: now.toISOString(),
    updatedBy: principal.subject,
  };
  const entry: DepartureEntry = {
    ...departure,
    stayId: stay.stayId,
    facilityId: stay.facilityId,
    ...placeFields(stay),
    nameNative: stay.person.nameNative,
    nameLatin: stay.person.nameLatin,
  };
  const at = now.toISOString();
  await transactWithRetry(
    [
      {
        Update: {
          TableName: tableName(),
          Key: stayKeys.key(stay.stayId),
          UpdateExpression: 'SET departure = :departure, updatedAt = :now, version = version + :one',
          ConditionExpression: '#status IN (:active, :positive)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':departure': departure, ':now': at, ':one': 1, ':active': 'active', ':positive': 'positive' },
        },
      },
      { Put: { TableName: tableName(), Item: departureItem(entry) } },
      auditPut({
        stayId: stay.stayId,
        at,
        actor: principal.subject,
        action: stay.departure ? 'departure_changed' : 'departure_set',
        changes: { mode: input.mode, departureDate: date, destinationCountry: input.destination.country, pickup: input.pickupAt !== undefined },
      }),
    ],
    (reasons) =>
      reasons[0]?.Code === 'ConditionalCheckFailed'
        ? new ConflictError('The stay was closed meanwhile; return travel can no longer be recorded.', [{ code: 'stay_closed', message: 'The stay is no longer open.' }])
        : undefined,
  );
  return entry;
}
