import { TransportQuery } from '../schemas/care.js';
import { httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { transportCsv, transportPlan } from '../use-cases/transport-plan.js';

// GET /facilities/{facilityId}/transport?date=&windowMinutes=120[&format=csv]
export const handler = httpHandler('staff', async (req) => {
  const query = parseInput(TransportQuery, req.event.queryStringParameters ?? {}, ['query']);
  const plan = await transportPlan(req.principal, req.param('facilityId'), query);
  if (query.format === 'json') return json(200, plan);
  const file = `transport-${plan.facilityId.replace(/[^A-Za-z0-9_-]/g, '_')}-${plan.date}.csv`;
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${file}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
    body: transportCsv(plan),
  };
});
