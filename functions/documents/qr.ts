// QR code as horizontal runs of dark modules, drawn as vector rectangles (sharp at
// any zoom, no PNG codec, a few hundred bytes in the PDF).
import QRCode from 'qrcode';

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
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
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
