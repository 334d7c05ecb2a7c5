import { HandleReminderInput } from '../schemas/care.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { markReminderHandled } from '../use-cases/reminders.js';

export const handler = httpHandler('staff', async (req) => {
  const input = parseInput(HandleReminderInput, req.body ?? {});
  return json(200, await markReminderHandled(req.principal, req.param('facilityId'), req.param('reminderId'), input));
});
