import { httpHandler } from '../shared/public-http.js';
import { serveAsset } from '../web/static-assets.js';

// GET / and GET /assets/{file}: the staff web form (web/), public like any web page;
// everything it shows comes from the staff API with the token the user pastes.
export const handler = httpHandler('public', async (req) =>
  serveAsset({
    file: req.param('file'),
    version: req.query('v'),
    ifNoneMatch: req.header('if-none-match'),
    acceptEncoding: req.header('accept-encoding'),
  }),
);
