import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../shared/db.js';
import { facilityKeys } from './facility.js';
import { queryPrefix, withoutKeys } from './partition.js';

// A facility's vehicles for return transport (plate or name, seats), one item:
// PK FACILITY#<id>, SK VEHICLES, replaced whole by PUT .../vehicles (with a version,
// so two desks editing at once do not overwrite each other). Vehicles are assigned to
// a pickup: the people of one departure date picked up at the same time, one item
// per pickup: SK PICKUP#<date>#<HH:MM>, listing the plates.

export interface Vehicle {
  /** Plate or name, unique in the facility ("京A12345", "Bus 2"). */
  plate: string;
  seats: number;
  /** Driver or company, free text. */
  note?: string;
}

export interface VehicleList {
  facilityId: string;
  vehicles: Vehicle[];
  version: number;
  updatedAt?: string;
  updatedBy?: string;
}

export interface PickupAssignment {
  facilityId: string;
  /** The departure date of the plan. */
  date: string;
  /** Facility-local pickup time HH:MM. */
  time: string;
  plates: string[];
  updatedAt: string;
  updatedBy: string;
}

export const vehicleKeys = {
  list: (facilityId: string) => ({ PK: facilityKeys.pk(facilityId), SK: 'VEHICLES' }),
  pickupPrefix: (date: string) => `PICKUP#${date}#`,
  pickup: (facilityId: string, date: string, time: string) => ({ PK: facilityKeys.pk(facilityId), SK: `PICKUP#${date}#${time}` }),
};

export async function getVehicles(facilityId: string): Promise<VehicleList> {
  const item = (await db().send(new GetCommand({ TableName: tableName(), Key: vehicleKeys.list(facilityId), ConsistentRead: true }))).Item;
  return item ? withoutKeys<VehicleList>(item) : { facilityId, vehicles: [], version: 0 };
}

/** The pickups of a departure date that have vehicles, by time. */
export async function pickupsOn(facilityId: string, date: string): Promise<PickupAssignment[]> {
  return (await queryPrefix(facilityKeys.pk(facilityId), vehicleKeys.pickupPrefix(date))).map((i) => withoutKeys<PickupAssignment>(i));
}
