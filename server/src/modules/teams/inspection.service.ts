import crypto from 'node:crypto';
import type { Context } from '../../core/context';
import { appendTeamEvent, TeamEventKind } from './team.events';
import { badInput, conflict, notFound } from '../../core/errors';
import { and, inList, query, withWhere, type SqlFragment } from '../../core/sql';
import { readPage, toConnection, type ConnectionData, type PageInput } from '../../core/relay/connection';
import { afterSql, orderBySql, type SortColumn } from '../../core/relay/keyset';
import { prefixOfCode } from '../../core/region-codes';
import { regionCodeArg } from '../regions/region.service';
import {
  InspectionConsequence,
  InspectionItem,
  TeamInspection,
  TeamMemberAssessment,
  TeamWorkPlan,
} from './inspection.entity';
import { MemberStatus, TeamMember } from './team.entity';
import { CHECK_COLUMNS, InspectionNode, type InspectionFilter, type InspectionRow } from './inspection.types';
import { AssessmentType, WorkPlanType, type ResidentTeamNode, type TeamMemberNode } from './team.types';
import type { RecordAssessmentInput, RecordInspectionInput, SubmitWorkPlanInput } from './team.inputs';
import { keyFromId, notInFuture } from './team.validation';
import { teamPolicy } from './team.policy';
import { isUuid } from '../../core/relay/global-id';
import { teamService } from './team.service';

type PageArgs = PageInput;

const INSPECTION_SELECT = 'SELECT i.* FROM team_inspection i JOIN resident_team t ON t.id = i.team_id';
const INSPECTION_SORT: SortColumn[] = [
  { expr: 'i.date', direction: 'desc' },
  { expr: 'i.id', direction: 'asc' },
];

export class InspectionService {
  /** `ResidentTeam.workPlans`: newest year first. */
  workPlans(ctx: Context, teamKey: string): Promise<WorkPlanType[]> {
    const loader = ctx.loaders.get<string, WorkPlanType[]>('team.workPlans', async (keys) => {
      const rows = await query<{ id: string; team_id: string; year: number; content: string; submitted_at: Date }>(
        ctx.em,
        withWhere('SELECT w.* FROM team_work_plan w', inList('w.team_id', keys), 'ORDER BY w.team_id, w.year DESC'),
      );
      return keys.map((key) => rows.filter((row) => row.team_id === key).map(WorkPlanType.from));
    });
    return loader.load(teamKey);
  }

  /** `submitWorkPlan` (查计划): one plan per team and year; a second one is a CONFLICT. */
  async submitWorkPlan(
    ctx: Context,
    input: SubmitWorkPlanInput,
  ): Promise<{ team: ResidentTeamNode; workPlan: WorkPlanType }> {
    const team = await teamService.require(ctx, input.teamId);
    teamPolicy.requireWrite(ctx.viewer, { villageCode: team.villageCode });
    const id = crypto.randomUUID();
    await ctx.em.transactional(async (em) => {
      const [existing] = await query<{ id: string }>(
        em,
        'SELECT id FROM team_work_plan WHERE team_id = ? AND year = ?',
        [team.key, input.year],
      );
      if (existing) throw conflict('The team already has a work plan for this year', ['year']);
      em.create(TeamWorkPlan, { id, teamId: team.key, year: input.year, content: input.content.trim() });
    });
    const [row] = await query<{ id: string; year: number; content: string; submitted_at: Date }>(
      ctx.em,
      'SELECT * FROM team_work_plan WHERE id = ?',
      [id],
    );
    return { team, workPlan: WorkPlanType.from(row) };
  }

  /** `ResidentTeam.inspections`: newest first. */
  teamInspections(ctx: Context, teamKey: string): Promise<InspectionNode[]> {
    const loader = ctx.loaders.get<string, InspectionNode[]>('team.inspections', async (keys) => {
      const rows = await query<InspectionRow>(
        ctx.em,
        withWhere(
          INSPECTION_SELECT,
          and(inList('i.team_id', keys), teamPolicy.readable(ctx.viewer, 't')),
          `ORDER BY ${orderBySql(INSPECTION_SORT)}`,
        ),
      );
      return keys.map((key) => rows.filter((row) => row.team_id === key).map(InspectionNode.from));
    });
    return loader.load(teamKey);
  }

  byKey(ctx: Context, key: string): Promise<InspectionNode | null> {
    if (!isUuid(key)) return Promise.resolve(null);
    const loader = ctx.loaders.get<string, InspectionNode | null>('team.inspectionByKey', async (keys) => {
      const rows = await query<InspectionRow>(
        ctx.em,
        withWhere(INSPECTION_SELECT, and(inList('i.id', keys), teamPolicy.readable(ctx.viewer, 't'))),
      );
      const byKey = new Map(rows.map((row) => [row.id, InspectionNode.from(row)]));
      return keys.map((k) => byKey.get(k) ?? null);
    });
    return loader.load(key.toLowerCase());
  }

  /** `inspections(filter, first, after)`: newest first. */
  async list(
    ctx: Context,
    filter: InspectionFilter | undefined,
    args: PageArgs,
  ): Promise<ConnectionData<InspectionNode>> {
    const page = readPage(args);
    const parts: SqlFragment[] = [teamPolicy.readable(ctx.viewer, 't')];
    if (filter?.regionCode)
      parts.push({
        sql: 't.village_code LIKE ?',
        bindings: [`${prefixOfCode(regionCodeArg(filter.regionCode, 'filter.regionCode'))}%`],
      });
    if (filter?.consequence) parts.push({ sql: 'i.consequence = ?', bindings: [filter.consequence] });
    if (filter?.teamId)
      parts.push({ sql: 'i.team_id = ?', bindings: [keyFromId(filter.teamId, 'ResidentTeam', 'filter.teamId')] });
    const where = and(...parts);
    const seek = page.after ? afterSql(INSPECTION_SORT, page.after) : undefined;
    const rows = await query<InspectionRow>(
      ctx.em,
      withWhere(
        INSPECTION_SELECT,
        seek ? and(where, seek) : where,
        `ORDER BY ${orderBySql(INSPECTION_SORT)} LIMIT ${page.first + 1}`,
      ),
    );
    return toConnection(
      rows,
      page,
      (row) => [row.date, row.id],
      InspectionNode.from,
      async () => {
        const [{ count }] = await query<{ count: number }>(
          ctx.em,
          withWhere(
            'SELECT count(*)::int AS count FROM team_inspection i JOIN resident_team t ON t.id = i.team_id',
            where,
          ),
        );
        return count;
      },
    );
  }

  /**
   * `recordInspection` (五查五看). The inspection row is written first; a RECALL then ends the named
   * member's duty with a conditional update in the same transaction, so a member who is no longer
   * on duty (or is being rotated concurrently) makes the whole mutation fail and nothing is written.
   */
  async record(
    ctx: Context,
    input: RecordInspectionInput,
  ): Promise<{ inspection: InspectionNode; member: TeamMemberNode | null }> {
    const team = await teamService.require(ctx, input.teamId);
    teamPolicy.requireWrite(ctx.viewer, { villageCode: team.villageCode });
    notInFuture(input.date, 'date');
    const items = input.checks.map((c) => c.item);
    const missing = (Object.keys(CHECK_COLUMNS) as InspectionItem[]).filter((item) => !items.includes(item));
    if (missing.length || new Set(items).size !== items.length)
      throw badInput(
        'checks',
        `checks must list each of the five checks once; missing ${missing.join(', ') || 'none'}`,
      );
    let memberKey: string | null = null;
    if (input.consequence !== InspectionConsequence.NONE) {
      if (!input.memberId) throw badInput('memberId', `memberId is required for consequence ${input.consequence}`);
      const member = await teamService.requireMember(ctx, input.memberId);
      if (member.teamKey !== team.key) throw badInput('memberId', 'The member does not belong to this team');
      if (input.consequence === InspectionConsequence.RECALL && input.date < member.onDutyFrom) {
        throw badInput('date', `A recall cannot take effect before the member’s first day ${member.onDutyFrom}`);
      }
      memberKey = member.key;
    } else if (input.memberId) {
      throw badInput('memberId', 'memberId names the member a consequence applies to; leave it out for NONE');
    }
    const id = crypto.randomUUID();
    await ctx.em.transactional(async (em) => {
      const checks = Object.fromEntries(
        input.checks.flatMap((c) => [
          [`${CHECK_COLUMNS[c.item]}Passed`, c.passed],
          [`${CHECK_COLUMNS[c.item]}Note`, c.note?.trim() ?? null],
        ]),
      );
      em.create(TeamInspection, {
        id,
        teamId: team.key,
        date: input.date,
        inspector: input.inspector?.trim() ?? null,
        ...(checks as Pick<
          TeamInspection,
          'identityPassed' | 'archivePassed' | 'residencePassed' | 'planPassed' | 'resultsPassed'
        >),
        consequence: input.consequence,
        memberId: memberKey,
        consequenceNote: input.consequenceNote?.trim() ?? null,
      });
      await em.flush();
      if (input.consequence === InspectionConsequence.RECALL) {
        const changed = await em.nativeUpdate(
          TeamMember,
          { id: memberKey!, status: MemberStatus.ON_DUTY },
          { status: MemberStatus.RECALLED, onDutyTo: input.date },
        );
        if (changed === 0) throw conflict('The member is not on duty and cannot be recalled', ['memberId']);
      }
      if (input.consequence !== InspectionConsequence.NONE) {
        const kind =
          input.consequence === InspectionConsequence.RECALL
            ? TeamEventKind.RECALL
            : TeamEventKind.INSPECTION_CONSEQUENCE;
        await appendTeamEvent(em, { kind, teamId: team.key, memberId: memberKey, inspectionId: id });
      }
    });
    ctx.events.announce();
    const inspection = await this.freshInspection(ctx, id);
    return { inspection, member: memberKey ? await teamService.freshMember(ctx, memberKey) : null };
  }

  private async freshInspection(ctx: Context, id: string): Promise<InspectionNode> {
    const [row] = await query<InspectionRow>(ctx.em, 'SELECT * FROM team_inspection WHERE id = ?', [id]);
    if (!row) throw notFound('Inspection not found');
    return InspectionNode.from(row);
  }

  /** `TeamMember.assessments`: newest year first. */
  assessments(ctx: Context, memberKey: string): Promise<AssessmentType[]> {
    const loader = ctx.loaders.get<string, AssessmentType[]>('team.assessments', async (keys) => {
      const rows = await query<{
        id: string;
        member_id: string;
        year: number;
        stars: number;
        points: string;
        note: string | null;
      }>(
        ctx.em,
        withWhere(
          'SELECT a.* FROM team_member_assessment a',
          inList('a.member_id', keys),
          'ORDER BY a.member_id, a.year DESC',
        ),
      );
      return keys.map((key) => rows.filter((row) => row.member_id === key).map(AssessmentType.from));
    });
    return loader.load(memberKey);
  }

  /** `recordAssessment` (星级化管理、积分制考核): one per member and year; a second one is a CONFLICT. */
  async recordAssessment(
    ctx: Context,
    input: RecordAssessmentInput,
  ): Promise<{ member: TeamMemberNode; assessment: AssessmentType }> {
    const member = await teamService.requireMember(ctx, input.memberId);
    const team = await teamService.freshTeam(ctx, member.teamKey);
    teamPolicy.requireWrite(ctx.viewer, { villageCode: team.villageCode });
    if (!/^\d{1,6}(\.\d{1,2})?$/.test(input.points))
      throw badInput('points', 'points must be a non-negative number with at most 2 decimals, below 1000000');
    const id = crypto.randomUUID();
    await ctx.em.transactional(async (em) => {
      const [existing] = await query<{ id: string }>(
        em,
        'SELECT id FROM team_member_assessment WHERE member_id = ? AND year = ?',
        [member.key, input.year],
      );
      if (existing) throw conflict('The member has already been assessed for this year', ['year']);
      em.create(TeamMemberAssessment, {
        id,
        memberId: member.key,
        year: input.year,
        stars: input.stars,
        points: input.points,
        note: input.note?.trim() ?? null,
      });
    });
    const [row] = await query<{ id: string; year: number; stars: number; points: string; note: string | null }>(
      ctx.em,
      'SELECT * FROM team_member_assessment WHERE id = ?',
      [id],
    );
    return { member, assessment: AssessmentType.from(row) };
  }
}

export const inspectionService = new InspectionService();
