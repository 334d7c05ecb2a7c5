import { ConflictError } from '../shared/errors.js';

// The refusals the corrections of a stay share (edit-person, move-room, cancel-stay).

export const stayChanged = () => new ConflictError('The stay changed meanwhile. Reload and try again.', [{ code: 'stay_changed', message: 'Another change was made at the same time.' }]);

export const stayClosed = (status: string) => new ConflictError('The stay is already closed.', [{ code: 'stay_closed', message: `The stay is ${status}.` }]);
