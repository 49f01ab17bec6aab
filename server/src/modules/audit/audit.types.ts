import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { ConnectionType } from '../../core/relay/connection';
import { DateTimeScalar } from '../../core/scalars';
import { Role } from '../../core/auth/viewer';

@ObjectType('AuditEntry', { description: 'One executed mutation in the audit log (操作审计记录)' })
export class AuditEntryType {
  @Field(() => ID, { description: 'Entry number, increasing in the order entries were written' })
  id: string;

  @Field(() => DateTimeScalar, { description: 'When the mutation finished (操作时间)' })
  at: Date;

  @Field({ description: 'Who acted: the token subject (操作人)' })
  actor: string;

  @Field(() => Role, { description: 'The role the actor used (角色)' })
  role: Role;

  @Field(() => String, { nullable: true, description: 'Region code of a region role (所属区域)' })
  scopeRegion: string | null;

  @Field(() => ID, { nullable: true, description: 'Provider id a partner acted for (所属帮扶主体)' })
  scopeProviderId: string | null;

  @Field({ description: 'The mutation (e.g. recordPurchase) (操作)' })
  operation: string;

  @Field(() => String, { nullable: true, description: 'Operation name in the request document' })
  operationName: string | null;

  @Field(() => [ID], { description: 'Ids named in the input and returned in the result (操作对象)' })
  targetIds: string[];

  @Field({ description: 'OK, or the error code the caller received (结果)' })
  outcome: string;

  @Field({ description: 'Request id, as in the server log and the x-request-id header' })
  requestId: string;

  @Field({ description: 'The input as JSON, phone and ID numbers masked (输入, 敏感信息已脱敏)' })
  input: string;
}

@ObjectType('AuditEntryConnection', { description: 'A page of audit-log entries (审计日志), newest first' })
export class AuditEntryConnection extends ConnectionType(AuditEntryType, 'AuditEntry') {}

@InputType('AuditLogFilter', { description: 'Narrows the audit log; all given conditions must hold' })
export class AuditLogFilter {
  @Field(() => String, { nullable: true, description: 'Token subject of the actor' })
  @IsOptional()
  @MaxLength(200)
  actor?: string;

  @Field(() => String, { nullable: true, description: 'Mutation name, e.g. recordPurchase' })
  @IsOptional()
  @MaxLength(100)
  operation?: string;

  @Field(() => String, { nullable: true, description: 'OK or an error code' })
  @IsOptional()
  @MaxLength(50)
  outcome?: string;

  @Field(() => ID, { nullable: true, description: 'Entries that name this global id' })
  @IsOptional()
  @MaxLength(200)
  targetId?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Entries at or after this time' })
  @IsOptional()
  since?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Entries before this time' })
  @IsOptional()
  until?: Date;
}
