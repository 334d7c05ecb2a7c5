import { describe, expect, it } from 'vitest';
import { canonicalFacilityId } from '../../functions/domain/facility-id.js';
import { ValidationError, NotFoundError } from '../../functions/shared/errors.js';
import { decodeCursor, encodeCursor } from '../../functions/shared/pagination.js';
import { checkedPathParameters } from '../../functions/shared/path-params.js';

// The pure checks in front of every listing and every path: page cursors bound to
// their query, path parameters bounded, facility ids canonical.

const scope = { index: 'GSI1' as const, partition: 'FACILITY#fa#STAYS', sortFrom: '2026-10-01', sortTo: '2026-12-01#~' };
const key = { PK: 'STAY#S1', SK: 'STAY', GSI1PK: 'FACILITY#fa#STAYS', GSI1SK: '2026-11-20#S1' };

describe('decodeCursor', () => {
  it('accepts the key it encoded for the same query, and no cursor at all', () => {
    expect(decodeCursor(encodeCursor(key), scope)).toEqual(key);
    expect(decodeCursor(undefined, scope)).toBeUndefined();
    expect(decodeCursor('', scope)).toBeUndefined();
    expect(decodeCursor(encodeCursor({ PK: 'A', SK: 'B' }), { partition: 'A' })).toEqual({ PK: 'A', SK: 'B' });
  });

  it.each([
    ['another partition', { ...key, GSI1PK: 'FACILITY#fb#STAYS' }],
    ['another route', { ...key, GSI1PK: 'FACILITY#fa#REMINDERS' }],
    ['a sort key before the range', { ...key, GSI1SK: '2026-09-30#S1' }],
    ['a sort key after the range', { ...key, GSI1SK: '2026-12-02#S1' }],
    ['a missing key', { PK: key.PK, SK: key.SK, GSI1PK: key.GSI1PK }],
    ['an extra key', { ...key, x: 'y' }],
    ['wrong key names', { pk: key.PK, sk: key.SK, gsi1pk: key.GSI1PK, gsi1sk: key.GSI1SK }],
    ['a table key for an index query', { PK: key.PK, SK: key.SK }],
    ['a number value', { ...key, SK: 1 }],
    ['a nested value', { ...key, SK: { S: 'STAY' } }],
    ['an over-long value', { ...key, PK: 'S'.repeat(600) }],
    ['an array', [key]],
    ['null', null],
  ])('refuses %s with a 400 on query.cursor', (_, value) => {
    const cursor = Buffer.from(JSON.stringify(value)).toString('base64url');
    expect(() => decodeCursor(cursor, scope)).toThrow(ValidationError);
    try {
      decodeCursor(cursor, scope);
    } catch (err) {
      expect((err as ValidationError).issues).toEqual([expect.objectContaining({ path: 'query.cursor', code: 'invalid_cursor' })]);
    }
  });

  it.each(['garbage!', 'eyJ', '%%%', 'a'.repeat(5000), '{"PK":"x"}'])('refuses garbage %#', (cursor) => {
    expect(() => decodeCursor(cursor, scope)).toThrow(ValidationError);
  });
});

describe('checkedPathParameters', () => {
  it('passes ids, slugs, barcodes and file names, with the facility id canonical', () => {
    expect(checkedPathParameters({ facilityId: 'ZZ-Hotel_1', stayId: 'S0ABC', file: 'D123.pdf', sampleId: 'HN2212.04-17', labId: 'lab-7K2MQ9' })).toEqual({
      facilityId: 'zz-hotel_1',
      stayId: 'S0ABC',
      file: 'D123.pdf',
      sampleId: 'HN2212.04-17',
      labId: 'lab-7K2MQ9',
    });
    expect(checkedPathParameters({ documentId: 'D0123456789ABCDE$' }).documentId).toBe('D0123456789ABCDE$');
    expect(checkedPathParameters({ documentId: 'a/b', file: 'ok.pdf' }, true)).toEqual({ documentId: '', file: 'ok.pdf' });
    expect(checkedPathParameters(undefined)).toEqual({});
    expect(checkedPathParameters({ stayId: 'A'.repeat(128) }).stayId).toHaveLength(128);
  });

  it.each(['A'.repeat(129), '', 'a b', 'a/b', '..\\x', '张伟', 'a\u0000', 'a%2F', "x'y", 'a#b'])('refuses %j with a 404', (value) => {
    expect(() => checkedPathParameters({ stayId: value })).toThrow(NotFoundError);
  });

  it('facility ids compare case-insensitively', () => {
    expect(canonicalFacilityId('FA')).toBe(canonicalFacilityId('fa'));
  });
});
