// What the public verification page may show of a holder: initials and a masked
// document number, enough for a checkpoint to match the paper to the person.

export function initials(nameLatin: string): string {
  return nameLatin
    .split(/[\s,.-]+/)
    .filter(Boolean)
    .map((p) => `${p[0]?.toUpperCase()}.`)
    .join(' ');
}

export function maskDocumentNumber(n: string): string {
  if (n.length <= 4) return '*'.repeat(n.length);
  return `${n.slice(0, 1)}${'*'.repeat(n.length - 4)}${n.slice(-3)}`;
}
