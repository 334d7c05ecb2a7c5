import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../shared/db.js';
import type { TxItems } from '../shared/transact.js';
import { facilityKeys } from './facility.js';

// Household pointer: PK FACILITY#<facilityId>, SK HOUSEHOLD#<key>, naming the room the
// household's next member goes to. Check-in writes it in its transaction on the
// condition that it still names the room the check-in saw, so two members of one
// household checking in at the same moment cannot open two rooms.

export interface Household {
  householdId: string;
  roomNumber: string;
  updatedAt: string;
}

export const householdKeys = {
  key: (facilityId: string, householdId: string) => ({ PK: facilityKeys.pk(facilityId), SK: `HOUSEHOLD#${householdId}` }),
};

/** `mayName`: the rooms the pointer may name now (null: set it whatever it names, a staff choice). */
export function householdItem(facilityId: string, householdId: string, roomNumber: string, at: string, mayName: (string | undefined)[] | null): TxItems[number] {
  const allowed = [...new Set([roomNumber, ...(mayName ?? []).filter((r): r is string => !!r)])];
  const values = Object.fromEntries(allowed.map((r, i) => [`:r${i}`, r]));
  return {
    Put: {
      TableName: tableName(),
      Item: { ...householdKeys.key(facilityId, householdId), type: 'Household', facilityId, householdId, roomNumber, updatedAt: at },
      ...(mayName === null
        ? {}
        : { ConditionExpression: `attribute_not_exists(PK) OR roomNumber IN (${Object.keys(values).join(', ')})`, ExpressionAttributeValues: values }),
    },
  };
}

export async function getHousehold(facilityId: string, householdId: string): Promise<Household | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: householdKeys.key(facilityId, householdId), ConsistentRead: true }));
  return out.Item ? (out.Item as unknown as Household) : undefined;
}

