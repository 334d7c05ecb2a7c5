import { ValidationError } from './errors.js';
import type { IndexName } from './table-design.js';

// Opaque page cursors: the DynamoDB LastEvaluatedKey, base64url-encoded. A cursor is
// trusted only as far as it is bound to the query it continues: exactly the key
// names of that table or index, the same partition, a sort key inside the queried
// range. So a cursor from another facility's listing, another route or a hand-made
// object is a 400 before anything is read, never a start key into other data (nor a
// DynamoDB validation error surfacing as a 500).

/** What a cursor must belong to: the partition (and sort-key range) of the Query it continues. */
export interface CursorScope {
  /** The GSI queried; undefined for the table itself. */
  index?: IndexName;
  partition: string;
  /** Inclusive bounds of the sort key when the Query has a BETWEEN condition. */
  sortFrom?: string;
  sortTo?: string;
}

/** Our keys are short: anything longer was not made by us. */
const MAX_KEY_VALUE = 512;

export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
}

export function decodeCursor(cursor: string | undefined, scope: CursorScope): Record<string, string> | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  const key = parse(cursor);
  if (key && belongsTo(key, scope)) return key;
  throw new ValidationError([{ path: 'query.cursor', message: 'Not a cursor returned by this listing. Start again without it.', code: 'invalid_cursor' }]);
}

function parse(cursor: string): Record<string, string> | undefined {
  if (cursor.length > 4096 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const entries = Object.entries(value);
    return entries.every(([, v]) => typeof v === 'string' && v.length > 0 && v.length <= MAX_KEY_VALUE) ? (value as Record<string, string>) : undefined;
  } catch {
    return undefined;
  }
}

function belongsTo(key: Record<string, string>, scope: CursorScope): boolean {
  const pkName = `${scope.index ?? ''}PK`;
  const skName = `${scope.index ?? ''}SK`;
  const expected = new Set(['PK', 'SK', pkName, skName]);
  const names = Object.keys(key);
  if (names.length !== expected.size || !names.every((n) => expected.has(n))) return false;
  if (key[pkName] !== scope.partition) return false;
  const sk = key[skName]!;
  if (scope.sortFrom !== undefined && sk < scope.sortFrom) return false;
  if (scope.sortTo !== undefined && sk > scope.sortTo) return false;
  return true;
}
