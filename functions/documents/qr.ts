// QR code as horizontal runs of dark modules, drawn as vector rectangles (sharp at
// any zoom, no PNG codec, a few hundred bytes in the PDF).
// The encoder only (qrcode/lib/core): the package's entry also loads its PNG, SVG and
// terminal renderers and the pngjs codec, ~45 KB of every bundle that prints a slip.
import { create } from 'qrcode/lib/core/qrcode.js';

export interface QrRun {
  row: number;
  col: number;
  length: number;
}

export interface QrMatrix {
  /** Modules per side, without quiet zone. */
  size: number;
  runs: QrRun[];
}

export function qrMatrix(text: string): QrMatrix {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const runs: QrRun[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; ) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      runs.push({ row, col: start, length: col - start });
    }
  }
  return { size: modules.size, runs };
}

/**
 * The same QR code as one SVG path (`d`), in module units with a 4-module quiet
 * zone: the web form draws it as an inline <svg> on the release slip, so the
 * download link can be scanned without a QR library in the browser.
 */
export function qrSvgPath(text: string): { size: number; path: string } {
  const { size, runs } = qrMatrix(text);
  const path = runs.map((r) => `M${r.col + 4} ${r.row + 4}h${r.length}v1h-${r.length}z`).join('');
  return { size: size + 8, path };
}
