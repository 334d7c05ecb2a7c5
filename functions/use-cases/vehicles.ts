import { facilityAuditPut } from '../entities/audit.js';
import { departuresOn } from '../entities/departure.js';
import { getVehicles, vehicleKeys, type PickupAssignment, type VehicleList } from '../entities/vehicle.js';
import type { PickupInput, VehiclesInput } from '../schemas/care.js';
import { tableName } from '../shared/db.js';
import { ConflictError, ValidationError } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import { transactWithRetry } from '../shared/transact.js';
import { loadFacilityFor } from './load-facility.js';
import { groupPickups, plateKey, type PickupGroup } from './transport-plan.js';

// Vehicles for return transport, per facility, and which of them take one pickup
// (the people of a departure date picked up at the same time). An assignment with
// fewer seats than people is refused, saying how many seats for how many people.

const changed = () => new ConflictError('The vehicles were changed meanwhile: reload them and try again.', [{ code: 'vehicles_changed', message: 'The vehicle list was changed by someone else meanwhile.' }]);

export async function listVehicles(principal: Principal, facilityId: string): Promise<VehicleList> {
  await loadFacilityFor(principal, facilityId);
  return getVehicles(facilityId);
}

/** Replaces the list (versioned: a concurrent edit is refused, never overwritten), audited on the facility. */
export async function setVehicles(principal: Principal, facilityId: string, input: VehiclesInput, now = new Date()): Promise<VehicleList> {
  await loadFacilityFor(principal, facilityId);
  const current = await getVehicles(facilityId);
  if (input.version !== undefined && input.version !== current.version) throw changed();
  const at = now.toISOString();
  const next: VehicleList = { facilityId, vehicles: input.vehicles.map((v) => ({ plate: v.plate.trim(), seats: v.seats, ...(v.note ? { note: v.note } : {}) })), version: current.version + 1, updatedAt: at, updatedBy: principal.subject };
  await transactWithRetry(
    [
      {
        Put: {
          TableName: tableName(),
          Item: { ...vehicleKeys.list(facilityId), type: 'Vehicles', ...next },
          ConditionExpression: current.version === 0 ? 'attribute_not_exists(PK)' : 'version = :v',
          ...(current.version === 0 ? {} : { ExpressionAttributeValues: { ':v': current.version } }),
        },
      },
      facilityAuditPut({ facilityId, at, actor: principal.subject, action: 'vehicles_set', changes: { vehicles: next.vehicles.length, seats: next.vehicles.reduce((n, v) => n + v.seats, 0) } }),
    ],
    (reasons) => (reasons[0]?.Code === 'ConditionalCheckFailed' ? changed() : undefined),
  );
  return next;
}

/**
 * The vehicles of one pickup. Every plate must be one of the facility's vehicles and
 * together seat everyone picked up then; the list read is checked unchanged in the
 * same transaction that writes the assignment.
 */
export async function assignPickup(principal: Principal, facilityId: string, input: PickupInput, now = new Date()): Promise<PickupGroup> {
  await loadFacilityFor(principal, facilityId);
  const [fleet, entries] = await Promise.all([getVehicles(facilityId), departuresOn(facilityId, input.date)]);
  const known = new Set(fleet.vehicles.map((v) => plateKey(v.plate)));
  const issues = input.plates.flatMap((p, i) => (known.has(plateKey(p)) ? [] : [{ path: `plates.${i}`, code: 'unknown_vehicle', message: `No vehicle ${p} in this facility: add it to the vehicles first` }]));
  const at = now.toISOString();
  const assignment: PickupAssignment = { facilityId, date: input.date, time: input.time, plates: input.plates.map((p) => fleet.vehicles.find((v) => plateKey(v.plate) === plateKey(p))?.plate ?? p), updatedAt: at, updatedBy: principal.subject };
  const group = groupPickups(entries, [assignment], fleet.vehicles).pickups.find((g) => g.time === input.time) ?? { time: input.time, count: 0, modes: [], people: [], vehicles: [], seats: 0, short: 0 };
  // Clearing is always allowed (the people may have moved to another pickup).
  if (!group.count && input.plates.length) issues.push({ path: 'time', code: 'no_pickup_group', message: `Nobody leaving on ${input.date} is picked up at ${input.time}` });
  if (issues.length) throw new ValidationError(issues);
  if (input.plates.length && group.seats < group.count) {
    const message = `${group.vehicles.length} vehicle(s) with ${group.seats} seats cannot take the ${group.count} people picked up at ${input.time}: add a vehicle or choose a bigger one.`;
    throw new ConflictError(message, [{ code: 'over_capacity', message }]);
  }
  await transactWithRetry(
    [
      {
        ConditionCheck: {
          TableName: tableName(),
          Key: vehicleKeys.list(facilityId),
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':v': fleet.version },
        },
      },
      { Put: { TableName: tableName(), Item: { ...vehicleKeys.pickup(facilityId, input.date, input.time), type: 'Pickup', ...assignment } } },
      facilityAuditPut({ facilityId, at, actor: principal.subject, action: 'pickup_vehicles_set', changes: { date: input.date, time: input.time, vehicles: assignment.plates.length, people: group.count } }),
    ],
    (reasons) => (reasons[0]?.Code === 'ConditionalCheckFailed' ? changed() : undefined),
  );
  return group;
}
