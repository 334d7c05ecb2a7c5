import { createHash } from 'node:crypto';
import { auditPut } from '../entities/audit.js';
import { getFacilityCached, type Facility } from '../entities/facility.js';
import { getLinkOfStay, hashSecret, linkItems, linkKeys, lookupSecret, newSecret, revokeLinkItems, SECRET_PATTERN, type PersonalLink } from '../entities/personal-link.js';
import { takeToken } from '../entities/rate-limit.js';
import { getStay, type Stay } from '../entities/stay.js';
import { qrSvgPath } from '../documents/qr.js';
import { config } from '../shared/config.js';
import { tableName } from '../shared/db.js';
import { ConflictError, NotFoundError, TooManyRequestsError } from '../shared/errors.js';
import { logger, errorFields } from '../shared/logger.js';
import type { Principal } from '../shared/principal.js';
import { transactWithRetry, type TxItems } from '../shared/transact.js';
import { isOpen } from './care-context.js';
import { loadStayFor } from './load-stay.js';
import { startWatch } from './report-watch.js';

// Personal links (entities/personal-link.ts): staff issue one at check-in (the QR
// code is shown once: only the hash is kept), revoke it, or reissue it (the old
// secret stops working at once). The public routes open the stay with the secret;
// an unknown, malformed or revoked secret is the same 404, and every request counts
// against two limits first: per client address and per secret.

export interface IssuedLink {
  stayId: string;
  /** The page with the secret in its fragment (never sent to the server, never logged). */
  url: string;
  qr: { size: number; path: string };
  generation: number;
  issuedAt: string;
  /** The link it replaces was revoked. */
  replaced: boolean;
}

export const pageUrl = (secret: string) => `${config().PUBLIC_BASE_URL.replace(/\/$/, '')}/me#k=${secret}`;

/** Issues the stay's personal link; an earlier one is revoked in the same transaction. */
export async function issueLink(principal: Principal, stayId: string, now = new Date()): Promise<IssuedLink> {
  const stay = await loadStayFor(principal, stayId, true);
  const previous = await getLinkOfStay(stayId);
  const secret = newSecret();
  const at = now.toISOString();
  const link: PersonalLink = {
    stayId,
    facilityId: stay.facilityId,
    hash: hashSecret(secret),
    state: 'active',
    issuedAt: at,
    issuedBy: principal.subject,
    generation: (previous?.generation ?? 0) + 1,
  };
  const [lookup, ofStay] = linkItems(link);
  const items: TxItems = [
    { Put: { TableName: tableName(), Item: lookup, ConditionExpression: 'attribute_not_exists(PK)' } },
    {
      Put: {
        TableName: tableName(),
        Item: ofStay,
        // Exactly the link read above (two staff reissuing at once: one wins, the other retries).
        ...(previous ? { ConditionExpression: 'generation = :g', ExpressionAttributeValues: { ':g': previous.generation } } : { ConditionExpression: 'attribute_not_exists(PK)' }),
      },
    },
    auditPut({ stayId, at, actor: principal.subject, action: previous ? 'personal_link_reissued' : 'personal_link_issued', changes: { generation: link.generation } }),
  ];
  if (previous?.state === 'active') {
    items.push({ Update: { TableName: tableName(), Key: linkKeys.lookup(previous.hash), UpdateExpression: 'SET #state = :revoked', ExpressionAttributeNames: { '#state': 'state' }, ExpressionAttributeValues: { ':revoked': 'revoked' } } });
  }
  await transactWithRetry(items, (reasons) =>
    reasons.some((r) => r.Code === 'ConditionalCheckFailed') ? new ConflictError('The link was changed at the same time. Try again.', [{ code: 'stay_changed', message: 'Another link was issued meanwhile.' }]) : undefined,
  );
  if (isOpen(stay)) {
    const facility = await getFacilityCached(stay.facilityId);
    // The watch over missed reports starts with the link (the person can report from now on).
    if (facility) await startWatch(stay as Stay & { teamId?: string }, facility, now).catch((err) => logger.warn('report watch not started', { stayId, ...errorFields(err) }));
  }
  const url = pageUrl(secret);
  return { stayId, url, qr: qrSvgPath(url), generation: link.generation, issuedAt: at, replaced: previous?.state === 'active' };
}

export async function revokeLink(principal: Principal, stayId: string, now = new Date()): Promise<{ stayId: string; generation: number; revokedAt: string }> {
  await loadStayFor(principal, stayId);
  const link = await getLinkOfStay(stayId);
  if (!link || link.state !== 'active') {
    throw new ConflictError('This stay has no active personal link.', [{ code: 'no_personal_link', message: 'Issue a new link to give the person their page again.' }]);
  }
  const at = now.toISOString();
  await transactWithRetry(
    [
      ...revokeLinkItems(link, at, principal.subject),
      auditPut({ stayId, at, actor: principal.subject, action: 'personal_link_revoked', changes: { generation: link.generation } }),
    ],
    (reasons) => (reasons.some((r) => r.Code === 'ConditionalCheckFailed') ? new ConflictError('The link was changed at the same time.', [{ code: 'stay_changed', message: 'Reload and try again.' }]) : undefined),
  );
  return { stayId, generation: link.generation, revokedAt: at };
}

/** The link's state for staff (never the secret: it is not stored). */
export async function linkStatus(principal: Principal, stayId: string) {
  await loadStayFor(principal, stayId);
  const link = await getLinkOfStay(stayId);
  if (!link) return { stayId, state: 'none' as const };
  return { stayId, state: link.state, generation: link.generation, issuedAt: link.issuedAt, ...(link.revokedAt ? { revokedAt: link.revokedAt } : {}) };
}

const NOT_FOUND = () => new NotFoundError('Not found.');
const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);

export interface PersonalAccess {
  stay: Stay;
  facility: Facility;
  linkHash: string;
}

/**
 * The stay a request's secret opens, after both rate limits. Unknown, malformed or
 * revoked secrets, and stays whose personal data is gone, are all the same 404.
 */
export async function openWithSecret(secret: string | undefined, clientAddress: string, now = new Date()): Promise<PersonalAccess> {
  const c = config();
  const client = await takeToken({ scope: 'client', limit: c.PERSONAL_CLIENT_RATE, windowSeconds: 60 }, sha(`client:${clientAddress}`), now);
  if (!client.ok) throw new TooManyRequestsError(undefined, client.retryAfterSeconds);
  if (!secret || !SECRET_PATTERN.test(secret)) throw NOT_FOUND();
  const perLink = await takeToken({ scope: 'link', limit: c.PERSONAL_LINK_RATE, windowSeconds: 60 }, hashSecret(secret).slice(0, 32), now);
  if (!perLink.ok) throw new TooManyRequestsError(undefined, perLink.retryAfterSeconds);
  const found = await lookupSecret(secret);
  if (!found) throw NOT_FOUND();
  const [stay, facility] = await Promise.all([getStay(found.stayId, true), getFacilityCached(found.facilityId)]);
  if (!stay || !facility) throw NOT_FOUND();
  return { stay, facility, linkHash: found.hash };
}
