import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context';
import { PageArgs, type ConnectionData } from '../../core/relay/connection';
import { VillageNode } from '../villages/village.types';
import { householdPolicy } from './household.policy';
import { householdService } from './household.service';
import { monitoringCaseService } from './monitoring-case.service';
import {
  HouseholdConnection,
  HouseholdFilter,
  HouseholdIncomeType,
  HouseholdMemberNode,
  HouseholdNode,
} from './household.types';
import { HouseholdIncomeSummaryType, MonitoringCaseNode } from './monitoring.types';
import {
  AddHouseholdMemberInput,
  AssessGuaranteesInput,
  HouseholdMemberPayload,
  HouseholdPayload,
  RecordHouseholdIncomeInput,
  RegisterHouseholdInput,
  UpdateHouseholdMemberInput,
} from './monitoring.inputs';
import {
  accessLogService,
  PersonalDataAccessConnection,
  PersonalDataAccessFilter,
  type PersonalDataAccessType,
} from './access-log.service';

@Resolver(() => HouseholdNode)
export class HouseholdResolver {
  @Authorized(householdPolicy.roles.read)
  @Query(() => HouseholdConnection, { description: 'Monitored households you may see (防止返贫监测户)' })
  households(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('filter', () => HouseholdFilter, {
      nullable: true,
      description: 'Conditions every household listed must meet',
    })
    filter?: HouseholdFilter,
  ): Promise<ConnectionData<HouseholdNode>> {
    return householdService.list(ctx, filter, page);
  }

  @Authorized(householdPolicy.roles.audit)
  @Query(() => PersonalDataAccessConnection, {
    description:
      'Reads of whole ID numbers, newest first (个人信息查询留痕): ADMIN everywhere, region officials at county level or above in their region',
  })
  personalDataAccessLog(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('filter', () => PersonalDataAccessFilter, {
      nullable: true,
      description: 'Conditions every entry listed must meet',
    })
    filter?: PersonalDataAccessFilter,
  ): Promise<ConnectionData<PersonalDataAccessType>> {
    return accessLogService.list(ctx, filter, page);
  }

  @Authorized(householdPolicy.roles.write)
  @Mutation(() => HouseholdPayload, { description: 'Register a household for monitoring (建档)' })
  async registerHousehold(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The village, the household and its members' }) input: RegisterHouseholdInput,
  ): Promise<HouseholdPayload> {
    return { household: await householdService.register(ctx, input) };
  }

  @Authorized(householdPolicy.roles.write)
  @Mutation(() => HouseholdMemberPayload, { description: 'Add a member to a household (新增家庭成员)' })
  async addHouseholdMember(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The household and the new member' }) input: AddHouseholdMemberInput,
  ): Promise<HouseholdMemberPayload> {
    return { member: await householdService.addMember(ctx, input) };
  }

  @Authorized(householdPolicy.roles.write)
  @Mutation(() => HouseholdMemberPayload, {
    description: 'Change a member’s labour, health, schooling or employment (成员情况变更)',
  })
  async updateHouseholdMember(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The member and what changed' }) input: UpdateHouseholdMemberInput,
  ): Promise<HouseholdMemberPayload> {
    return { member: await householdService.updateMember(ctx, input) };
  }

  @Authorized(householdPolicy.roles.write)
  @Mutation(() => HouseholdPayload, { description: 'Record a year’s net income by source (家庭年纯收入)' })
  async recordHouseholdIncome(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The household, the year and its income by source' })
    input: RecordHouseholdIncomeInput,
  ): Promise<HouseholdPayload> {
    return { household: await householdService.recordIncome(ctx, input) };
  }

  @Authorized(householdPolicy.roles.write)
  @Mutation(() => HouseholdPayload, {
    description: 'Assess 两不愁三保障 and drinking water (两不愁三保障及饮水安全核查)',
  })
  async assessHouseholdGuarantees(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The household and the findings' }) input: AssessGuaranteesInput,
  ): Promise<HouseholdPayload> {
    return { household: await householdService.assessGuarantees(ctx, input) };
  }

  @FieldResolver(() => VillageNode, { description: 'The village (所在行政村)' })
  village(@Ctx() ctx: Context, @Root() household: HouseholdNode): Promise<VillageNode> {
    return householdService.village(ctx, household.villageCode);
  }

  @FieldResolver(() => [HouseholdMemberNode], { description: 'Members, head first (家庭成员)' })
  members(@Ctx() ctx: Context, @Root() household: HouseholdNode): Promise<HouseholdMemberNode[]> {
    return householdService.members(ctx, household.key);
  }

  @FieldResolver(() => [HouseholdIncomeType], {
    description: 'Net income by year and source, newest year first (家庭年纯收入明细); one year when given',
  })
  incomes(
    @Ctx() ctx: Context,
    @Root() household: HouseholdNode,
    @Arg('year', () => Int, { nullable: true, description: 'Only this income year (收入年度)' }) year?: number,
  ): Promise<HouseholdIncomeType[]> {
    return householdService.incomes(ctx, household.key, year ?? null);
  }

  @FieldResolver(() => HouseholdIncomeSummaryType, {
    nullable: true,
    description: 'A year’s income against that year’s line; the latest year with income when none is given',
  })
  incomeSummary(
    @Ctx() ctx: Context,
    @Root() household: HouseholdNode,
    @Arg('year', () => Int, {
      nullable: true,
      description: 'Income year (收入年度); the latest with income when omitted',
    })
    year?: number,
  ): Promise<HouseholdIncomeSummaryType | null> {
    return monitoringCaseService.incomeSummary(ctx, household.key, household.villageCode, year ?? null);
  }

  @FieldResolver(() => [MonitoringCaseNode], { description: 'Monitoring cases of the household, newest first' })
  cases(@Ctx() ctx: Context, @Root() household: HouseholdNode): Promise<MonitoringCaseNode[]> {
    return monitoringCaseService.ofHousehold(ctx, household.key);
  }
}

@Resolver(() => HouseholdMemberNode)
export class HouseholdMemberResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      'ID number (公民身份号码): whole for county monitoring roles, each read written to the access log; masked (first 4 and last 4) for others; null for assistance units reading through a household pairing',
  })
  idNumber(
    @Ctx() ctx: Context,
    @Root() member: HouseholdMemberNode,
    @Info() info: GraphQLResolveInfo,
  ): Promise<string | null> {
    return householdService.idNumber(ctx, member, info.operation.name?.value ?? null);
  }

  @FieldResolver(() => HouseholdNode, { description: 'The household (所属家庭)' })
  async household(@Ctx() ctx: Context, @Root() member: HouseholdMemberNode): Promise<HouseholdNode> {
    return (await householdService.byKey(ctx, member.householdKey))!;
  }
}
