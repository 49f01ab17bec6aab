import type { AuthChecker } from 'type-graphql';
import type { Context } from '../context';
import { forbidden, unauthenticated } from '../errors';
import type { Role } from './viewer';

/**
 * type-graphql's `@Authorized(...roles)` check. Every root field carries `@Authorized`
 * (a test enforces it); an empty role list means "any signed-in account". This is the first gate
 * only: which rows a caller may see is decided again in the services and queries.
 */
export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) => {
  if (!context.viewer) throw unauthenticated();
  if (roles.length > 0 && !roles.includes(context.viewer.role))
    throw forbidden(`Role ${context.viewer.role} may not do this`);
  return true;
};
