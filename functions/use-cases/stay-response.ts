import type { Stay } from '../entities/stay.js';

/** What check-in answers: the ids staff need at the desk and the computed schedule. */
export function toStayResponse(stay: Stay) {
  return { stayId: stay.stayId, facilityId: stay.facilityId, ...(stay.roomNumber !== undefined ? { roomNumber: stay.roomNumber } : {}), status: stay.status, schedule: stay.schedule, stay };
}
