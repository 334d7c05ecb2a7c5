import { SelfReportInput } from '../schemas/self-service.js';
import { httpHandler, json } from '../shared/public-http.js';
import { parseInput } from '../shared/validation.js';
import { openWithSecret } from '../use-cases/personal-link.js';
import { selfReport } from '../use-cases/self-service.js';
import { clientAddress, personalSecret } from './personal-request.js';

// POST /me/reports: the morning or evening self-report (late after the slot's deadline).
export const handler = httpHandler('public', async (req) => {
  const access = await openWithSecret(personalSecret(req), clientAddress(req));
  const input = parseInput(SelfReportInput, req.body);
  return json(201, await selfReport(access, input), { 'cache-control': 'no-store' });
});
