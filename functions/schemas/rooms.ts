import * as z from 'zod/mini';
import { cleanText, roomNumber } from './common.js';

// Rooms with beds, floor and zone (care area), and their readiness after a stay leaves.

const capacity = z.int().check(z.gte(1), z.lte(12));
const floor = z.string().check(z.regex(/^[A-Za-z0-9-]{1,8}$/, 'Use 1-8 letters, digits or -'));
const zone = cleanText(40);

const RoomSpec = z.strictObject({ number: roomNumber, capacity: z.optional(capacity), floor: z.optional(floor), zone: z.optional(zone) });

export const AddRoomsInput = z
  .strictObject({
    /** Room numbers, or rooms with their beds, floor and zone. */
    rooms: z.optional(z.array(z.union([roomNumber, RoomSpec])).check(z.minLength(1), z.maxLength(1000))),
    /** A floor at once: prefix + numbers from..to, all with the same beds, floor and zone. */
    range: z.optional(
      z
        .strictObject({
          prefix: z._default(z.string().check(z.regex(/^[A-Za-z0-9-]{0,4}$/)), ''),
          from: z.int().check(z.gte(0), z.lte(99999)),
          to: z.int().check(z.gte(0), z.lte(99999)),
          capacity: z.optional(capacity),
          floor: z.optional(floor),
          zone: z.optional(zone),
        })
        .check(z.refine((r) => r.to >= r.from && r.to - r.from < 1000, 'range must hold 1 to 1000 rooms (to >= from)')),
    ),
    /** Beds of the listed rooms that give none (default 1). */
    capacity: z.optional(capacity),
  })
  .check(z.refine((v) => v.rooms !== undefined || v.range !== undefined, 'Give rooms (a list) or range (from..to)'));
export type AddRoomsInput = z.infer<typeof AddRoomsInput>;

export const READINESS_ACTIONS = ['inspect', 'free'] as const;

/** A readiness step for several rooms: listed, or every room of a floor in the state the step applies to. */
export const RoomReadinessInput = z
  .strictObject({
    action: z.enum(READINESS_ACTIONS),
    rooms: z.optional(z.array(roomNumber).check(z.minLength(1), z.maxLength(500))),
    floor: z.optional(floor),
  })
  .check(z.refine((v) => (v.rooms === undefined) !== (v.floor === undefined), 'Give either rooms or floor'));
export type RoomReadinessInput = z.infer<typeof RoomReadinessInput>;

export const RoomPolicyInput = z.strictObject({ inspectionRequired: z.boolean() });
