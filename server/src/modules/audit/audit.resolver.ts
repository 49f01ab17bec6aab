import { Arg, Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../core/context';
import { PageArgs, type ConnectionData } from '../../core/relay/connection';
import { AuditEntryConnection, AuditLogFilter, type AuditEntryType } from './audit.types';
import { auditPolicy } from './audit.policy';
import { auditService } from './audit.service';

@Resolver()
export class AuditResolver {
  @Authorized(auditPolicy.roles.read)
  @Query(() => AuditEntryConnection, {
    description:
      'The audit log, newest first (操作审计日志): ADMIN all of it, a region official its region’s accounts, others their own actions',
  })
  auditLog(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('filter', () => AuditLogFilter, { nullable: true, description: 'Conditions every entry listed must meet' })
    filter?: AuditLogFilter,
  ): Promise<ConnectionData<AuditEntryType>> {
    return auditService.list(ctx, filter, page);
  }
}
