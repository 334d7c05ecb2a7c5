import { httpHandler, json } from '../shared/http.js';
import { issueLink } from '../use-cases/personal-link.js';

// POST /stays/{stayId}/personal-link: a new personal link (the earlier one stops working); the secret is in this answer only.
export const handler = httpHandler('staff', async (req) => json(201, await issueLink(req.principal, req.param('stayId')), { 'cache-control': 'no-store' }));
