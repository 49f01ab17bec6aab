import type { Context } from '../../core/context';
import { providerPolicy } from './provider.policy';
import { badInput, conflict, notFound } from '../../core/errors';
import { and, inList, query, withWhere, type SqlFragment } from '../../core/sql';
import { isUuid, uuidKeyFromInput } from '../../core/relay/global-id';
import { readPage, toConnection, type ConnectionData, type PageInput } from '../../core/relay/connection';
import { afterSql, orderBySql, type SortColumn } from '../../core/relay/keyset';
import { prefixOfCode } from '../../core/region-codes';
import { Region } from '../regions/region.entity';
import { regionCodeArg } from '../regions/region.service';
import { isValidCreditCode } from './credit-code';
import { Provider, ProviderType } from './provider.entity';
import {
  AssistanceUnitNode,
  EnterpriseNode,
  PROVIDER_COLUMNS,
  PROVIDER_TYPE_NAMES,
  ProviderNode,
  type AssistanceUnitFilter,
  type EnterpriseFilter,
  type ProviderRow,
} from './provider.types';
import type { CreateAssistanceUnitInput, CreateEnterpriseInput, UpdateEnterpriseInput } from './provider.inputs';

type PageArgs = PageInput;

const SORT: SortColumn[] = [
  { expr: 'pr.name', direction: 'asc' },
  { expr: 'pr.id', direction: 'asc' },
];

/**
 * Reads a provider global id from an input field (an AssistanceUnit or Enterprise id, or only
 * the types listed), or fails naming that field.
 */
export function providerIdArg(
  id: string,
  field: string,
  types: ProviderType[] = [ProviderType.ASSISTANCE_UNIT, ProviderType.ENTERPRISE],
): string {
  return uuidKeyFromInput(
    id,
    types.map((type) => PROVIDER_TYPE_NAMES[type]),
    field,
  );
}

/** Upper-cases and checks a credit code (GB 32100-2015 check character), or fails on `creditCode`. */
function creditCodeArg(text: string): string {
  const code = text.trim().toUpperCase();
  if (!isValidCreditCode(code)) {
    throw badInput(
      'creditCode',
      `creditCode "${text}" is not a valid unified social credit code (18 characters with a GB 32100-2015 check character)`,
    );
  }
  return code;
}

function searchSql(search: string | undefined, withCreditCode: boolean): SqlFragment[] {
  if (!search?.trim()) return [];
  const escaped = search.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
  return withCreditCode
    ? [{ sql: '(pr.name LIKE ? OR pr.credit_code LIKE ?)', bindings: [`%${escaped}%`, `${escaped.toUpperCase()}%`] }]
    : [{ sql: 'pr.name LIKE ?', bindings: [`%${escaped}%`] }];
}

export class ProviderService {
  /** Providers by uuid, limited to the viewer's scope; missing or hidden ids map to null. */
  async findByIds(ctx: Context, ids: readonly string[]): Promise<(ProviderNode | null)[]> {
    const wellFormed = ids.filter(isUuid);
    const rows = wellFormed.length
      ? await query<ProviderRow>(
          ctx.em,
          withWhere(
            `SELECT ${PROVIDER_COLUMNS} FROM provider pr`,
            and(
              inList('pr.id', wellFormed),
              providerPolicy.readable(ctx.viewer, { id: 'pr.id', home: 'pr.region_code' }),
            ),
          ),
        )
      : [];
    const byId = new Map(rows.map((row) => [row.id, ProviderNode.from(row)]));
    return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
  }

  byId(ctx: Context, id: string): Promise<ProviderNode | null> {
    return ctx.loaders.get<string, ProviderNode | null>('provider.byId', (ids) => this.findByIds(ctx, ids)).load(id);
  }

  /** `node(id)` for one provider type: null when the uuid is malformed, of the other type, absent or hidden. */
  async byTypedId(ctx: Context, type: ProviderType, key: string): Promise<ProviderNode | null> {
    if (!isUuid(key)) return null;
    const provider = await this.byId(ctx, key.toLowerCase());
    return provider?.kind === type ? provider : null;
  }

  /** A provider the caller may see, or NOT_FOUND naming the input field (hidden and absent look the same). */
  async require(ctx: Context, id: string, field: string, types?: ProviderType[]): Promise<ProviderNode> {
    const provider = await this.byId(ctx, providerIdArg(id, field, types));
    if (!provider) throw notFound('Provider not found', field);
    return provider;
  }

  /** `assistanceUnits(filter)`: ordered by name, keyset-paginated, scoped. */
  assistanceUnits(
    ctx: Context,
    filter: AssistanceUnitFilter | undefined,
    args: PageArgs,
  ): Promise<ConnectionData<AssistanceUnitNode>> {
    const conditions: SqlFragment[] = [
      { sql: `pr.type = 'ASSISTANCE_UNIT'`, bindings: [] },
      ...searchSql(filter?.search, false),
    ];
    if (filter?.kind) conditions.push({ sql: 'pr.unit_kind = ?', bindings: [filter.kind] });
    if (filter?.level) conditions.push({ sql: 'pr.unit_level = ?', bindings: [filter.level] });
    if (filter?.regionCode) conditions.push(this.homeIn(filter.regionCode));
    return this.list(ctx, conditions, args) as Promise<ConnectionData<AssistanceUnitNode>>;
  }

  /** `enterprises(filter)`: ordered by name, keyset-paginated, scoped. */
  enterprises(
    ctx: Context,
    filter: EnterpriseFilter | undefined,
    args: PageArgs,
  ): Promise<ConnectionData<EnterpriseNode>> {
    const conditions: SqlFragment[] = [
      { sql: `pr.type = 'ENTERPRISE'`, bindings: [] },
      ...searchSql(filter?.search, true),
    ];
    if (filter?.campaign) conditions.push({ sql: '? = ANY(pr.campaigns)', bindings: [filter.campaign] });
    if (filter?.regionCode) conditions.push(this.homeIn(filter.regionCode));
    return this.list(ctx, conditions, args) as Promise<ConnectionData<EnterpriseNode>>;
  }

  private homeIn(regionCode: string): SqlFragment {
    return { sql: 'pr.region_code LIKE ?', bindings: [`${prefixOfCode(regionCodeArg(regionCode, 'regionCode'))}%`] };
  }

  private async list(ctx: Context, conditions: SqlFragment[], args: PageArgs): Promise<ConnectionData<ProviderNode>> {
    const page = readPage(args);
    const where = and(providerPolicy.readable(ctx.viewer, { id: 'pr.id', home: 'pr.region_code' }), ...conditions);
    const seek = page.after ? afterSql(SORT, page.after) : undefined;
    const rows = await query<ProviderRow>(
      ctx.em,
      withWhere(
        `SELECT ${PROVIDER_COLUMNS} FROM provider pr`,
        seek ? and(where, seek) : where,
        `ORDER BY ${orderBySql(SORT)} LIMIT ${page.first + 1}`,
      ),
    );
    return toConnection(
      rows,
      page,
      (row) => [row.name, row.id],
      ProviderNode.from,
      async () => {
        const [{ count }] = await query<{ count: number }>(
          ctx.em,
          withWhere('SELECT count(*)::int AS count FROM provider pr', where),
        );
        return count;
      },
    );
  }

  /**
   * The home region of a provider being written, checked against the provider policy before
   * anything is looked up: a region official may only home providers inside its own region
   * (ADMIN anywhere, including none for central units). Then it must exist.
   */
  private async homeRegion(ctx: Context, regionCode: string | null | undefined): Promise<string | null> {
    const code = regionCode == null ? null : regionCodeArg(regionCode, 'regionCode');
    providerPolicy.requireWrite(ctx.viewer, code);
    if (code && !(await ctx.em.findOne(Region, { code })))
      throw badInput('regionCode', `regionCode ${code} does not exist`);
    return code;
  }

  /** `createAssistanceUnit`: ADMIN, or a region official for a unit homed in its region. */
  async createAssistanceUnit(ctx: Context, input: CreateAssistanceUnitInput): Promise<AssistanceUnitNode> {
    const regionCode = await this.homeRegion(ctx, input.regionCode);
    const id = await ctx.em.transactional(async (em) => {
      const unit = em.create(Provider, {
        type: ProviderType.ASSISTANCE_UNIT,
        name: input.name.trim(),
        regionCode,
        unitKind: input.kind,
        unitLevel: input.level,
        campaigns: [],
      });
      await em.flush();
      return unit.id;
    });
    return (await this.mustSee(ctx, id)) as AssistanceUnitNode;
  }

  /** `createEnterprise`: the credit code must carry a valid check character and be new (the unique index settles races). */
  async createEnterprise(ctx: Context, input: CreateEnterpriseInput): Promise<EnterpriseNode> {
    const regionCode = await this.homeRegion(ctx, input.regionCode);
    const creditCode = creditCodeArg(input.creditCode);
    const id = await ctx.em.transactional(async (em) => {
      if (await em.findOne(Provider, { creditCode }))
        throw conflict(`An enterprise with credit code ${creditCode} already exists`, ['creditCode']);
      const enterprise = em.create(Provider, {
        type: ProviderType.ENTERPRISE,
        name: input.name.trim(),
        regionCode,
        creditCode,
        ownership: input.ownership,
        industry: input.industry?.trim() || null,
        federationMember: input.federationMember,
        campaigns: [...new Set(input.campaigns ?? [])],
      });
      await em.flush();
      return enterprise.id;
    });
    return (await this.mustSee(ctx, id)) as EnterpriseNode;
  }

  /** `updateEnterprise`: ADMIN, or a region official for an enterprise homed in its region (before and after). */
  async updateEnterprise(ctx: Context, input: UpdateEnterpriseInput): Promise<EnterpriseNode> {
    const enterprise = await this.require(ctx, input.enterpriseId, 'enterpriseId', [ProviderType.ENTERPRISE]);
    providerPolicy.requireWrite(ctx.viewer, enterprise.regionCode);
    const regionCode = input.regionCode !== undefined ? await this.homeRegion(ctx, input.regionCode) : undefined;
    const creditCode = input.creditCode != null ? creditCodeArg(input.creditCode) : undefined;
    await ctx.em.transactional(async (em) => {
      const row = await em.findOneOrFail(Provider, { id: enterprise.uuid, type: ProviderType.ENTERPRISE });
      if (creditCode !== undefined && creditCode !== row.creditCode) {
        if (await em.findOne(Provider, { creditCode }))
          throw conflict(`An enterprise with credit code ${creditCode} already exists`, ['creditCode']);
        row.creditCode = creditCode;
      }
      if (input.name != null) row.name = input.name.trim();
      if (input.ownership != null) row.ownership = input.ownership;
      if (input.industry !== undefined) row.industry = input.industry?.trim() || null;
      if (input.federationMember != null) row.federationMember = input.federationMember;
      if (input.campaigns != null) row.campaigns = [...new Set(input.campaigns)];
      if (regionCode !== undefined) row.regionCode = regionCode;
    });
    return (await this.mustSee(ctx, enterprise.uuid)) as EnterpriseNode;
  }

  private async mustSee(ctx: Context, id: string): Promise<ProviderNode> {
    const [provider] = await this.findByIds(ctx, [id]);
    if (!provider) throw notFound(`Provider ${id} is not visible`);
    return provider;
  }
}

export const providerService = new ProviderService();
