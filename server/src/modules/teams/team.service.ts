import type { Context } from '../../core/context';
import { badInput, conflict, notFound } from '../../core/errors';
import { and, type SqlFragment } from '../../core/sql';
import { readPage, type ConnectionData, type PageInput } from '../../core/relay/connection';
import { prefixOfCode } from '../../core/region-codes';
import { regionCodeArg } from '../regions/region.service';
import { villageCodeFromId, villageService } from '../villages/village.service';
import { villagePolicy } from '../villages/village.policy';
import type { VillageNode } from '../villages/village.types';
import { providerService } from '../providers/provider.service';
import type { ProviderNode } from '../providers/provider.types';
import { MemberStatus, ResidentTeam, ResidentTeamUnit, TeamMember, TeamStatus } from './team.entity';
import type {
  DispatchingUnitType,
  ResidentTeamFilter,
  ResidentTeamNode,
  TeamVacancyFilter,
  TeamVacancyNode,
} from './team.types';
import type { CreateResidentTeamInput, EndResidentTeamInput } from './team.inputs';
import { keyFromId, notInFuture } from './team.validation';
import { teamPolicy } from './team.policy';
import {
  activeTeamOfVillage,
  closeVacancies,
  countAssistanceUnits,
  keyVillageCodesWithoutTeam,
  memberOnDutyStartingAfter,
  teamPage,
  teamsByKeys,
  unitsOfTeams,
  vacanciesByKeys,
  vacanciesOfTeams,
  vacancyPage,
  villageExists,
} from './team.repository';

export const ACTIVE_TEAM_EXISTS = 'The village already has an active resident team';

/** `regionCode` arguments as a condition over the team alias `t`. */
export function teamRegionSql(regionCode: string | null | undefined, field: string): SqlFragment {
  return regionCode
    ? { sql: 't.village_code LIKE ?', bindings: [`${prefixOfCode(regionCodeArg(regionCode, field))}%`] }
    : { sql: 'true', bindings: [] };
}

/** Resident work teams (驻村工作队): dispatch, the end of a term, dispatching units, vacancies. */
export class TeamService {
  private loader(ctx: Context) {
    return ctx.loaders.get<string, ResidentTeamNode | null>('team.byKey', (keys) =>
      teamsByKeys(ctx.em, keys, teamPolicy.readable(ctx.viewer, 't')),
    );
  }

  /** A team the viewer may see, by the key inside its global id, or null (absent, hidden and malformed look the same). */
  byKey(ctx: Context, key: string): Promise<ResidentTeamNode | null> {
    return this.loader(ctx).load(key.toLowerCase());
  }

  async require(ctx: Context, teamId: string, field = 'teamId'): Promise<ResidentTeamNode> {
    const team = await this.byKey(ctx, keyFromId(teamId, 'ResidentTeam', field));
    if (!team) throw notFound('Resident team not found', field);
    return team;
  }

  /** A team as it stands now, bypassing the request's cache (after a write). */
  async fresh(ctx: Context, key: string): Promise<ResidentTeamNode> {
    this.loader(ctx).clear(key);
    const team = await this.byKey(ctx, key);
    if (!team) throw notFound('Resident team not found');
    return team;
  }

  /** `residentTeams(filter, first, after)`: by village code, newest term first. */
  list(
    ctx: Context,
    filter: ResidentTeamFilter | undefined,
    args: PageInput,
  ): Promise<ConnectionData<ResidentTeamNode>> {
    const parts: SqlFragment[] = [
      teamPolicy.readable(ctx.viewer, 't'),
      teamRegionSql(filter?.regionCode, 'filter.regionCode'),
    ];
    if (filter?.villageId)
      parts.push({ sql: 't.village_code = ?', bindings: [villageCodeFromId(filter.villageId, 'filter.villageId')] });
    if (filter?.status) parts.push({ sql: 't.status = ?', bindings: [filter.status] });
    return teamPage(ctx, and(...parts), readPage(args));
  }

  /**
   * `ResidentTeam.village`: under the same village scope as `node(id)`. A dispatching unit sees
   * the teams it dispatches, but a village's profile only while a pairing assigns it the village;
   * otherwise the field is null rather than a way around the village scope.
   */
  village(ctx: Context, team: ResidentTeamNode): Promise<VillageNode | null> {
    return villageService.byKey(ctx, team.villageCode);
  }

  /** `ResidentTeam.dispatchingUnits`: lead unit first, for every team of the request in one statement. */
  dispatchingUnits(ctx: Context, teamKey: string): Promise<DispatchingUnitType[]> {
    return ctx.loaders
      .get<string, DispatchingUnitType[]>('team.dispatchingUnits', (keys) => unitsOfTeams(ctx.em, keys))
      .load(teamKey);
  }

  /** `DispatchingUnit.unit`: the assistance unit under the provider scope (null outside it). */
  unit(ctx: Context, unit: DispatchingUnitType): Promise<ProviderNode | null> {
    return providerService.byKey(ctx, unit.unitKey);
  }

  /** `keyVillagesWithoutTeam`: key-assisted villages (重点帮扶村) where no team has anyone on duty. */
  async keyVillagesWithoutTeam(
    ctx: Context,
    regionCode: string | null | undefined,
    args: PageInput,
  ): Promise<ConnectionData<VillageNode>> {
    const where = and(
      villagePolicy.readable(ctx.viewer, 'r.code'),
      regionCode
        ? { sql: 'r.code LIKE ?', bindings: [`${prefixOfCode(regionCodeArg(regionCode, 'regionCode'))}%`] }
        : { sql: 'true', bindings: [] },
    );
    const codes = await keyVillageCodesWithoutTeam(ctx, where, readPage(args));
    // The villages themselves through the village module's loader: one batched statement.
    const villages = await Promise.all(codes.edges.map((edge) => villageService.byKey(ctx, edge.node)));
    return {
      // The condition already holds the village scope, so every village loads.
      edges: codes.edges.map((edge, i) => ({ cursor: edge.cursor, node: villages[i]! })),
      pageInfo: codes.pageInfo,
      get totalCount() {
        return codes.totalCount;
      },
    };
  }

  /** `ResidentTeam.vacancies(open)`, for every team of the request in one statement. */
  async vacancies(ctx: Context, teamKey: string, open: boolean | null | undefined): Promise<TeamVacancyNode[]> {
    const all = await ctx.loaders
      .get<string, TeamVacancyNode[]>('team.vacancies', (keys) => vacanciesOfTeams(ctx.em, keys))
      .load(teamKey);
    return open === null || open === undefined ? all : all.filter((v) => v.open === open);
  }

  /** `teamVacancies(filter)`: vacancies of the teams the viewer may see, oldest first. */
  vacancyList(
    ctx: Context,
    filter: TeamVacancyFilter | undefined,
    args: PageInput,
  ): Promise<ConnectionData<TeamVacancyNode>> {
    const open = filter?.open ?? true;
    return vacancyPage(
      ctx,
      and(teamPolicy.readable(ctx.viewer, 't'), teamRegionSql(filter?.regionCode, 'filter.regionCode'), {
        sql: open ? 'v.closed_on IS NULL' : 'v.closed_on IS NOT NULL',
        bindings: [],
      }),
      readPage(args),
    );
  }

  /** A vacancy of a team the viewer may see, by the key inside its global id. */
  vacancyByKey(ctx: Context, key: string): Promise<TeamVacancyNode | null> {
    return ctx.loaders
      .get<string, TeamVacancyNode | null>('team.vacancyByKey', (keys) =>
        vacanciesByKeys(ctx.em, keys, teamPolicy.readable(ctx.viewer, 't')),
      )
      .load(key.toLowerCase());
  }

  /** `createResidentTeam`: a team with its dispatching units; at most one active team per village. */
  async create(ctx: Context, input: CreateResidentTeamInput): Promise<ResidentTeamNode> {
    const villageCode = villageCodeFromId(input.villageId);
    teamPolicy.requireWrite(ctx.viewer, { villageCode });
    if (input.termEnd < input.termStart) throw badInput('termEnd', 'termEnd must not be before termStart');
    const unitIds = [
      ...new Set(input.dispatchingUnitIds.map((id, i) => keyFromId(id, 'AssistanceUnit', `dispatchingUnitIds.${i}`))),
    ];
    const leadId = keyFromId(input.leadUnitId, 'AssistanceUnit', 'leadUnitId');
    if (!unitIds.includes(leadId)) throw badInput('leadUnitId', 'leadUnitId must be one of dispatchingUnitIds');
    const teamKey = await ctx.em.transactional(async (em) => {
      if (!(await villageExists(em, villageCode))) throw notFound('Village not found', 'villageId');
      if ((await countAssistanceUnits(em, unitIds)) !== unitIds.length)
        throw badInput('dispatchingUnitIds', 'dispatchingUnitIds must name existing assistance units (帮扶单位)');
      if (await activeTeamOfVillage(em, villageCode)) throw conflict(ACTIVE_TEAM_EXISTS, ['villageId']);
      const team = em.create(ResidentTeam, {
        villageCode,
        termStart: input.termStart,
        termEnd: input.termEnd,
        status: TeamStatus.ACTIVE,
      });
      await em.flush();
      for (const unitId of unitIds) em.create(ResidentTeamUnit, { teamId: team.id, unitId, lead: unitId === leadId });
      return team.id;
    });
    return this.fresh(ctx, teamKey);
  }

  /**
   * `endResidentTeam` (期满): the team ends, everyone still on duty rotates out that day and its
   * open vacancies close, in one transaction.
   */
  async end(ctx: Context, input: EndResidentTeamInput): Promise<ResidentTeamNode> {
    const team = await this.require(ctx, input.teamId);
    teamPolicy.requireWrite(ctx.viewer, { villageCode: team.villageCode });
    notInFuture(input.date, 'date');
    if (input.date < team.termStart) throw badInput('date', 'date is before the start of the term');
    await ctx.em.transactional(async (em) => {
      const changed = await em.nativeUpdate(
        ResidentTeam,
        { id: team.key, status: TeamStatus.ACTIVE },
        { status: TeamStatus.ENDED, termEnd: input.date },
      );
      if (changed === 0) throw conflict('The team has already ended', ['teamId']);
      if (await memberOnDutyStartingAfter(em, team.key, input.date))
        throw badInput('date', 'date is before the first day of a member still on duty');
      await em.nativeUpdate(
        TeamMember,
        { teamId: team.key, status: MemberStatus.ON_DUTY },
        { status: MemberStatus.ROTATED_OUT, onDutyTo: input.date },
      );
      await closeVacancies(em, team.key, input.date);
    });
    return this.fresh(ctx, team.key);
  }
}

export const teamService = new TeamService();
