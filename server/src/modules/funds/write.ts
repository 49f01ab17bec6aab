import type { EntityManager } from '@mikro-orm/postgresql';
import { query, type SqlFragment } from '../../core/sql';

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
