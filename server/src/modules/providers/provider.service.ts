import type { Context } from '../../core/context';
import { providerPolicy } from './provider.policy';
import { badInput, conflict, notFound } from '../../core/errors';
import { and, type SqlFragment } from '../../core/sql';
import { isUuid, uuidKeyFromInput } from '../../core/relay/global-id';
import { readPage, type ConnectionData, type PageInput } from '../../core/relay/connection';
import { prefixOfCode } from '../../core/region-codes';
import { regionExists } from '../regions/region.repository';
import { regionCodeArg } from '../regions/region.service';
import { isValidCreditCode } from './credit-code';
import { Provider, ProviderType } from './provider.entity';
import {
  PROVIDER_TYPE_NAMES,
  type AssistanceUnitFilter,
  type AssistanceUnitNode,
  type EnterpriseFilter,
  type EnterpriseNode,
  type ProviderNode,
} from './provider.types';
import type { CreateAssistanceUnitInput, CreateEnterpriseInput, UpdateEnterpriseInput } from './provider.inputs';
import { enterpriseWithCreditCode, providerPage, providersByIds } from './provider.repository';

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

/** A home region argument: null for none, else a region code (12 digits or its prefix). */
const homeRegionArg = (regionCode: string | null | undefined): string | null =>
  regionCode == null ? null : regionCodeArg(regionCode, 'regionCode');

function searchSql(search: string | undefined, withCreditCode: boolean): SqlFragment[] {
  if (!search?.trim()) return [];
  const escaped = search.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
  return withCreditCode
    ? [{ sql: '(pr.name LIKE ? OR pr.credit_code LIKE ?)', bindings: [`%${escaped}%`, `${escaped.toUpperCase()}%`] }]
    : [{ sql: 'pr.name LIKE ?', bindings: [`%${escaped}%`] }];
}

const homeIn = (regionCode: string): SqlFragment => ({
  sql: 'pr.region_code LIKE ?',
  bindings: [`${prefixOfCode(regionCodeArg(regionCode, 'regionCode'))}%`],
});

export class ProviderService {
  /** Providers by uuid, limited to the viewer's scope; missing, malformed or hidden ids map to null. */
  async findByKeys(ctx: Context, ids: readonly string[]): Promise<(ProviderNode | null)[]> {
    const scope = providerPolicy.readable(ctx.viewer, { id: 'pr.id', home: 'pr.region_code' });
    const found = await providersByIds(ctx.em, ids.filter(isUuid), scope);
    const byKey = new Map(found.map((provider) => [provider.key, provider]));
    return ids.map((id) => byKey.get(id.toLowerCase()) ?? null);
  }

  /** One provider by its uuid (the key inside its global id), batched per request. */
  byKey(ctx: Context, id: string): Promise<ProviderNode | null> {
    return ctx.loaders
      .get<string, ProviderNode | null>('provider.byKey', (ids) => this.findByKeys(ctx, ids))
      .load(id.toLowerCase());
  }

  /**
   * Seeds this request's provider loader with providers another statement has already read under
   * the same provider scope (null for a hidden one), so `byKey` answers them without a statement.
   * A key the loader holds already is left as it is.
   */
  prime(ctx: Context, providers: ReadonlyMap<string, ProviderNode | null>): void {
    const loader = ctx.loaders.get<string, ProviderNode | null>('provider.byKey', (ids) => this.findByKeys(ctx, ids));
    for (const [id, provider] of providers) loader.prime(id.toLowerCase(), provider);
  }

  /** `node(id)` for one provider type: null when the uuid is malformed, of the other type, absent or hidden. */
  async byTypedKey(ctx: Context, type: ProviderType, key: string): Promise<ProviderNode | null> {
    if (!isUuid(key)) return null;
    const provider = await this.byKey(ctx, key);
    return provider?.kind === type ? provider : null;
  }

  /** A provider the caller may see, or NOT_FOUND naming the input field (hidden and absent look the same). */
  async require(ctx: Context, id: string, field: string, types?: ProviderType[]): Promise<ProviderNode> {
    const provider = await this.byKey(ctx, providerIdArg(id, field, types));
    if (!provider) throw notFound('Provider not found', field);
    return provider;
  }

  /** `assistanceUnits(filter)`: ordered by name, keyset-paginated, scoped. */
  assistanceUnits(
    ctx: Context,
    filter: AssistanceUnitFilter | undefined,
    args: PageInput,
  ): Promise<ConnectionData<AssistanceUnitNode>> {
    const conditions: SqlFragment[] = [
      providerPolicy.readable(ctx.viewer, { id: 'pr.id', home: 'pr.region_code' }),
      { sql: `pr.type = 'ASSISTANCE_UNIT'`, bindings: [] },
      ...searchSql(filter?.search, false),
    ];
    if (filter?.kind) conditions.push({ sql: 'pr.unit_kind = ?', bindings: [filter.kind] });
    if (filter?.level) conditions.push({ sql: 'pr.unit_level = ?', bindings: [filter.level] });
    if (filter?.regionCode) conditions.push(homeIn(filter.regionCode));
    return providerPage(ctx, and(...conditions), readPage(args)) as Promise<ConnectionData<AssistanceUnitNode>>;
  }

  /** `enterprises(filter)`: ordered by name, keyset-paginated, scoped. */
  enterprises(
    ctx: Context,
    filter: EnterpriseFilter | undefined,
    args: PageInput,
  ): Promise<ConnectionData<EnterpriseNode>> {
    const conditions: SqlFragment[] = [
      providerPolicy.readable(ctx.viewer, { id: 'pr.id', home: 'pr.region_code' }),
      { sql: `pr.type = 'ENTERPRISE'`, bindings: [] },
      ...searchSql(filter?.search, true),
    ];
    if (filter?.campaign) conditions.push({ sql: '? = ANY(pr.campaigns)', bindings: [filter.campaign] });
    if (filter?.regionCode) conditions.push(homeIn(filter.regionCode));
    return providerPage(ctx, and(...conditions), readPage(args)) as Promise<ConnectionData<EnterpriseNode>>;
  }

  /** `createAssistanceUnit`: ADMIN, or a region official for a unit homed in its region. */
  async createAssistanceUnit(ctx: Context, input: CreateAssistanceUnitInput): Promise<AssistanceUnitNode> {
    const regionCode = homeRegionArg(input.regionCode);
    providerPolicy.requireWrite(ctx.viewer, regionCode);
    await this.requireRegionExists(ctx, regionCode);
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
    const regionCode = homeRegionArg(input.regionCode);
    providerPolicy.requireWrite(ctx.viewer, regionCode);
    await this.requireRegionExists(ctx, regionCode);
    const creditCode = creditCodeArg(input.creditCode);
    const id = await ctx.em.transactional(async (em) => {
      if (await enterpriseWithCreditCode(em, creditCode))
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
    const regionCode = input.regionCode !== undefined ? homeRegionArg(input.regionCode) : undefined;
    if (regionCode !== undefined) {
      providerPolicy.requireWrite(ctx.viewer, regionCode);
      await this.requireRegionExists(ctx, regionCode);
    }
    const creditCode = input.creditCode != null ? creditCodeArg(input.creditCode) : undefined;
    await ctx.em.transactional(async (em) => {
      const row = await em.findOneOrFail(Provider, { id: enterprise.key, type: ProviderType.ENTERPRISE });
      if (creditCode !== undefined && creditCode !== row.creditCode) {
        if (await enterpriseWithCreditCode(em, creditCode))
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
    return (await this.mustSee(ctx, enterprise.key)) as EnterpriseNode;
  }

  /** A provider's home region must exist (none is allowed: central units have no home region). */
  private async requireRegionExists(ctx: Context, regionCode: string | null): Promise<void> {
    if (regionCode && !(await regionExists(ctx.em, regionCode)))
      throw badInput('regionCode', `regionCode ${regionCode} does not exist`);
  }

  private async mustSee(ctx: Context, id: string): Promise<ProviderNode> {
    const [provider] = await this.findByKeys(ctx, [id]);
    if (!provider) throw notFound(`Provider ${id} is not visible`);
    return provider;
  }
}

export const providerService = new ProviderService();
