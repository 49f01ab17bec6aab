import { definePolicy } from '../access/policy';
import { forbidden } from '../errors';
import { sqlFalse, sqlTrue, type SqlFragment } from '../sql';
import { Role, type Viewer } from './viewer';

/** Tokens (令牌): only a platform administrator revokes them; nobody lists them (they are not stored). */
export const tokenPolicy = definePolicy({
  resource: 'token',
  roles: { read: [Role.ADMIN], write: [Role.ADMIN] },

  readable(viewer: Viewer): SqlFragment {
    return viewer.role === Role.ADMIN ? sqlTrue : sqlFalse;
  },

  requireWrite(viewer: Viewer): void {
    if (viewer.role !== Role.ADMIN) throw forbidden('Only a platform administrator revokes tokens');
  },
});
