import type { Role, Viewer } from '../auth/viewer';
import { forbidden } from '../errors';
import type { SqlFragment } from '../sql';
import type { EventReceiveRule } from '../events/topics';

/**
 * The access rules of one resource (village, pairing, purchase, …), in one file per resource
 * (`<module>/<resource>.policy.ts`). Every path that touches the resource asks the same object:
 *
 * - `roles`: which roles may call its root fields at all, per action (`read`, `write`, and any
 *   action of its own such as `manage`); resolvers pass these lists to `@Authorized`, and the
 *   authorization matrix test reads them to know what each role should get.
 * - `readable(viewer, columns)`: which rows the viewer may read, as a SQL condition over the
 *   caller's column expressions. Lists, nested fields, `node(id)` and statistics all use it.
 * - `requireWrite(viewer, target)`: throws FORBIDDEN unless the viewer may change this target.
 *   Services call it first, before validating the input, so a caller outside its scope learns
 *   nothing about the target from validation messages.
 * - `receives(viewer, event, db)`: whether a live event of this resource reaches the viewer.
 *
 * Role switches and scope SQL live only in policy files and `core/access` (a test enforces it).
 */
export interface ResourcePolicy<Columns, Target> {
  readonly resource: string;
  readonly roles: PolicyRoles;
  readable(viewer: Viewer, columns: Columns): SqlFragment;
  requireWrite(viewer: Viewer, target: Target): void;
  readonly receives?: EventReceiveRule;
}

/** Roles allowed per action; `read` and `write` always, other actions as the resource needs. */
export type PolicyRoles = { readonly read: readonly Role[]; readonly write: readonly Role[] } & Readonly<
  Record<string, readonly Role[]>
>;

/**
 * Declares a resource policy; besides the common members it may carry checks of its own
 * (`requireContribute`, `revealsPhone`, …), which services call by name.
 */
export function definePolicy<P extends ResourcePolicy<any, any>>(policy: P): P {
  return policy;
}

/**
 * The role gate, for paths `@Authorized` does not cover: type-graphql checks a subscription's
 * roles for each event only, so a subscription checks them itself when it starts.
 */
export function requireRole(viewer: Viewer, roles: readonly Role[], what: string): void {
  if (!roles.includes(viewer.role)) throw forbidden(`Role ${viewer.role} may not ${what}`);
}
