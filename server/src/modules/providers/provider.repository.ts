import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../core/context';
import { and, inList, query, withWhere, type SqlFragment } from '../../core/sql';
import type { ConnectionData, Page } from '../../core/relay/connection';
import type { SortColumn } from '../../core/relay/keyset';
import { keysetPage } from '../../core/relay/keyset-page';
import { toGlobalId } from '../../core/relay/global-id';
import { Campaign, ProviderType, type Ownership, type UnitKind, type UnitLevel } from './provider.entity';
import { AssistanceUnitNode, EnterpriseNode, PROVIDER_TYPE_NAMES, type ProviderNode } from './provider.types';

/**
 * Named queries of assistance units and enterprises (one `provider` table, aliased `pr`). Scope
 * conditions come from the caller (the service asks `providerPolicy.readable`).
 */

/** A provider row as read by every provider query; the columns of the other provider type are null. */
export interface ProviderRow {
  id: string;
  type: ProviderType;
  name: string;
  region_code: string | null;
  unit_kind: UnitKind | null;
  unit_level: UnitLevel | null;
  credit_code: string | null;
  ownership: Ownership | null;
  industry: string | null;
  federation_member: boolean | null;
  campaigns: string[] | null;
  source: string | null;
}

/** Select list of a provider over the alias `pr`; other modules join `provider pr` and map with `toProvider`. */
export const PROVIDER_COLUMNS =
  'pr.id, pr.type, pr.name, pr.region_code, pr.unit_kind, pr.unit_level, pr.credit_code, pr.ownership, pr.industry, pr.federation_member, pr.campaigns, pr.source';

const BY_NAME: SortColumn[] = [
  { expr: 'pr.name', direction: 'asc' },
  { expr: 'pr.id', direction: 'asc' },
];

export function toProvider(row: ProviderRow): ProviderNode {
  const node = row.type === ProviderType.ENTERPRISE ? new EnterpriseNode() : new AssistanceUnitNode();
  node.id = toGlobalId(PROVIDER_TYPE_NAMES[row.type], row.id);
  node.key = row.id;
  node.name = row.name;
  node.kind = row.type;
  node.regionCode = row.region_code;
  node.source = row.source;
  if (node instanceof EnterpriseNode) {
    node.creditCode = row.credit_code!;
    node.ownership = row.ownership!;
    node.industry = row.industry;
    node.federationMember = row.federation_member ?? false;
    node.campaigns = (row.campaigns ?? []) as Campaign[];
  } else {
    node.unitKind = row.unit_kind!;
    node.level = row.unit_level!;
  }
  return node;
}

/** The providers with these ids (well-formed uuids) that `scope` lets through. */
export async function providersByIds(
  em: EntityManager,
  ids: readonly string[],
  scope: SqlFragment,
): Promise<ProviderNode[]> {
  if (ids.length === 0) return [];
  const rows = await query<ProviderRow>(
    em,
    withWhere(`SELECT ${PROVIDER_COLUMNS} FROM provider pr`, and(inList('pr.id', ids), scope)),
  );
  return rows.map(toProvider);
}

/** One page of the providers matching `where` (scope, type and filters over `pr`), ordered by name. */
export function providerPage(ctx: Context, where: SqlFragment, page: Page): Promise<ConnectionData<ProviderNode>> {
  return keysetPage<ProviderRow, ProviderNode>(ctx, {
    columns: PROVIDER_COLUMNS,
    from: 'provider pr',
    where,
    sort: BY_NAME,
    page,
    cursorOf: (row) => [row.name, row.id],
    toNode: toProvider,
  });
}

/** The id of the enterprise holding a credit code, if any (whoever may see it). */
export async function enterpriseWithCreditCode(em: EntityManager, creditCode: string): Promise<string | null> {
  const [row] = await query<{ id: string }>(em, 'SELECT id FROM provider WHERE credit_code = ?', [creditCode]);
  return row?.id ?? null;
}
