import type { AuthChecker } from 'type-graphql';
import type { Context } from '../context';
import { forbidden, unauthenticated } from '../errors';
import type { Role, Viewer } from './viewer';

/**
 * type-graphql's `@Authorized(...roles)` check. Every root field carries `@Authorized`
 * (a test enforces it); an empty role list means "any signed-in account". This is the first gate
 * only: which rows a caller may see is decided again in the services and queries.
 */
export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) => {
  if (!context.viewer) throw unauthenticated();
  requireRole(context.viewer, roles);
  return true;
};

/** The same gate for routes outside GraphQL (the ledger exports): an empty list lets any account in. */
export function requireRole(viewer: Viewer, roles: readonly Role[]): void {
  if (roles.length > 0 && !roles.includes(viewer.role)) throw forbidden(`Role ${viewer.role} may not do this`);
}
