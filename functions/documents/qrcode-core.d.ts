// qrcode's encoder alone (lib/core/qrcode.js): the package entry also loads its PNG,
// SVG and terminal renderers and pngjs, none of which the vector QR code needs.
declare module 'qrcode/lib/core/qrcode.js' {
  export function create(text: string, options: { errorCorrectionLevel: 'L' | 'M' | 'Q' | 'H' }): { modules: { size: number; get(row: number, col: number): number | boolean } };
}
