import { DryRunQuery, ImportInput, RefusedFileInput } from '../schemas/manifest.js';
import { binary, httpHandler, json } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { importManifest, manifestTemplate, refusedRowsFile } from '../use-cases/import-manifest.js';

// Manifest files: import an xlsx/CSV file
// (dry run or real), the refused rows as a file to fix, and the .xlsx template.

export const handler = httpHandler('staff', async (req) => {
  const facilityId = req.param('facilityId');
  switch (req.event.routeKey) {
    case 'GET /facilities/{facilityId}/stays/import/template':
      return binary(200, await manifestTemplate(req.principal, facilityId), {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': 'attachment; filename="manifest-template.xlsx"',
      });
    case 'POST /facilities/{facilityId}/stays/import/refused':
      return json(200, await refusedRowsFile(req.principal, facilityId, parseInput(RefusedFileInput, req.body)));
    default: {
      const query = parseInput(DryRunQuery, req.event.queryStringParameters ?? {}, ['query']);
      return json(200, await importManifest(req.principal, facilityId, parseInput(ImportInput, req.body), query.dryRun === 'true'));
    }
  }
});
