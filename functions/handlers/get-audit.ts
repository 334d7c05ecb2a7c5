import { listAudit } from '../entities/audit.js';
import { httpHandler, json } from '../shared/http.js';
import { loadStayRecordFor } from '../use-cases/load-stay.js';

// Admins read who changed a stay, when and what.
export const handler = httpHandler('admin', async (req) => {
  const stay = await loadStayRecordFor(req.principal, req.param('stayId'));
  return json(200, { stayId: stay.stayId, entries: await listAudit(stay.stayId) });
});
