import { PersonRequestInput } from '../schemas/self-service.js';
import { httpHandler, json } from '../shared/public-http.js';
import { parseInput } from '../shared/validation.js';
import { openWithSecret } from '../use-cases/personal-link.js';
import { sendRequest } from '../use-cases/self-service.js';
import { clientAddress, personalSecret } from './personal-request.js';

// POST /me/requests: a request to staff (meal, parcel, return travel, other).
export const handler = httpHandler('public', async (req) => {
  const access = await openWithSecret(personalSecret(req), clientAddress(req));
  const input = parseInput(PersonRequestInput, req.body);
  const { handledBy: _h, reply: _r, ...request } = await sendRequest(access, input);
  return json(201, request, { 'cache-control': 'no-store' });
});
