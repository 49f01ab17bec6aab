import type { Context } from '../../core/context';
import { badInput, conflict, notFound } from '../../core/errors';
import { and, type SqlFragment } from '../../core/sql';
import { readPage, type ConnectionData, type PageInput } from '../../core/relay/connection';
import { appendTeamEvent, TeamEventKind } from './team.events';
import { InspectionConsequence, TeamInspection, TeamWorkPlan } from './inspection.entity';
import { MemberStatus, TeamMember, TeamVacancy } from './team.entity';
import { CHECK_COLUMNS, type InspectionFilter, type InspectionNode } from './inspection.types';
import type { ResidentTeamNode, TeamMemberNode, WorkPlanType } from './team.types';
import type { RecordInspectionInput, SubmitWorkPlanInput } from './team.inputs';
import { keyFromId, notInFuture } from './team.validation';
import { teamPolicy } from './team.policy';
import { teamRegionSql, teamService } from './team.service';
import { memberService } from './member.service';
import { ITEMS, computeChecks, settleInspection } from './inspection.rules';
import {
  inspectionFacts,
  inspectionPage,
  inspectionsByKeys,
  inspectionsOfTeams,
  workPlanByKey,
  workPlanExists,
  workPlansOfTeams,
} from './inspection.repository';

/** 五查五看 inspections (督查) and the annual work plans they check (查计划). */
export class InspectionService {
  /** `ResidentTeam.workPlans`: newest year first (the team is already visible). */
  workPlans(ctx: Context, teamKey: string): Promise<WorkPlanType[]> {
    return ctx.loaders
      .get<string, WorkPlanType[]>('team.workPlans', (keys) => workPlansOfTeams(ctx.em, keys))
      .load(teamKey);
  }

  /** `submitWorkPlan` (查计划): one plan per team and year; a second one is a CONFLICT. */
  async submitWorkPlan(
    ctx: Context,
    input: SubmitWorkPlanInput,
  ): Promise<{ team: ResidentTeamNode; workPlan: WorkPlanType }> {
    const team = await teamService.require(ctx, input.teamId);
    teamPolicy.requireWrite(ctx.viewer, { villageCode: team.villageCode });
    const id = await ctx.em.transactional(async (em) => {
      if (await workPlanExists(em, team.key, input.year))
        throw conflict('The team already has a work plan for this year', ['year']);
      const plan = em.create(TeamWorkPlan, { teamId: team.key, year: input.year, content: input.content.trim() });
      await em.flush();
      return plan.id;
    });
    return { team, workPlan: await workPlanByKey(ctx.em, id) };
  }

  private loader(ctx: Context) {
    return ctx.loaders.get<string, InspectionNode | null>('inspection.byKey', (keys) =>
      inspectionsByKeys(ctx.em, keys, teamPolicy.readable(ctx.viewer, 't')),
    );
  }

  /** An inspection of a team the viewer may see, by the key inside its global id; null otherwise. */
  byKey(ctx: Context, key: string): Promise<InspectionNode | null> {
    return this.loader(ctx).load(key.toLowerCase());
  }

  /** `ResidentTeam.inspections`: newest first. */
  ofTeam(ctx: Context, teamKey: string): Promise<InspectionNode[]> {
    const readable = teamPolicy.readable(ctx.viewer, 't');
    return ctx.loaders
      .get<string, InspectionNode[]>('inspection.ofTeam', (keys) => inspectionsOfTeams(ctx.em, keys, readable))
      .load(teamKey);
  }

  /** `inspections(filter, first, after)`: newest first. */
  list(ctx: Context, filter: InspectionFilter | undefined, args: PageInput): Promise<ConnectionData<InspectionNode>> {
    const parts: SqlFragment[] = [
      teamPolicy.readable(ctx.viewer, 't'),
      teamRegionSql(filter?.regionCode, 'filter.regionCode'),
    ];
    if (filter?.consequence) parts.push({ sql: 'i.consequence = ?', bindings: [filter.consequence] });
    if (filter?.teamId)
      parts.push({ sql: 'i.team_id = ?', bindings: [keyFromId(filter.teamId, 'ResidentTeam', 'filter.teamId')] });
    return inspectionPage(ctx, and(...parts), readPage(args));
  }

  /**
   * `recordInspection` (五查五看). The platform computes 查身份, 查档案, 查驻村 and 查计划 from its
   * data on the inspection date; the inspector's input is settled against them and the
   * consequence against the findings (`inspection.rules.ts`). The inspection row is written
   * first; a RECALL then ends the named member's duty with a conditional update and opens a
   * vacancy in the same transaction, so a member who is no longer on duty (or is being rotated
   * concurrently) makes the whole mutation fail and nothing is written.
   */
  async record(
    ctx: Context,
    input: RecordInspectionInput,
  ): Promise<{ inspection: InspectionNode; member: TeamMemberNode | null }> {
    const team = await teamService.require(ctx, input.teamId);
    teamPolicy.requireWrite(ctx.viewer, { villageCode: team.villageCode });
    notInFuture(input.date, 'date');
    const items = input.checks.map((c) => c.item);
    const missing = ITEMS.filter((item) => !items.includes(item));
    if (missing.length || new Set(items).size !== items.length)
      throw badInput(
        'checks',
        `checks must list each of the five checks once; missing ${missing.join(', ') || 'none'}`,
      );
    let member: TeamMemberNode | null = null;
    if (input.consequence !== InspectionConsequence.NONE) {
      if (!input.memberId) throw badInput('memberId', `memberId is required for consequence ${input.consequence}`);
      member = await memberService.require(ctx, input.memberId);
      if (member.teamKey !== team.key) throw badInput('memberId', 'The member does not belong to this team');
      if (input.consequence === InspectionConsequence.RECALL && input.date < member.onDutyFrom)
        throw badInput('date', `A recall cannot take effect before the member’s first day ${member.onDutyFrom}`);
    } else if (input.memberId) {
      throw badInput('memberId', 'memberId names the member a consequence applies to; leave it out for NONE');
    }
    const computed = computeChecks(await inspectionFacts(ctx.em, team.key, input.date), input.date);
    const { checks, problems } = settleInspection(computed, input);
    if (problems.length)
      throw badInput([...new Set(problems.map((p) => p.field))], problems.map((p) => p.message).join('; '));

    const inspectionKey = await ctx.em.transactional(async (em) => {
      const columns = Object.fromEntries(
        checks.flatMap((c) => {
          const prefix = CHECK_COLUMNS[c.item];
          return [
            [`${prefix}Passed`, c.passed],
            [`${prefix}Note`, c.note],
            [`${prefix}Computed`, c.computed],
            [`${prefix}Basis`, c.basis],
          ];
        }),
      ) as Pick<
        TeamInspection,
        'identityPassed' | 'archivePassed' | 'residencePassed' | 'planPassed' | 'resultsPassed'
      >;
      const inspection = em.create(TeamInspection, {
        teamId: team.key,
        date: input.date,
        inspector: input.inspector?.trim() ?? null,
        ...columns,
        consequence: input.consequence,
        memberId: member?.key ?? null,
        consequenceNote: input.consequenceNote?.trim() ?? null,
      });
      await em.flush();
      if (input.consequence === InspectionConsequence.RECALL) {
        const changed = await em.nativeUpdate(
          TeamMember,
          { id: member!.key, status: MemberStatus.ON_DUTY },
          { status: MemberStatus.RECALLED, onDutyTo: input.date },
        );
        if (changed === 0) throw conflict('The member is not on duty and cannot be recalled', ['memberId']);
        // The post stays open until someone is dispatched into the team in the same role.
        em.create(TeamVacancy, {
          teamId: team.key,
          role: member!.role,
          openedOn: input.date,
          inspectionId: inspection.id,
          recalledMemberId: member!.key,
        });
      }
      if (input.consequence !== InspectionConsequence.NONE) {
        const kind =
          input.consequence === InspectionConsequence.RECALL
            ? TeamEventKind.RECALL
            : TeamEventKind.INSPECTION_CONSEQUENCE;
        await appendTeamEvent(em, { kind, teamId: team.key, memberId: member!.key, inspectionId: inspection.id });
      }
      return inspection.id;
    });
    ctx.events.announce();
    this.loader(ctx).clear(inspectionKey);
    const inspection = await this.byKey(ctx, inspectionKey);
    if (!inspection) throw notFound('Inspection not found');
    return { inspection, member: member ? await memberService.fresh(ctx, member.key) : null };
  }
}

export const inspectionService = new InspectionService();
