import { canonicalFacilityId } from '../domain/facility-id.js';
import { ForbiddenError, UnauthorizedError } from './errors.js';

// Who is calling. In the cloud the HttpApi JWT authorizer has already verified
// the token (Cognito ID token); locally the dev server verifies it with a local
// key pair. Either way the handler only reads the verified claims.

export type Role = 'staff' | 'admin';

export interface Principal {
  subject: string;
  role: Role;
  /** Facilities this person works for; admins may act on every facility. */
  facilities: string[];
}

type Claims = Record<string, string | number | boolean | string[] | undefined>;

export function principalFromClaims(claims: Claims | undefined): Principal {
  if (!claims || typeof claims.sub !== 'string') throw new UnauthorizedError('A signed-in staff token is required.');
  const groups = toList(claims['cognito:groups']);
  const role: Role = claims['custom:role'] === 'admin' || groups.includes('admin') ? 'admin' : 'staff';
  // Canonical (lower case) like the facility ids they name: a claim "FA" is facility fa.
  return { subject: claims.sub, role, facilities: toList(claims['custom:facilities']).map(canonicalFacilityId) };
}

function toList(value: Claims[string]): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string' || value === '') return [];
  // API Gateway renders array claims as "[a b]"; Cognito custom attributes are comma lists.
  return value.replace(/^\[|\]$/g, '').split(/[,\s]+/).filter(Boolean);
}

export function canAccessFacility(p: Principal, facilityId: string): boolean {
  return p.role === 'admin' || p.facilities.some((f) => canonicalFacilityId(f) === canonicalFacilityId(facilityId));
}

export function assertFacilityAccess(p: Principal, facilityId: string): void {
  if (!canAccessFacility(p, facilityId)) throw new ForbiddenError('You do not work for this facility.');
}

export function assertAdmin(p: Principal): void {
  if (p.role !== 'admin') throw new ForbiddenError('Only an administrator may do this.');
}
