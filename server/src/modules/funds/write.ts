import type { EntityManager } from '@mikro-orm/postgresql';
import { query, type SqlFragment } from '../../core/sql';
import { Loaders, type Context } from '../../core/context';

/**
 * Runs a writing statement of a repository. Errors pass through MikroORM's exception converter,
 * as they do for the ORM's own writes, so a broken database constraint reaches the client as the
 * module's CONFLICT or BAD_USER_INPUT message (ErrorCatalog) and not as an internal error.
 */
export async function write<Row = unknown>(em: EntityManager, statement: SqlFragment): Promise<Row[]> {
  try {
    return await query<Row>(em, statement);
  } catch (error) {
    throw em.getDriver().convertException(error as Error);
  }
}

/**
 * Forgets what the request's loaders have read: a mutation's payload is resolved after its write,
 * and must not show values cached before it (a project's paid amount read while checking the
 * payment, for example).
 */
export function forgetReads(ctx: Context): void {
  ctx.loaders = new Loaders();
}
