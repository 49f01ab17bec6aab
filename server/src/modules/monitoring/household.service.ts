import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../core/context';
import { badInput, conflict, notFound } from '../../core/errors';
import { and, inList, query, withWhere, type SqlFragment } from '../../core/sql';
import { readPage, type ConnectionData, type PageInput } from '../../core/relay/connection';
import { keysetPage } from '../../core/relay/keyset-page';
import { isUuid, uuidKeyFromInput } from '../../core/relay/global-id';
import { prefixOfCode } from '../../core/region-codes';
import { todayInShanghai } from '../../core/dates';
import { regionCodeArg } from '../regions/region.service';
import { villageCodeFromId } from '../villages/village.service';
import type { VillageNode } from '../villages/village.types';
import { villagesByCodes } from '../villages/village.repository';
import { householdPolicy, type MonitoringPlace } from './household.policy';
import { idNumberProblem, normaliseIdNumber } from './id-number';
import { HouseholdRelation, IdNumberVisibility } from './monitoring.enums';
import {
  HOUSEHOLD_COLUMNS,
  householdsWhere,
  incomesOf,
  membersWhere,
  residentUnitsOf,
  type HouseholdRow,
  type MemberRow,
} from './household.repository';
import { HouseholdIncomeType, HouseholdMemberNode, HouseholdNode, type HouseholdFilter } from './household.types';
import type {
  AddHouseholdMemberInput,
  AssessGuaranteesInput,
  HouseholdMemberInput,
  RecordHouseholdIncomeInput,
  RegisterHouseholdInput,
  UpdateHouseholdMemberInput,
} from './monitoring.inputs';
import { accessLogService } from './access-log.service';

export const ID_NUMBER_TAKEN = 'This ID number is already registered in a household (一人只能登记在一户)';
export const ONE_HEAD = 'A household has exactly one head (户主)';

const HOUSEHOLD_SORT = [
  { expr: 'h.village_code', direction: 'asc' as const },
  { expr: 'h.id', direction: 'asc' as const },
];

/** The household scope over `household h`. */
const scopeOf = (ctx: Context) =>
  householdPolicy.readable(ctx.viewer, { villageCode: 'h.village_code', householdId: 'h.id' });

/** A decimal string of yuan with at most two decimals, non-negative, or BAD_USER_INPUT naming the field. */
export function amountArg(amount: string, field: string): string {
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(amount))
    throw badInput(field, `${field} must be a non-negative amount in yuan with at most two decimals`);
  return amount;
}

/** A date not after today (Asia/Shanghai), or BAD_USER_INPUT naming the field. */
export function notFuture(date: string, field: string): string {
  if (date > todayInShanghai())
    throw badInput(field, `${field} must not be in the future (today is ${todayInShanghai()} in Asia/Shanghai)`);
  return date;
}

export class HouseholdService {
  async findByKeys(ctx: Context, keys: readonly string[]): Promise<(HouseholdNode | null)[]> {
    const rows = await householdsWhere(ctx.em, and(inList('h.id', keys), scopeOf(ctx)));
    const byKey = new Map(rows.map((row) => [row.id, HouseholdNode.from(row)]));
    return keys.map((key) => byKey.get(key) ?? null);
  }

  /** A household the viewer may see, or null (absent, hidden and malformed keys look the same). */
  byKey(ctx: Context, key: string): Promise<HouseholdNode | null> {
    if (!isUuid(key)) return Promise.resolve(null);
    return ctx.loaders
      .get<string, HouseholdNode | null>('household.byKey', (keys) => this.findByKeys(ctx, keys))
      .load(key.toLowerCase());
  }

  async require(ctx: Context, id: string, field = 'householdId'): Promise<HouseholdNode> {
    const household = await this.byKey(ctx, uuidKeyFromInput(id, ['Household'], field));
    if (!household) throw notFound('Household not found', field);
    return household;
  }

  /** `households(filter)`: by village, then id. */
  list(
    ctx: Context,
    filter: HouseholdFilter | undefined | null,
    args: PageInput,
  ): Promise<ConnectionData<HouseholdNode>> {
    const page = readPage(args);
    const parts: SqlFragment[] = [scopeOf(ctx)];
    if (filter?.regionCode)
      parts.push({
        sql: 'h.village_code LIKE ?',
        bindings: [`${prefixOfCode(regionCodeArg(filter.regionCode, 'filter.regionCode'))}%`],
      });
    if (filter?.villageId)
      parts.push({ sql: 'h.village_code = ?', bindings: [villageCodeFromId(filter.villageId, 'filter.villageId')] });
    if (filter?.search) {
      const escaped = filter.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
      parts.push({
        sql: `EXISTS (SELECT 1 FROM household_member hs WHERE hs.household_id = h.id AND hs.relation = 'HEAD' AND hs.name LIKE ?)`,
        bindings: [`%${escaped}%`],
      });
    }
    if (filter?.monitored !== undefined && filter.monitored !== null)
      parts.push({
        sql: `${filter.monitored ? '' : 'NOT '}EXISTS (SELECT 1 FROM monitoring_case hc WHERE hc.household_id = h.id AND hc.status NOT IN ('RISK_ELIMINATED','REJECTED'))`,
        bindings: [],
      });
    if (filter?.liftedOutOfPoverty !== undefined && filter.liftedOutOfPoverty !== null)
      parts.push({ sql: 'h.lifted_out_of_poverty = ?', bindings: [filter.liftedOutOfPoverty] });
    return keysetPage<HouseholdRow, HouseholdNode>(ctx, {
      columns: HOUSEHOLD_COLUMNS,
      from: 'household h',
      where: and(...parts),
      sort: HOUSEHOLD_SORT,
      page,
      cursorOf: (row) => [row.village_code, row.id],
      toNode: HouseholdNode.from,
    });
  }

  /** `Household.village`: the household is in scope, so its village's public profile is shown. */
  village(ctx: Context, villageCode: string): Promise<VillageNode> {
    const loader = ctx.loaders.get<string, VillageNode>('household.village', async (codes) => {
      const byCode = new Map((await villagesByCodes(ctx.em, codes)).map((village) => [village.code, village]));
      return codes.map((code) => byCode.get(code) ?? new Error(`village ${code} is missing`));
    });
    return loader.load(villageCode);
  }

  private memberRows(ctx: Context, where: SqlFragment): Promise<MemberRow[]> {
    return membersWhere(
      ctx.em,
      and(where, scopeOf(ctx)),
      householdPolicy.idNumberVisibility(ctx.viewer, 'h.village_code'),
    );
  }

  /** `Household.members`: every member of the requested households in one statement. */
  members(ctx: Context, householdKey: string): Promise<HouseholdMemberNode[]> {
    const loader = ctx.loaders.get<string, HouseholdMemberNode[]>('household.members', async (keys) => {
      const rows = await this.memberRows(ctx, inList('m.household_id', keys));
      return keys.map((key) => rows.filter((row) => row.household_id === key).map(HouseholdMemberNode.from));
    });
    return loader.load(householdKey);
  }

  memberByKey(ctx: Context, key: string): Promise<HouseholdMemberNode | null> {
    if (!isUuid(key)) return Promise.resolve(null);
    const loader = ctx.loaders.get<string, HouseholdMemberNode | null>('household.memberByKey', async (keys) => {
      const rows = await this.memberRows(ctx, inList('m.id', keys));
      const byKey = new Map(rows.map((row) => [row.id, HouseholdMemberNode.from(row)]));
      return keys.map((k) => byKey.get(k) ?? null);
    });
    return loader.load(key.toLowerCase());
  }

  /**
   * `HouseholdMember.idNumber`: whole numbers only after the read is in the access log (the
   * log write and the answer stand or fall together); masked or hidden ones are not logged.
   */
  async idNumber(ctx: Context, member: HouseholdMemberNode, operation: string | null): Promise<string | null> {
    if (member.idNumberVisibility === IdNumberVisibility.FULL)
      await accessLogService.record(ctx, {
        householdId: member.householdKey,
        memberId: member.key,
        regionCode: member.villageCode,
        field: 'idNumber',
        operation,
      });
    return member.shownIdNumber;
  }

  /** `Household.incomes(year)`: newest year first. */
  incomes(ctx: Context, householdKey: string, year: number | null): Promise<HouseholdIncomeType[]> {
    const loader = ctx.loaders.get<string, HouseholdIncomeType[]>(
      `household.incomes:${year ?? 'all'}`,
      async (keys) => {
        const rows = await incomesOf(ctx.em, keys, year);
        return keys.map((key) => rows.filter((row) => row.household_id === key).map(HouseholdIncomeType.from));
      },
    );
    return loader.load(householdKey);
  }

  /** Where a change to households of this village happens, for the write checks. */
  place(ctx: Context, villageCode: string, em: EntityManager = ctx.em): Promise<MonitoringPlace> {
    return residentUnitsOf(em, villageCode).then((residentUnitIds) => ({ villageCode, residentUnitIds }));
  }

  /** The household (in scope) and the place it is in; FORBIDDEN unless the viewer acts for its village. */
  async requireWritable(ctx: Context, householdId: string, field = 'householdId'): Promise<HouseholdNode> {
    const household = await this.require(ctx, householdId, field);
    householdPolicy.requireWrite(ctx.viewer, await this.place(ctx, household.villageCode));
    return household;
  }

  private checkMember(member: HouseholdMemberInput, field: string): string {
    const problem = idNumberProblem(member.idNumber, todayInShanghai());
    if (problem) throw badInput(`${field}.idNumber`, `${field}.idNumber ${problem}`);
    if (!member.name.trim()) throw badInput(`${field}.name`, `${field}.name must not be blank`);
    return normaliseIdNumber(member.idNumber);
  }

  /**
   * CONFLICT naming the input field when a number is registered already. The unique index is the
   * last guard (two requests racing with one number); this check names the field for the usual case.
   * It says that the number exists, never where: that much any registry refusing duplicates tells.
   */
  private async requireNewIdNumbers(em: EntityManager, idNumbers: string[], field: (i: number) => string) {
    const taken = await query<{ id_number: string }>(
      em,
      withWhere('SELECT id_number FROM household_member', inList('id_number', idNumbers)),
    );
    const first = idNumbers.findIndex((id) => taken.some((row) => row.id_number === id));
    if (first >= 0) throw conflict(ID_NUMBER_TAKEN, [field(first)]);
  }

  private async insertMember(em: EntityManager, householdKey: string, member: HouseholdMemberInput, idNumber: string) {
    await query(
      em,
      `INSERT INTO household_member (household_id, name, id_number, relation, labour_capacity, health, schooling, employment)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        householdKey,
        member.name.trim(),
        idNumber,
        member.relation,
        member.labourCapacity,
        member.health,
        member.schooling,
        member.employment,
      ],
    );
  }

  /** `registerHousehold`: a household and its members; exactly one head; every ID number valid and new. */
  async register(ctx: Context, input: RegisterHouseholdInput): Promise<HouseholdNode> {
    const villageCode = villageCodeFromId(input.villageId);
    householdPolicy.requireWrite(ctx.viewer, await this.place(ctx, villageCode));
    const idNumbers = input.members.map((member, i) => this.checkMember(member, `members.${i}`));
    const heads = input.members.filter((m) => m.relation === HouseholdRelation.HEAD).length;
    if (heads !== 1) throw badInput('members', `${ONE_HEAD}; got ${heads}`);
    const repeated = idNumbers.findIndex((id, i) => idNumbers.indexOf(id) !== i);
    if (repeated >= 0) throw badInput(`members.${repeated}.idNumber`, 'The same ID number appears twice');
    const key = await ctx.em.transactional(async (em) => {
      const [village] = await query<{ code: string }>(em, 'SELECT code FROM village WHERE code = ?', [villageCode]);
      if (!village) throw notFound('Village not found', 'villageId');
      const [row] = await query<{ id: string }>(
        em,
        'INSERT INTO household (village_code, address, lifted_out_of_poverty) VALUES (?, ?, ?) RETURNING id',
        [villageCode, input.address?.trim() || null, input.liftedOutOfPoverty],
      );
      await this.requireNewIdNumbers(em, idNumbers, (i) => `members.${i}.idNumber`);
      for (const [i, member] of input.members.entries()) await this.insertMember(em, row.id, member, idNumbers[i]);
      return row.id;
    });
    return this.fresh(ctx, key);
  }

  /** `addHouseholdMember`. */
  async addMember(ctx: Context, input: AddHouseholdMemberInput): Promise<HouseholdMemberNode> {
    const household = await this.requireWritable(ctx, input.householdId);
    const idNumber = this.checkMember(input.member, 'member');
    if (input.member.relation === HouseholdRelation.HEAD) throw badInput('member.relation', ONE_HEAD);
    const key = await ctx.em.transactional(async (em) => {
      await this.requireNewIdNumbers(em, [idNumber], () => 'member.idNumber');
      await this.insertMember(em, household.key, input.member, idNumber);
      const [row] = await query<{ id: string }>(em, 'SELECT id FROM household_member WHERE id_number = ?', [idNumber]);
      return row.id;
    });
    return this.freshMember(ctx, key);
  }

  /** `updateHouseholdMember`: labour, health, schooling and employment change; name and ID do not. */
  async updateMember(ctx: Context, input: UpdateHouseholdMemberInput): Promise<HouseholdMemberNode> {
    const member = await this.memberByKey(ctx, uuidKeyFromInput(input.memberId, ['HouseholdMember'], 'memberId'));
    if (!member) throw notFound('Household member not found', 'memberId');
    householdPolicy.requireWrite(ctx.viewer, await this.place(ctx, member.villageCode));
    const changes: [string, string | undefined][] = [
      ['labour_capacity', input.labourCapacity],
      ['health', input.health],
      ['schooling', input.schooling],
      ['employment', input.employment],
    ];
    const set = changes.filter(([, value]) => value !== undefined && value !== null);
    if (!set.length)
      throw badInput(
        'memberId',
        'Nothing to change: give at least one of labourCapacity, health, schooling, employment',
      );
    await query(
      ctx.em,
      `UPDATE household_member SET ${set.map(([column]) => `${column} = ?`).join(', ')}, updated_at = now() WHERE id = ?`,
      [...set.map(([, value]) => value), member.key],
    );
    return this.freshMember(ctx, member.key);
  }

  /** `recordHouseholdIncome`: replaces the year's lines in one transaction. */
  async recordIncome(ctx: Context, input: RecordHouseholdIncomeInput): Promise<HouseholdNode> {
    const household = await this.requireWritable(ctx, input.householdId);
    const thisYear = Number(todayInShanghai().slice(0, 4));
    if (input.year < 2000 || input.year > thisYear) throw badInput('year', `year must be between 2000 and ${thisYear}`);
    const sources = input.lines.map((line) => line.source);
    const repeated = sources.findIndex((source, i) => sources.indexOf(source) !== i);
    if (repeated >= 0) throw badInput(`lines.${repeated}.source`, 'Each source appears at most once');
    input.lines.forEach((line, i) => amountArg(line.amount, `lines.${i}.amount`));
    await ctx.em.transactional(async (em) => {
      await query(em, 'DELETE FROM household_income WHERE household_id = ? AND year = ?', [household.key, input.year]);
      await query(
        em,
        `INSERT INTO household_income (household_id, year, source, amount)
         SELECT ?::uuid, ?::int, * FROM unnest(?::text[], ?::numeric[])`,
        [household.key, input.year, sources, input.lines.map((line) => line.amount)],
      );
    });
    return this.fresh(ctx, household.key);
  }

  /** `assessHouseholdGuarantees`: the latest assessment replaces the previous one. */
  async assessGuarantees(ctx: Context, input: AssessGuaranteesInput): Promise<HouseholdNode> {
    const household = await this.requireWritable(ctx, input.householdId);
    notFuture(input.assessedOn, 'assessedOn');
    await query(
      ctx.em,
      `UPDATE household SET guarantees_assessed_on = ?, food_secure = ?, clothing_secure = ?, education_secure = ?,
         medical_secure = ?, housing_secure = ?, water_secure = ?, guarantees_note = ?, updated_at = now() WHERE id = ?`,
      [
        input.assessedOn,
        input.food,
        input.clothing,
        input.compulsoryEducation,
        input.basicMedical,
        input.housingSafety,
        input.drinkingWater,
        input.note ?? null,
        household.key,
      ],
    );
    return this.fresh(ctx, household.key);
  }

  /** The household as it stands now, bypassing the request's cache (after a write). */
  async fresh(ctx: Context, key: string): Promise<HouseholdNode> {
    const [household] = await this.findByKeys(ctx, [key]);
    if (!household) throw notFound('Household not found');
    return household;
  }

  private async freshMember(ctx: Context, key: string): Promise<HouseholdMemberNode> {
    const [row] = await this.memberRows(ctx, { sql: 'm.id = ?', bindings: [key] });
    if (!row) throw notFound('Household member not found');
    return HouseholdMemberNode.from(row);
  }
}

export const householdService = new HouseholdService();
