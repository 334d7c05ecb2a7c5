/** Documents are matched on a normalised number: upper case, no spaces or dashes. */
export function normaliseDocumentNumber(n: string): string {
  return n.toUpperCase().replace(/[\s-]/g, '');
}
