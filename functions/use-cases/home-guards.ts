import { isHomeProgramme, type Facility } from '../entities/facility.js';
import type { Stay } from '../entities/stay.js';
import { ConflictError, ValidationError } from '../shared/errors.js';

// Guards of home-isolation routes: a programme (not a hotel), a home stay (not a hotel stay).

export function assertHomeProgramme(facility: Facility): void {
  if (!isHomeProgramme(facility)) {
    throw new ValidationError([{ path: 'facilityId', message: `${facility.name} is a hotel, not a home-isolation programme`, code: 'not_home_programme' }]);
  }
}

export function assertHomeStay(stay: Stay): asserts stay is Stay & { home: NonNullable<Stay['home']>; teamId: string } {
  if (!stay.home || !stay.teamId) {
    throw new ConflictError('This stay is in a hotel, not in home isolation.', [{ code: 'not_a_home_stay', message: 'Only a home-isolation stay has a team.' }]);
  }
}

