import { randomInt } from 'node:crypto';

// One-time passwords handed to a new or reset account, changed at first sign-in.
// 16 characters, at least one of each class Cognito's policy asks for, without
// look-alikes (0/O, 1/l/I) since they are read out or copied by hand.

const CLASSES = ['abcdefghijkmnopqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '#%+=?@'];

export function oneTimePassword(length = 16): string {
  const all = CLASSES.join('');
  const chars = CLASSES.map((c) => c[randomInt(c.length)] as string);
  while (chars.length < length) chars.push(all[randomInt(all.length)] as string);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}
