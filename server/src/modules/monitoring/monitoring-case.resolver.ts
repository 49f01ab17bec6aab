import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context';
import { PageArgs, type ConnectionData } from '../../core/relay/connection';
import { VillageNode } from '../villages/village.types';
import { TeamMemberNode } from '../teams/team.types';
import { memberService } from '../teams/member.service';
import { monitoringCasePolicy } from './monitoring-case.policy';
import { monitoringCaseService } from './monitoring-case.service';
import { householdService } from './household.service';
import { monitoringSettingsService } from './monitoring-settings.service';
import { monitoringSummaryService } from './monitoring-summary.service';
import { HouseholdNode } from './household.types';
import { AssistanceTrack, NoticeKind } from './monitoring.enums';
import {
  EliminationCheckType,
  FollowUpVisitType,
  MonitoringCaseConnection,
  MonitoringCaseFilter,
  MonitoringCaseNode,
  MonitoringLineType,
  MonitoringMeasureType,
  MonitoringPlanType,
  MonitoringStepType,
  NoticePeriodType,
} from './monitoring.types';
import {
  AddMonitoringMeasureInput,
  AdvanceMonitoringCaseInput,
  MonitoringCasePayload,
  MonitoringLinePayload,
  NoticePeriodPayload,
  RecordFollowUpVisitInput,
  RecordTownshipReviewInput,
  RecordVillageScreeningInput,
  ReportMonitoringCaseInput,
  SetMonitoringLineInput,
  SetMonitoringPlanInput,
  SetNoticePeriodInput,
  TownshipReviewPayload,
  VillageScreeningPayload,
} from './monitoring.inputs';
import {
  MonitoringSummaryType,
  TownshipReviewGapConnection,
  VillageScreeningGapConnection,
  type TownshipReviewGapType,
  type VillageScreeningGapType,
} from './monitoring-summary.types';

@Resolver(() => MonitoringCaseNode)
export class MonitoringCaseResolver {
  @Authorized(monitoringCasePolicy.roles.read)
  @Query(() => MonitoringCaseConnection, { description: 'Monitoring cases you may see, newest first (监测对象)' })
  monitoringCases(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('filter', () => MonitoringCaseFilter, {
      nullable: true,
      description: 'Conditions every case listed must meet',
    })
    filter?: MonitoringCaseFilter,
  ): Promise<ConnectionData<MonitoringCaseNode>> {
    return monitoringCaseService.list(ctx, filter, page);
  }

  @Authorized(monitoringCasePolicy.roles.read)
  @Query(() => MonitoringLineType, {
    nullable: true,
    description:
      'The monitoring line of a region and year (监测标准), inherited from the nearest region up the tree with a rule; null when none covers the year',
  })
  monitoringLine(
    @Ctx() ctx: Context,
    @Arg('regionCode', { description: 'Region (12-digit code or prefix) within your scope' }) regionCode: string,
    @Arg('year', () => Int, { description: 'Year (年度), 2000–2100' }) year: number,
  ): Promise<MonitoringLineType | null> {
    return monitoringSettingsService.lineFor(ctx, regionCode, year);
  }

  @Authorized(monitoringCasePolicy.roles.read)
  @Query(() => NoticePeriodType, {
    nullable: true,
    description: 'The notice period of a kind for a region (公示期), inherited; null when none is set up the tree',
  })
  monitoringNoticePeriod(
    @Ctx() ctx: Context,
    @Arg('regionCode', { description: 'Region (12-digit code or prefix) within your scope' }) regionCode: string,
    @Arg('kind', () => NoticeKind, { description: 'Kind of notice (公示类别)' }) kind: NoticeKind,
  ): Promise<NoticePeriodType | null> {
    return monitoringSettingsService.noticePeriodFor(ctx, regionCode, kind);
  }

  @Authorized(monitoringCasePolicy.roles.summarise)
  @Query(() => MonitoringSummaryType, {
    description: 'Monitoring in a region and year (防止返贫监测汇总): categories, statuses, causes, cadence',
  })
  monitoringSummary(
    @Ctx() ctx: Context,
    @Arg('regionCode', { description: 'Region (12-digit code or prefix) within your scope' }) regionCode: string,
    @Arg('year', () => Int, { nullable: true, description: 'Default: this year (Asia/Shanghai)' }) year?: number,
  ): Promise<MonitoringSummaryType> {
    return monitoringSummaryService.summary(ctx, regionCode, year);
  }

  @Authorized(monitoringCasePolicy.roles.write)
  @Mutation(() => MonitoringCasePayload, { description: 'Report a household for monitoring (纳入监测申报)' })
  async reportMonitoringCase(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The household, category, causes and income' }) input: ReportMonitoringCaseInput,
  ): Promise<MonitoringCasePayload> {
    return { monitoringCase: await monitoringCaseService.report(ctx, input) };
  }

  @Authorized(monitoringCasePolicy.roles.write)
  @Mutation(() => MonitoringCasePayload, {
    description: 'Take the next workflow step, by the level that owns it (推进监测流程); see MonitoringAction',
  })
  async advanceMonitoringCase(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The case, the step and any opinion' }) input: AdvanceMonitoringCaseInput,
  ): Promise<MonitoringCasePayload> {
    return { monitoringCase: await monitoringCaseService.advance(ctx, input) };
  }

  @Authorized(monitoringCasePolicy.roles.write)
  @Mutation(() => MonitoringCasePayload, { description: 'Set the plan and responsible person (一户一案)' })
  async setMonitoringPlan(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The case, the responsible person and the plan' }) input: SetMonitoringPlanInput,
  ): Promise<MonitoringCasePayload> {
    return { monitoringCase: await monitoringCaseService.setPlan(ctx, input) };
  }

  @Authorized(monitoringCasePolicy.roles.write)
  @Mutation(() => MonitoringCasePayload, { description: 'Add an assistance measure (帮扶措施)' })
  async addMonitoringMeasure(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The case and the measure' }) input: AddMonitoringMeasureInput,
  ): Promise<MonitoringCasePayload> {
    return { monitoringCase: await monitoringCaseService.addMeasure(ctx, input) };
  }

  @Authorized(monitoringCasePolicy.roles.write)
  @Mutation(() => MonitoringCasePayload, { description: 'Record a follow-up visit (跟踪回访)' })
  async recordFollowUpVisit(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The case and the visit' }) input: RecordFollowUpVisitInput,
  ): Promise<MonitoringCasePayload> {
    return { monitoringCase: await monitoringCaseService.recordVisit(ctx, input) };
  }

  @Authorized(monitoringCasePolicy.roles.write)
  @Mutation(() => VillageScreeningPayload, { description: 'Record a village’s monthly screening (村组每月摸排)' })
  async recordVillageScreening(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The village, month and households checked' }) input: RecordVillageScreeningInput,
  ): Promise<VillageScreeningPayload> {
    return { screening: await monitoringSummaryService.recordScreening(ctx, input) };
  }

  @Authorized(monitoringCasePolicy.roles.reviewTownship)
  @Mutation(() => TownshipReviewPayload, { description: 'Record a township’s quarterly review (镇/街每季度审核)' })
  async recordTownshipReview(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The township, year and quarter' }) input: RecordTownshipReviewInput,
  ): Promise<TownshipReviewPayload> {
    return { review: await monitoringSummaryService.recordReview(ctx, input) };
  }

  @Authorized(monitoringCasePolicy.roles.configure)
  @Mutation(() => MonitoringLinePayload, { description: 'Set a region’s monitoring line rule (设定监测标准)' })
  async setMonitoringLine(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The region and the rule' }) input: SetMonitoringLineInput,
  ): Promise<MonitoringLinePayload> {
    return { line: await monitoringSettingsService.setLine(ctx, input) };
  }

  @Authorized(monitoringCasePolicy.roles.configure)
  @Mutation(() => NoticePeriodPayload, { description: 'Set a region’s notice period (设定公示期)' })
  async setMonitoringNoticePeriod(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The region, the kind of notice and its days' }) input: SetNoticePeriodInput,
  ): Promise<NoticePeriodPayload> {
    return { noticePeriod: await monitoringSettingsService.setNoticePeriod(ctx, input) };
  }

  @FieldResolver(() => HouseholdNode, { description: 'The household (监测户)' })
  async household(@Ctx() ctx: Context, @Root() found: MonitoringCaseNode): Promise<HouseholdNode> {
    return (await householdService.byKey(ctx, found.householdKey))!;
  }

  @FieldResolver(() => VillageNode, { description: 'The village (所在行政村)' })
  village(@Ctx() ctx: Context, @Root() found: MonitoringCaseNode): Promise<VillageNode> {
    return householdService.village(ctx, found.villageCode);
  }

  @FieldResolver(() => [MonitoringStepType], { description: 'Every step so far, oldest first (流程记录)' })
  steps(@Ctx() ctx: Context, @Root() found: MonitoringCaseNode): Promise<MonitoringStepType[]> {
    return monitoringCaseService.steps(ctx, found.key);
  }

  @FieldResolver(() => MonitoringPlanType, { nullable: true, description: 'The plan (一户一案); null until made' })
  plan(@Ctx() ctx: Context, @Root() found: MonitoringCaseNode): Promise<MonitoringPlanType | null> {
    return monitoringCaseService.plan(ctx, found.key);
  }

  @FieldResolver(() => [MonitoringMeasureType], { description: 'Measures, by start date (帮扶措施)' })
  measures(@Ctx() ctx: Context, @Root() found: MonitoringCaseNode): Promise<MonitoringMeasureType[]> {
    return monitoringCaseService.measures(ctx, found.key);
  }

  @FieldResolver(() => [FollowUpVisitType], { description: 'Follow-up visits, newest first (跟踪回访)' })
  visits(@Ctx() ctx: Context, @Root() found: MonitoringCaseNode): Promise<FollowUpVisitType[]> {
    return monitoringCaseService.visits(ctx, found.key);
  }

  @FieldResolver(() => [AssistanceTrack], {
    description:
      'How the household is to be helped (帮扶路径, 004): development with labour, safety net without, case by case after a disaster or crisis',
  })
  assistanceTracks(@Ctx() ctx: Context, @Root() found: MonitoringCaseNode): Promise<AssistanceTrack[]> {
    return monitoringCaseService.tracks(ctx, found);
  }

  @FieldResolver(() => EliminationCheckType, {
    description: 'Whether 风险消除 could be marked now, and what stands in the way',
  })
  eliminationCheck(@Ctx() ctx: Context, @Root() found: MonitoringCaseNode): Promise<EliminationCheckType> {
    return monitoringCaseService.eliminationCheck(ctx, found);
  }
}

@Resolver(() => MonitoringPlanType)
export class MonitoringPlanResolver {
  @FieldResolver(() => TeamMemberNode, {
    nullable: true,
    description: 'The responsible team member, when one is named and you may see the team',
  })
  responsibleMember(@Ctx() ctx: Context, @Root() plan: MonitoringPlanType): Promise<TeamMemberNode | null> | null {
    return plan.responsibleMemberKey ? memberService.byKey(ctx, plan.responsibleMemberKey) : null;
  }
}

@Resolver(() => MonitoringSummaryType)
export class MonitoringSummaryResolver {
  @FieldResolver(() => VillageScreeningGapConnection, {
    description: 'Villages missing due monthly screenings, by code (未按月摸排的村)',
  })
  screeningGaps(
    @Ctx() ctx: Context,
    @Root() summary: MonitoringSummaryType,
    @Args() page: PageArgs,
  ): Promise<ConnectionData<VillageScreeningGapType>> {
    return monitoringSummaryService.villageGaps(ctx, summary, page);
  }

  @FieldResolver(() => TownshipReviewGapConnection, {
    description: 'Townships missing due quarterly reviews, by code (未按季审核的乡镇)',
  })
  reviewGaps(
    @Ctx() ctx: Context,
    @Root() summary: MonitoringSummaryType,
    @Args() page: PageArgs,
  ): Promise<ConnectionData<TownshipReviewGapType>> {
    return monitoringSummaryService.townshipGaps(ctx, summary, page);
  }
}
