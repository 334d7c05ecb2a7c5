import { createHash, randomBytes } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../shared/db.js';
import { stayKeys } from './stay.js';

// The personal link of a stay: the person's key to their own page (no account, no
// password). The secret is 32 random bytes shown once (as a QR code at check-in);
// only its SHA-256 is stored:
//   LINK#<hash> / LINK   -> which stay the secret opens (the lookup, one GetItem)
//   STAY#<id>  / LINK    -> the stay's current link (hash, who issued it, when)
// Revoking marks both revoked; reissuing revokes the old secret and stores a new
// one in one transaction, so at most one secret of a stay opens its page.

export interface PersonalLink {
  stayId: string;
  facilityId: string;
  hash: string;
  state: 'active' | 'revoked';
  issuedAt: string;
  issuedBy: string;
  /** 1 for the first link, +1 per reissue. */
  generation: number;
  revokedAt?: string;
  revokedBy?: string;
}

export const linkKeys = {
  lookup: (hash: string) => ({ PK: `LINK#${hash}`, SK: 'LINK' }),
  ofStay: (stayId: string) => ({ PK: stayKeys.pk(stayId), SK: 'LINK' }),
};

/** base64url of 32 random bytes (256 bits): unguessable, URL- and QR-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Only well-formed secrets are looked up; anything else is simply unknown. */
export const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function hashSecret(secret: string): string {
  return createHash('sha256').update(`personal-link:${secret}`).digest('hex');
}

export function linkItems(l: PersonalLink) {
  return [
    { ...linkKeys.lookup(l.hash), type: 'PersonalLinkLookup', stayId: l.stayId, facilityId: l.facilityId, state: l.state, generation: l.generation },
    { ...linkKeys.ofStay(l.stayId), type: 'PersonalLink', ...l },
  ];
}

export async function getLinkOfStay(stayId: string): Promise<PersonalLink | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: linkKeys.ofStay(stayId), ConsistentRead: true }));
  if (!out.Item) return undefined;
  const { PK: _pk, SK: _sk, type: _t, ...rest } = out.Item;
  return rest as PersonalLink;
}

/** The stay an active secret opens (undefined for unknown, malformed or revoked secrets alike). */
export async function lookupSecret(secret: string): Promise<{ stayId: string; facilityId: string; hash: string } | undefined> {
  if (!SECRET_PATTERN.test(secret)) return undefined;
  const hash = hashSecret(secret);
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: linkKeys.lookup(hash) }));
  const item = out.Item;
  if (!item || item.state !== 'active') return undefined;
  return { stayId: String(item.stayId), facilityId: String(item.facilityId), hash };
}

/** The transaction items that revoke `link` (both its items; conditional on the generation read). */
export function revokeLinkItems(link: PersonalLink, at: string, by: string) {
  return [
    { Update: { TableName: tableName(), Key: linkKeys.lookup(link.hash), UpdateExpression: 'SET #state = :revoked', ExpressionAttributeNames: { '#state': 'state' }, ExpressionAttributeValues: { ':revoked': 'revoked' } } },
    {
      Update: {
        TableName: tableName(),
        Key: linkKeys.ofStay(link.stayId),
        UpdateExpression: 'SET #state = :revoked, revokedAt = :at, revokedBy = :by',
        ConditionExpression: 'generation = :g AND #state = :active',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':revoked': 'revoked', ':at': at, ':by': by, ':g': link.generation, ':active': 'active' },
      },
    },
  ];
}
