// Files the server makes (CSV, Excel exports): fetched with the session's token and
// saved under the server's file name; a refusal is shown like any other.
import { api } from './api.js';
import { saveFile } from './dom.js';
import { lang, register, t } from './i18n.js';
import { banner, clearBanner, showProblem } from './notice.js';

register({ en: { 'export.xlsx': 'Download Excel' }, zh: { 'export.xlsx': '导出 Excel' } });

export async function download(path, fallbackName) {
  clearBanner();
  const r = await api('GET', path, undefined, { raw: true });
  if (r.network) return banner([t('err.network')]);
  if (!r.ok) return showProblem({ ...r, data: await r.res.json().catch(() => null) });
  const blob = await r.res.blob();
  const name = /filename="([^"]+)"/.exec(r.res.headers.get('content-disposition') || '');
  saveFile(name ? name[1] : fallbackName, blob);
}

/** GET /facilities/{id}/exports/{kind} in the page's language (headers and state names as on screen). */
export const downloadExport = (facilityId, kind, query = '') =>
  download(`/facilities/${facilityId}/exports/${kind}?lang=${lang()}${query ? `&${query}` : ''}`, `${kind}.xlsx`);
