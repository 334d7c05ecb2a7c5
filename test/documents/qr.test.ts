import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrMatrix, qrSvgPath } from '../../functions/documents/qr.js';

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

describe('qrSvgPath', () => {
  it('draws the same modules as one SVG path, shifted by a 4-module quiet zone', () => {
    const url = 'http://localhost:3000/documents/D9NB4C6V0P.pdf?key=CTKBATFNFAS8W563RJ2GMJEG';
    const { size, runs } = qrMatrix(url);
    const svg = qrSvgPath(url);
    expect(svg.size).toBe(size + 8);
    const drawn = [...svg.path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)].map((m) => ({ row: Number(m[2]) - 4, col: Number(m[1]) - 4, length: Number(m[3]) }));
    expect(drawn).toEqual(runs);
    expect(svg.path.replace(/M\d+ \d+h(\d+)v1h-\1z/g, '')).toBe('');
  });
});
