import { ChangeScheduleInput } from '../schemas/stay-schedule.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { changeSchedule } from '../use-cases/change-schedule.js';

export const handler = httpHandler('staff', async (req) => {
  const input = parseInput(ChangeScheduleInput, req.body);
  return json(200, await changeSchedule(req.principal, req.param('stayId'), input));
});
