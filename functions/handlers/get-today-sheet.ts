import { TodaySheetQuery } from '../schemas/care.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { todaySheet } from '../use-cases/today-sheet.js';

export const handler = httpHandler('staff', async (req) => {
  const query = parseInput(TodaySheetQuery, req.event.queryStringParameters ?? {}, ['query']);
  return json(200, await todaySheet(req.principal, req.param('facilityId'), query));
});
