import { ReminderQuery } from '../schemas/care.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { listReminders } from '../use-cases/reminders.js';

export const handler = httpHandler('staff', async (req) => {
  const query = parseInput(ReminderQuery, req.event.queryStringParameters ?? {}, ['query']);
  return json(200, await listReminders(req.principal, req.param('facilityId'), query));
});
