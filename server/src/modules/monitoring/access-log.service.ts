import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { IsOptional } from 'class-validator';
import type { Context } from '../../core/context';
import { badInput } from '../../core/errors';
import { and, type SqlFragment } from '../../core/sql';
import { ConnectionType, readPage, type ConnectionData, type PageInput } from '../../core/relay/connection';
import { keysetPage } from '../../core/relay/keyset-page';
import { toGlobalId, uuidKeyFromInput } from '../../core/relay/global-id';
import { prefixOfCode } from '../../core/region-codes';
import { DateScalar, DateTimeScalar } from '../../core/scalars';
import { Role } from '../../core/auth/viewer';
import { regionCodeArg } from '../regions/region.service';
import { householdPolicy } from './household.policy';
import { ACCESS_COLUMNS, ACCESS_FROM, appendAccess, type AccessRow } from './household.repository';

@ObjectType('PersonalDataAccess', {
  description: 'One read of a whole ID number (个人信息查询留痕; 003: 谁核查，谁保密；谁泄露，谁负责)',
})
export class PersonalDataAccessType {
  @Field(() => DateTimeScalar, { description: 'When (查询时间)' }) accessedAt: Date;
  @Field(() => Role, { description: 'Role of the reading account' }) actorRole: Role;
  @Field(() => String, { nullable: true, description: 'Region of the reading account' }) actorRegionCode: string | null;
  @Field(() => String, { nullable: true, description: 'Token subject of the reading account' }) actorSubject:
    string | null;
  @Field({ description: 'Request id (also in the server log and the x-request-id header)' }) requestId: string;
  @Field(() => String, { nullable: true, description: 'GraphQL operation name' }) operation: string | null;
  @Field({ description: 'Field read, e.g. idNumber' }) field: string;
  @Field(() => ID, { description: 'Global id of the household' }) householdId: string;
  @Field(() => ID, { description: 'Global id of the member' }) memberId: string;
  @Field({ description: 'Name of the member (姓名)' }) memberName: string;
  @Field({ description: 'Village code of the household' }) regionCode: string;

  static from(row: AccessRow): PersonalDataAccessType {
    const entry = new PersonalDataAccessType();
    entry.accessedAt = row.accessed_at as unknown as Date;
    entry.actorRole = row.actor_role as Role;
    entry.actorRegionCode = row.actor_region;
    entry.actorSubject = row.actor_subject;
    entry.requestId = row.request_id;
    entry.operation = row.operation;
    entry.field = row.field;
    entry.householdId = toGlobalId('Household', row.household_id);
    entry.memberId = toGlobalId('HouseholdMember', row.member_id);
    entry.memberName = row.member_name;
    entry.regionCode = row.region_code;
    return entry;
  }
}

@ObjectType('PersonalDataAccessConnection', { description: 'A page of personal-data reads (个人信息查询记录)' })
export class PersonalDataAccessConnection extends ConnectionType(PersonalDataAccessType, 'PersonalDataAccess') {}

@InputType({ description: 'Narrows the personal-data access log' })
export class PersonalDataAccessFilter {
  @Field({ nullable: true, description: 'Only reads of households inside this region' })
  @IsOptional()
  regionCode?: string;

  @Field(() => ID, { nullable: true, description: 'Only reads of this household' })
  @IsOptional()
  householdId?: string;

  @Field(() => DateScalar, { nullable: true, description: 'From this day (Asia/Shanghai)' })
  @IsOptional()
  from?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Through this day (Asia/Shanghai)' })
  @IsOptional()
  to?: string;
}

interface AccessRead {
  householdId: string;
  memberId: string;
  regionCode: string;
  field: string;
  operation: string | null;
}

/**
 * The personal-data access log: append-only (a database trigger refuses changes), written in the
 * request that reads, before the value is returned. Reads of one request are batched into one
 * INSERT; a member read twice in one request is logged once.
 */
export class AccessLogService {
  record(ctx: Context, read: AccessRead): Promise<void> {
    const loader = ctx.loaders.get<string, void>('monitoring.accessLog', async (keys) => {
      const reads = keys.map((key) => JSON.parse(key) as AccessRead);
      await appendAccess(
        ctx.em,
        reads.map((r) => ({
          actorRole: ctx.viewer.role,
          actorRegion: ctx.viewer.regionCode ?? null,
          actorProvider: ctx.viewer.providerId ?? null,
          actorSubject: ctx.viewer.subject ?? null,
          requestId: ctx.requestId,
          operation: r.operation,
          field: r.field,
          householdId: r.householdId,
          memberId: r.memberId,
          regionCode: r.regionCode,
        })),
      );
      return keys.map(() => undefined);
    });
    return loader.load(JSON.stringify(read));
  }

  /** `personalDataAccessLog`: newest first. */
  list(
    ctx: Context,
    filter: PersonalDataAccessFilter | undefined | null,
    args: PageInput,
  ): Promise<ConnectionData<PersonalDataAccessType>> {
    householdPolicy.requireAudit(ctx.viewer);
    const page = readPage(args);
    const parts: SqlFragment[] = [householdPolicy.auditable(ctx.viewer, 'a.region_code')];
    if (filter?.regionCode)
      parts.push({
        sql: 'a.region_code LIKE ?',
        bindings: [`${prefixOfCode(regionCodeArg(filter.regionCode, 'filter.regionCode'))}%`],
      });
    if (filter?.householdId)
      parts.push({
        sql: 'a.household_id = ?',
        bindings: [uuidKeyFromInput(filter.householdId, ['Household'], 'filter.householdId')],
      });
    if (filter?.from && filter?.to && filter.to < filter.from)
      throw badInput('filter.to', 'to must not be before from');
    if (filter?.from)
      parts.push({
        sql: `a.accessed_at >= (?::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`,
        bindings: [filter.from],
      });
    if (filter?.to)
      parts.push({
        sql: `a.accessed_at < (?::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`,
        bindings: [filter.to],
      });
    return keysetPage<AccessRow, PersonalDataAccessType>(ctx, {
      columns: ACCESS_COLUMNS,
      from: ACCESS_FROM,
      where: and(...parts),
      sort: [{ expr: 'a.id', direction: 'desc' }],
      page,
      cursorOf: (row) => [row.id],
      toNode: PersonalDataAccessType.from,
    });
  }
}

export const accessLogService = new AccessLogService();
