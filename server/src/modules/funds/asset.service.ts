import type { Context } from '../../core/context';
import { badInput, notFound } from '../../core/errors';
import { and, type SqlFragment } from '../../core/sql';
import { isUuid, uuidKeyFromInput } from '../../core/relay/global-id';
import { readPage, type ConnectionData, type PageInput } from '../../core/relay/connection';
import { prefixOfCode } from '../../core/region-codes';
import { todayInShanghai } from '../../core/dates';
import { regionCodeArg, regionService } from '../regions/region.service';
import { villageCodeFromId } from '../villages/village.service';
import { assetPolicy } from './asset.policy';
import { AssetOwnerKind, AssetStatus, AssetType, ProjectStatus } from './funds.enums';
import { ASSET_FORMING_STATUSES } from './project-workflow';
import { distributeIncome, sharesRefusal } from './income-distribution';
import {
  AssetLedgerType,
  type AssetDisposalNode,
  type AssetFilter,
  type AssetIncomeType,
  type ProjectAssetNode,
} from './asset.types';
import type {
  DecideAssetDisposalInput,
  RecordAssetIncomeInput,
  RegisterProjectAssetInput,
  RequestAssetDisposalInput,
} from './asset.inputs';
import { forgetReads } from './write';
import * as assets from './asset.repository';
import { projectService } from './project.service';
import { amountArg, notFuture, textArg, yearArg } from './arguments';

const assetIdArg = (id: string, field: string) => uuidKeyFromInput(id, ['ProjectAsset'], field);
const disposalIdArg = (id: string, field: string) => uuidKeyFromInput(id, ['AssetDisposal'], field);

export class AssetService {
  private scope(ctx: Context): SqlFragment {
    return assetPolicy.readable(ctx.viewer, { village: 'a.village_code', project: 'a.project_id' });
  }

  async findByKeys(ctx: Context, ids: readonly string[]): Promise<(ProjectAssetNode | null)[]> {
    const wellFormed = ids.filter(isUuid);
    const rows = wellFormed.length ? await assets.assetsByIds(ctx.em, wellFormed, this.scope(ctx)) : [];
    const byId = new Map(rows.map((row) => [row.id, assets.toAssetNode(row)]));
    return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
  }

  byKey(ctx: Context, id: string): Promise<ProjectAssetNode | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return ctx.loaders
      .get<string, ProjectAssetNode | null>('asset.byKey', (ids) => this.findByKeys(ctx, ids))
      .load(id.toLowerCase());
  }

  async require(ctx: Context, id: string, field: string): Promise<ProjectAssetNode> {
    const asset = await this.byKey(ctx, assetIdArg(id, field));
    if (!asset) throw notFound('Asset not found', field);
    return asset;
  }

  /** `assets(filter)`: by village, keyset-paginated, scoped. */
  list(ctx: Context, filter: AssetFilter | undefined, args: PageInput): Promise<ConnectionData<ProjectAssetNode>> {
    const page = readPage(args);
    const conditions: SqlFragment[] = [this.scope(ctx)];
    if (filter?.regionCode)
      conditions.push({
        sql: 'a.village_code LIKE ?',
        bindings: [`${prefixOfCode(regionCodeArg(filter.regionCode, 'filter.regionCode'))}%`],
      });
    if (filter?.type) conditions.push({ sql: 'a.type = ?', bindings: [filter.type] });
    if (filter?.status) conditions.push({ sql: 'a.status = ?', bindings: [filter.status] });
    if (filter?.projectId)
      conditions.push({
        sql: 'a.project_id = ?',
        bindings: [uuidKeyFromInput(filter.projectId, ['Project'], 'filter.projectId')],
      });
    return assets.assetPage(ctx, and(...conditions), page);
  }

  /** `Project.assets` and `Village.assets`, batched over the parents of a request. */
  assetsOf(
    ctx: Context,
    parent: 'project' | 'village',
    key: string,
    args: PageInput,
  ): Promise<ConnectionData<ProjectAssetNode>> {
    const page = readPage(args);
    const keyExpr = parent === 'project' ? 'a.project_id' : 'a.village_code';
    return ctx.loaders
      .get<string, ConnectionData<ProjectAssetNode>>(`asset.of.${parent}:${JSON.stringify(page)}`, (keys) =>
        assets.assetPages(ctx, keys, keyExpr, this.scope(ctx), page),
      )
      .load(key);
  }

  incomes(ctx: Context, assetId: string): Promise<AssetIncomeType[]> {
    return ctx.loaders
      .get<string, AssetIncomeType[]>('asset.incomes', async (ids) => {
        const rows = await assets.incomesOf(ctx.em, ids);
        return ids.map((id) => rows.filter((r) => r.asset_id === id).map(assets.toIncome));
      })
      .load(assetId);
  }

  disposals(ctx: Context, assetId: string): Promise<AssetDisposalNode[]> {
    return ctx.loaders
      .get<string, AssetDisposalNode[]>('asset.disposals', async (ids) => {
        const rows = await assets.disposalsOf(ctx.em, ids);
        return ids.map((id) => rows.filter((r) => r.asset_id === id).map(assets.toDisposalNode));
      })
      .load(assetId);
  }

  /** A disposal by uuid, visible with its asset (for `node(id)`). */
  async disposalByKey(ctx: Context, id: string): Promise<AssetDisposalNode | null> {
    if (!isUuid(id)) return null;
    const [row] = await assets.disposalsByIds(ctx.em, [id.toLowerCase()], this.scope(ctx));
    return row ? assets.toDisposalNode(row) : null;
  }

  /**
   * `registerProjectAsset`: an asset formed by an accepted (or evaluated) project, in a village it
   * serves. Household assets belong to the household, every other to the village collective
   * (`000_…` 4); operating assets carry a benefit link (`002_…` 九). Formed not before the project
   * was accepted and not in the future.
   */
  async register(ctx: Context, input: RegisterProjectAssetInput): Promise<ProjectAssetNode> {
    const project = await projectService.require(ctx, input.projectId, 'projectId');
    const villageCode = villageCodeFromId(input.villageId, 'villageId');
    assetPolicy.requireWrite(ctx.viewer, villageCode);
    if (!ASSET_FORMING_STATUSES.includes(project.status))
      throw badInput('projectId', `assets are formed by accepted projects; this one is ${project.status}`);
    const { village_codes } = await projectService.facts(ctx, project.uuid);
    if (!village_codes.includes(villageCode)) throw badInput('villageId', 'the project does not serve this village');
    const accepted = (await projectService.history(ctx, project.uuid)).find((h) => h.to === ProjectStatus.ACCEPTED);
    notFuture(input.formedOn, 'formedOn');
    if (accepted && input.formedOn < accepted.date)
      throw badInput('formedOn', `formedOn must not be before the project was accepted (${accepted.date})`);
    if (input.type === AssetType.OPERATING && !input.benefitLink)
      throw badInput('benefitLink', 'an operating asset needs a benefit link (契约型、分红型、股份型)');
    const id = await ctx.em.transactional((em) =>
      assets.insertAsset(em, {
        projectId: project.uuid,
        villageCode,
        name: textArg(input.name, 'name'),
        type: input.type,
        ownerKind: input.type === AssetType.HOUSEHOLD ? AssetOwnerKind.HOUSEHOLD : AssetOwnerKind.VILLAGE_COLLECTIVE,
        ownerName: textArg(input.ownerName, 'ownerName'),
        operator: input.operator ? textArg(input.operator, 'operator') : null,
        upkeepBody: textArg(input.upkeepBody, 'upkeepBody'),
        value: amountArg(input.value, 'value', { allowZero: true }),
        benefitLink: input.benefitLink ?? null,
        formedOn: input.formedOn,
      }),
    );
    forgetReads(ctx);
    return this.mustSee(ctx, id);
  }

  /**
   * `recordAssetIncome`: a year's income and its distribution (see income-distribution.ts). Not for
   * household assets, whose income is the household's own (依法确权到农户 … 由其自主管理和运营, `000_…` 4);
   * not for years before the asset was formed, after it was disposed, or still to come.
   */
  async recordIncome(
    ctx: Context,
    input: RecordAssetIncomeInput,
  ): Promise<{ asset: ProjectAssetNode; income: AssetIncomeType }> {
    const asset = await this.require(ctx, input.assetId, 'assetId');
    assetPolicy.requireWrite(ctx.viewer, asset.villageCode);
    const year = yearArg(input.year);
    if (asset.type === AssetType.HOUSEHOLD)
      throw badInput('assetId', 'the income of a household asset is the household’s own and is not distributed');
    if (year < Number(asset.formedOn.slice(0, 4)) || year > Number(todayInShanghai().slice(0, 4)))
      throw badInput('year', `year must lie between the year the asset was formed and this year`);
    if (asset.disposedOn && year > Number(asset.disposedOn.slice(0, 4)))
      throw badInput('year', `the asset was disposed in ${asset.disposedOn.slice(0, 4)}`);
    const amount = amountArg(input.amount, 'amount', { allowZero: true });
    const shares = {
      monitoredHouseholdsPercent: input.monitoredHouseholdsPercent,
      upkeepPercent: input.upkeepPercent,
      publicWorksPercent: input.publicWorksPercent,
    };
    const refusal = sharesRefusal(shares);
    if (refusal) throw badInput(refusal.field, refusal.message);
    const distribution = distributeIncome(amount, shares);
    await ctx.em.transactional(async (em) => {
      if (!(await assets.lockAsset(em, asset.uuid))) throw notFound('Asset not found', 'assetId');
      await assets.upsertIncome(em, { assetId: asset.uuid, year, amount, ...shares, ...distribution });
    });
    forgetReads(ctx);
    const income = (await assets.incomesOf(ctx.em, [asset.uuid])).find((i) => i.year === year)!;
    return { asset, income: assets.toIncome(income) };
  }

  /** `requestAssetDisposal`: one open request per asset, for an asset in use. */
  async requestDisposal(
    ctx: Context,
    input: RequestAssetDisposalInput,
  ): Promise<{ disposal: AssetDisposalNode; asset: ProjectAssetNode }> {
    const asset = await this.require(ctx, input.assetId, 'assetId');
    assetPolicy.requireWrite(ctx.viewer, asset.villageCode);
    const reason = textArg(input.reason, 'reason');
    notFuture(input.requestedOn, 'requestedOn');
    if (input.requestedOn < asset.formedOn)
      throw badInput('requestedOn', `requestedOn must not be before the asset was formed (${asset.formedOn})`);
    const id = await ctx.em.transactional(async (em) => {
      const current = await assets.lockAsset(em, asset.uuid);
      if (!current) throw notFound('Asset not found', 'assetId');
      if (current.status !== AssetStatus.IN_USE) throw badInput('assetId', 'the asset is already disposed');
      return assets.insertDisposal(em, {
        assetId: asset.uuid,
        kind: input.kind,
        reason,
        requestedOn: input.requestedOn,
        requestedByRole: ctx.viewer.role,
      });
    });
    forgetReads(ctx);
    return { disposal: (await this.disposalByKey(ctx, id))!, asset };
  }

  /** `decideAssetDisposal`: the county approves (the asset is disposed that day) or rejects an open request. */
  async decideDisposal(
    ctx: Context,
    input: DecideAssetDisposalInput,
  ): Promise<{ disposal: AssetDisposalNode; asset: ProjectAssetNode }> {
    const disposal = await this.disposalByKey(ctx, disposalIdArg(input.disposalId, 'disposalId'));
    if (!disposal) throw notFound('Disposal request not found', 'disposalId');
    const asset = await this.byKey(ctx, disposal.assetId);
    if (!asset) throw notFound('Disposal request not found', 'disposalId');
    assetPolicy.requireApprove(ctx.viewer, asset.villageCode);
    notFuture(input.decidedOn, 'decidedOn');
    if (input.decidedOn < disposal.requestedOn)
      throw badInput('decidedOn', `decidedOn must not be before the request (${disposal.requestedOn})`);
    await ctx.em.transactional(async (em) => {
      const current = await assets.lockDisposal(em, disposal.uuid);
      if (!current) throw notFound('Disposal request not found', 'disposalId');
      if (current.status !== 'REQUESTED') throw badInput('disposalId', `the request is already ${current.status}`);
      if (!(await assets.lockAsset(em, asset.uuid))) throw notFound('Asset not found', 'disposalId');
      await assets.decideDisposal(em, {
        id: current.id,
        assetId: asset.uuid,
        approve: input.approve,
        decidedOn: input.decidedOn,
        note: input.note ? textArg(input.note, 'note') : null,
        role: ctx.viewer.role,
        region: ctx.viewer.regionCode ?? null,
      });
    });
    forgetReads(ctx);
    const [after] = await this.findByKeys(ctx, [asset.uuid]);
    return { disposal: (await this.disposalByKey(ctx, disposal.uuid))!, asset: after! };
  }

  /** `assetLedger(regionCode, year)`: the ledger of a village, county or larger region (see AssetLedgerType). */
  async ledger(ctx: Context, regionCode: string, year: number | null | undefined): Promise<AssetLedgerType> {
    const code = regionCodeArg(regionCode, 'regionCode');
    const ledgerYear = yearArg(year ?? Number(todayInShanghai().slice(0, 4)));
    if (!(await regionService.byKey(ctx, code))) throw notFound(`Region ${code} not found`, 'regionCode');
    assetPolicy.requireLedger(ctx.viewer, code);
    const where = and(this.scope(ctx), { sql: 'a.village_code LIKE ?', bindings: [`${prefixOfCode(code)}%`] });
    return Object.assign(new AssetLedgerType(), {
      regionCode: code,
      year: ledgerYear,
      ...(await assets.ledger(ctx.em, where, ledgerYear)),
    });
  }

  private async mustSee(ctx: Context, id: string): Promise<ProjectAssetNode> {
    const [asset] = await this.findByKeys(ctx, [id]);
    if (!asset) throw notFound(`Asset ${id} is not visible`);
    return asset;
  }
}

export const assetService = new AssetService();
