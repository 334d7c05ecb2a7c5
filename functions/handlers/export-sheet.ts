import { BoardExportQuery, TodayExportQuery, TransportExportQuery } from '../schemas/care.js';
import { binary, httpHandler } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { boardExport, departuresExport, todayExport, type ExportFile } from '../use-cases/export-sheets.js';

// GET /facilities/{facilityId}/exports/{board|today|departures}?lang=zh|en: the screen's data as .xlsx.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const handler = httpHandler('staff', async (req) => {
  const facilityId = req.param('facilityId');
  const query = req.event.queryStringParameters ?? {};
  let file: ExportFile;
  switch (req.event.routeKey) {
    case 'GET /facilities/{facilityId}/exports/today':
      file = await todayExport(req.principal, facilityId, parseInput(TodayExportQuery, query, ['query']));
      break;
    case 'GET /facilities/{facilityId}/exports/departures':
      file = await departuresExport(req.principal, facilityId, parseInput(TransportExportQuery, query, ['query']));
      break;
    default:
      file = await boardExport(req.principal, facilityId, parseInput(BoardExportQuery, query, ['query']));
  }
  return binary(200, file.bytes, {
    'content-type': XLSX,
    'content-disposition': `attachment; filename="${file.fileName}"`,
    'cache-control': 'no-store',
  });
});
