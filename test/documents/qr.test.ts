import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrMatrix } from '../../functions/documents/qr.js';

describe('qrMatrix', () => {
  it('covers exactly the dark modules of the level-M QR code, as horizontal runs', () => {
    const url = 'https://verify.quarantine-desk.example/d/D9NB4C6V0P';
    const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
    const { size, runs } = qrMatrix(url);
    const drawn = new Set(runs.flatMap((r) => Array.from({ length: r.length }, (_, i) => `${r.row},${r.col + i}`)));
    expect(size).toBe(modules.size);
    for (let row = 0; row < size; row++) {
      for (let col = 0; col < size; col++) expect(drawn.has(`${row},${col}`)).toBe(modules.get(row, col) === 1);
    }
  });
});
