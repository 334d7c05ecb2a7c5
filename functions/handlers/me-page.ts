import { httpHandler, json } from '../shared/public-http.js';
import { openWithSecret } from '../use-cases/personal-link.js';
import { personPage } from '../use-cases/self-service.js';
import { personalSecret, clientAddress } from './personal-request.js';

// GET /me/stay (header X-Personal-Key): the person's own page data. Unknown or revoked key: 404.
export const handler = httpHandler('public', async (req) => {
  const access = await openWithSecret(personalSecret(req), clientAddress(req));
  return json(200, await personPage(access), { 'cache-control': 'no-store' });
});
