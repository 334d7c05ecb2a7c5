import { httpHandler } from '../shared/public-http.js';
import { serveAsset } from '../web/static-assets.js';

// GET /, GET /api-docs, GET /me (the person's own page) and GET /assets/{file}: the staff web form and the API
// reference (web/), public like any web page; everything the form shows comes from
// the staff API with the token the user pastes.
const PAGES: Readonly<Record<string, string>> = { 'GET /': 'index.html', 'GET /api-docs': 'api-docs.html', 'GET /me': 'me.html' };

export const handler = httpHandler('public', async (req) =>
  serveAsset({
    file: req.param('file'),
    page: PAGES[req.event.routeKey],
    version: req.query('v'),
    ifNoneMatch: req.header('if-none-match'),
    acceptEncoding: req.header('accept-encoding'),
  }),
);
