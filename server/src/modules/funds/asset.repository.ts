import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../core/context';
import { and, inList, query, withWhere, type SqlFragment } from '../../core/sql';
import { toGlobalId } from '../../core/relay/global-id';
import { keysetPage } from '../../core/relay/keyset-page';
import { pagesByParent } from '../../core/relay/batched-pages';
import type { ConnectionData, Page } from '../../core/relay/connection';
import type { SortColumn } from '../../core/relay/keyset';
import type { AssetOwnerKind, AssetStatus, AssetType, BenefitLink, DisposalKind, DisposalStatus } from './funds.enums';
import { AssetDisposalNode, AssetIncomeType, AssetLedgerLineType, ProjectAssetNode } from './asset.types';
import { write } from './write';

/** The named queries of project assets (扶贫项目资产), their income and disposals. */

export interface AssetRow {
  id: string;
  project_id: string;
  village_code: string;
  name: string;
  type: AssetType;
  owner_kind: AssetOwnerKind;
  owner_name: string;
  operator: string | null;
  upkeep_body: string;
  value: string;
  benefit_link: BenefitLink | null;
  formed_on: string;
  status: AssetStatus;
  disposed_on: string | null;
}

const ASSET_COLUMNS = `a.id, a.project_id, a.village_code, a.name, a.type, a.owner_kind, a.owner_name, a.operator,
  a.upkeep_body, a.value::text AS value, a.benefit_link, a.formed_on::text AS formed_on, a.status,
  a.disposed_on::text AS disposed_on`;

export function toAssetNode(row: AssetRow): ProjectAssetNode {
  const node = new ProjectAssetNode();
  node.id = toGlobalId('ProjectAsset', row.id);
  node.uuid = row.id;
  node.projectId = row.project_id;
  node.villageCode = row.village_code;
  node.name = row.name;
  node.type = row.type;
  node.ownerKind = row.owner_kind;
  node.ownerName = row.owner_name;
  node.operator = row.operator;
  node.upkeepBody = row.upkeep_body;
  node.value = row.value;
  node.benefitLink = row.benefit_link;
  node.formedOn = row.formed_on;
  node.status = row.status;
  node.disposedOn = row.disposed_on;
  return node;
}

/** By village, then the order registered (ids are random, so the id only breaks ties). */
const ASSET_SORT: SortColumn[] = [
  { expr: 'a.village_code', direction: 'asc' },
  { expr: 'a.formed_on', direction: 'asc' },
  { expr: 'a.id', direction: 'asc' },
];
const assetCursor = (row: AssetRow) => [row.village_code, row.formed_on, row.id];

export function assetsByIds(em: EntityManager, ids: readonly string[], scope: SqlFragment): Promise<AssetRow[]> {
  return query<AssetRow>(
    em,
    withWhere(`SELECT ${ASSET_COLUMNS} FROM project_asset a`, and(inList('a.id', ids), scope)),
  );
}

export function assetPage(ctx: Context, where: SqlFragment, page: Page): Promise<ConnectionData<ProjectAssetNode>> {
  return keysetPage(ctx, {
    columns: ASSET_COLUMNS,
    from: 'project_asset a',
    where,
    sort: ASSET_SORT,
    page,
    cursorOf: assetCursor,
    toNode: toAssetNode,
  });
}

/** Pages of assets for many projects ('a.project_id') or villages ('a.village_code') at once. */
export function assetPages(
  ctx: Context,
  keys: readonly string[],
  keyExpr: 'a.project_id' | 'a.village_code',
  scope: SqlFragment,
  page: Page,
): Promise<ConnectionData<ProjectAssetNode>[]> {
  return pagesByParent<AssetRow, ProjectAssetNode>(ctx, {
    keys,
    keyExpr,
    columns: ASSET_COLUMNS,
    from: 'project_asset a',
    where: scope,
    sort: ASSET_SORT,
    page,
    cursorOf: assetCursor,
    toNode: toAssetNode,
  });
}

export async function lockAsset(em: EntityManager, id: string): Promise<AssetRow | undefined> {
  const [row] = await query<AssetRow>(em, {
    sql: `SELECT ${ASSET_COLUMNS} FROM project_asset a WHERE a.id = ? FOR UPDATE`,
    bindings: [id],
  });
  return row;
}

export async function insertAsset(
  em: EntityManager,
  asset: {
    projectId: string;
    villageCode: string;
    name: string;
    type: AssetType;
    ownerKind: AssetOwnerKind;
    ownerName: string;
    operator: string | null;
    upkeepBody: string;
    value: string;
    benefitLink: BenefitLink | null;
    formedOn: string;
  },
): Promise<string> {
  const [{ id }] = await write<{ id: string }>(em, {
    sql: `INSERT INTO project_asset (project_id, village_code, name, type, owner_kind, owner_name, operator, upkeep_body, value, benefit_link, formed_on)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    bindings: [
      asset.projectId,
      asset.villageCode,
      asset.name,
      asset.type,
      asset.ownerKind,
      asset.ownerName,
      asset.operator,
      asset.upkeepBody,
      asset.value,
      asset.benefitLink,
      asset.formedOn,
    ],
  });
  return id;
}

// ---- income ----------------------------------------------------------------------------------

export interface IncomeRow {
  asset_id: string;
  year: number;
  amount: string;
  monitored_households_percent: string;
  upkeep_percent: string;
  public_works_percent: string;
  to_monitored_households: string;
  to_upkeep: string;
  to_public_works: string;
}

export function toIncome(row: IncomeRow): AssetIncomeType {
  return Object.assign(new AssetIncomeType(), {
    year: row.year,
    amount: row.amount,
    monitoredHouseholdsPercent: row.monitored_households_percent,
    upkeepPercent: row.upkeep_percent,
    publicWorksPercent: row.public_works_percent,
    toMonitoredHouseholds: row.to_monitored_households,
    toUpkeep: row.to_upkeep,
    toPublicWorks: row.to_public_works,
  });
}

export function incomesOf(em: EntityManager, assetIds: readonly string[]): Promise<IncomeRow[]> {
  return query<IncomeRow>(
    em,
    withWhere(
      `SELECT i.asset_id, i.year, i.amount::text AS amount, i.monitored_households_percent::text AS monitored_households_percent,
        i.upkeep_percent::text AS upkeep_percent, i.public_works_percent::text AS public_works_percent,
        i.to_monitored_households::text AS to_monitored_households, i.to_upkeep::text AS to_upkeep, i.to_public_works::text AS to_public_works
       FROM asset_income i`,
      inList('i.asset_id', assetIds),
      'ORDER BY i.asset_id, i.year DESC',
    ),
  );
}

/** Records a year's income; recording the same year again replaces it (a correction). */
export async function upsertIncome(
  em: EntityManager,
  income: {
    assetId: string;
    year: number;
    amount: string;
    monitoredHouseholdsPercent: string;
    upkeepPercent: string;
    publicWorksPercent: string;
    toMonitoredHouseholds: string;
    toUpkeep: string;
    toPublicWorks: string;
  },
): Promise<void> {
  await write(em, {
    sql: `INSERT INTO asset_income (asset_id, year, amount, monitored_households_percent, upkeep_percent, public_works_percent,
        to_monitored_households, to_upkeep, to_public_works)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (asset_id, year) DO UPDATE SET amount = excluded.amount,
        monitored_households_percent = excluded.monitored_households_percent, upkeep_percent = excluded.upkeep_percent,
        public_works_percent = excluded.public_works_percent, to_monitored_households = excluded.to_monitored_households,
        to_upkeep = excluded.to_upkeep, to_public_works = excluded.to_public_works, recorded_at = now()`,
    bindings: [
      income.assetId,
      income.year,
      income.amount,
      income.monitoredHouseholdsPercent,
      income.upkeepPercent,
      income.publicWorksPercent,
      income.toMonitoredHouseholds,
      income.toUpkeep,
      income.toPublicWorks,
    ],
  });
}

// ---- disposals -------------------------------------------------------------------------------

export interface DisposalRow {
  id: string;
  asset_id: string;
  kind: DisposalKind;
  reason: string;
  requested_on: string;
  status: DisposalStatus;
  decided_on: string | null;
  decision_note: string | null;
}

const DISPOSAL_COLUMNS = `d.id, d.asset_id, d.kind, d.reason, d.requested_on::text AS requested_on, d.status,
  d.decided_on::text AS decided_on, d.decision_note`;

export function toDisposalNode(row: DisposalRow): AssetDisposalNode {
  const node = new AssetDisposalNode();
  node.id = toGlobalId('AssetDisposal', row.id);
  node.uuid = row.id;
  node.assetId = row.asset_id;
  node.kind = row.kind;
  node.reason = row.reason;
  node.requestedOn = row.requested_on;
  node.status = row.status;
  node.decidedOn = row.decided_on;
  node.decisionNote = row.decision_note;
  return node;
}

/** Disposals by id; `scope` is a condition over their asset `a`. */
export function disposalsByIds(em: EntityManager, ids: readonly string[], scope: SqlFragment): Promise<DisposalRow[]> {
  return query<DisposalRow>(
    em,
    withWhere(
      `SELECT ${DISPOSAL_COLUMNS} FROM asset_disposal d JOIN project_asset a ON a.id = d.asset_id`,
      and(inList('d.id', ids), scope),
    ),
  );
}

export function disposalsOf(em: EntityManager, assetIds: readonly string[]): Promise<DisposalRow[]> {
  return query<DisposalRow>(
    em,
    withWhere(
      `SELECT ${DISPOSAL_COLUMNS} FROM asset_disposal d`,
      inList('d.asset_id', assetIds),
      'ORDER BY d.asset_id, d.requested_on, d.id',
    ),
  );
}

export async function insertDisposal(
  em: EntityManager,
  disposal: { assetId: string; kind: DisposalKind; reason: string; requestedOn: string; requestedByRole: string },
): Promise<string> {
  const [{ id }] = await write<{ id: string }>(em, {
    sql: `INSERT INTO asset_disposal (asset_id, kind, reason, requested_on, requested_by_role) VALUES (?, ?, ?, ?, ?) RETURNING id`,
    bindings: [disposal.assetId, disposal.kind, disposal.reason, disposal.requestedOn, disposal.requestedByRole],
  });
  return id;
}

export async function lockDisposal(em: EntityManager, id: string): Promise<DisposalRow | undefined> {
  const [row] = await query<DisposalRow>(em, {
    sql: `SELECT ${DISPOSAL_COLUMNS} FROM asset_disposal d WHERE d.id = ? FOR UPDATE`,
    bindings: [id],
  });
  return row;
}

export async function decideDisposal(
  em: EntityManager,
  decision: {
    id: string;
    assetId: string;
    approve: boolean;
    decidedOn: string;
    note: string | null;
    role: string;
    region: string | null;
  },
): Promise<void> {
  await write(em, {
    sql: `UPDATE asset_disposal SET status = ?, decided_on = ?, decision_note = ?, decided_by_role = ?, decided_by_region = ? WHERE id = ?`,
    bindings: [
      decision.approve ? 'APPROVED' : 'REJECTED',
      decision.decidedOn,
      decision.note,
      decision.role,
      decision.region,
      decision.id,
    ],
  });
  if (decision.approve)
    await write(em, {
      sql: `UPDATE project_asset SET status = 'DISPOSED', disposed_on = ? WHERE id = ?`,
      bindings: [decision.decidedOn, decision.assetId],
    });
}

// ---- the ledger ------------------------------------------------------------------------------

interface LedgerRow {
  key: string;
  name: string | null;
  assets: number;
  disposed: number;
  value_in_use: string;
  income: string;
  to_monitored_households: string;
  to_upkeep: string;
  to_public_works: string;
}

function toLedgerLine(row: LedgerRow): AssetLedgerLineType {
  return Object.assign(new AssetLedgerLineType(), {
    key: row.key,
    name: row.name,
    assets: row.assets,
    disposed: row.disposed,
    valueInUse: row.value_in_use,
    income: row.income,
    toMonitoredHouseholds: row.to_monitored_households,
    toUpkeep: row.to_upkeep,
    toPublicWorks: row.to_public_works,
  });
}

/**
 * The asset ledger (资产台账) in one statement: totals, by type and by village, over the assets
 * `where` selects, with the income of `year`. GROUPING SETS keep the three views consistent.
 */
export async function ledger(
  em: EntityManager,
  where: SqlFragment,
  year: number,
): Promise<{ total: AssetLedgerLineType; byType: AssetLedgerLineType[]; byVillage: AssetLedgerLineType[] }> {
  const rows = await query<LedgerRow & { grouping: number }>(em, {
    sql: `SELECT grouping(a.type, a.village_code)::int AS grouping,
        coalesce(a.type, a.village_code, '') AS key, CASE WHEN grouping(a.village_code) = 0 THEN max(r.name) END AS name,
        count(*)::int AS assets, count(*) FILTER (WHERE a.status = 'DISPOSED')::int AS disposed,
        coalesce(sum(a.value) FILTER (WHERE a.status = 'IN_USE'), 0.00)::text AS value_in_use,
        coalesce(sum(i.amount), 0.00)::text AS income,
        coalesce(sum(i.to_monitored_households), 0.00)::text AS to_monitored_households,
        coalesce(sum(i.to_upkeep), 0.00)::text AS to_upkeep,
        coalesce(sum(i.to_public_works), 0.00)::text AS to_public_works
      FROM project_asset a JOIN region r ON r.code = a.village_code
        LEFT JOIN asset_income i ON i.asset_id = a.id AND i.year = ?
      WHERE ${where.sql}
      GROUP BY GROUPING SETS ((), (a.type), (a.village_code))
      ORDER BY 1, 2`,
    bindings: [year, ...where.bindings],
  });
  const empty: LedgerRow = {
    key: '',
    name: null,
    assets: 0,
    disposed: 0,
    value_in_use: '0',
    income: '0',
    to_monitored_households: '0',
    to_upkeep: '0',
    to_public_works: '0',
  };
  // grouping(): 3 = grand total, 1 = by type (village rolled up), 2 = by village (type rolled up).
  return {
    total: toLedgerLine(rows.find((r) => r.grouping === 3) ?? empty),
    byType: rows.filter((r) => r.grouping === 1).map(toLedgerLine),
    byVillage: rows.filter((r) => r.grouping === 2).map(toLedgerLine),
  };
}
