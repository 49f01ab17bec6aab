import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsOptional } from 'class-validator';
import { Node } from '../../core/relay/node';
import { ConnectionType } from '../../core/relay/connection';
import { DateScalar, DecimalScalar } from '../../core/scalars';
import { AssetOwnerKind, AssetStatus, AssetType, BenefitLink, DisposalKind, DisposalStatus } from './funds.enums';

@ObjectType('ProjectAsset', {
  implements: Node,
  description:
    'An asset formed by an accepted project (扶贫项目资产): 资产家底清晰、产权归属明晰、类型界定科学、管护职责明确 (000_ed3d1c40eab019cc.txt 4)',
})
export class ProjectAssetNode extends Node {
  @Field({ description: 'Name (资产名称)' })
  name: string;

  @Field(() => AssetType, { description: 'Type (资产类型)' })
  type: AssetType;

  @Field(() => AssetOwnerKind, { description: 'Owner (产权归属)' })
  ownerKind: AssetOwnerKind;

  @Field({ description: 'Owner’s name: the village collective economic organisation or the household (产权人)' })
  ownerName: string;

  @Field(() => String, { nullable: true, description: 'Operator (经营主体)' })
  operator: string | null;

  @Field({ description: 'Upkeep body (管护主体)' })
  upkeepBody: string;

  @Field(() => DecimalScalar, { description: 'Value, yuan (资产价值, 元)' })
  value: string;

  @Field(() => BenefitLink, {
    nullable: true,
    description: 'Benefit link (利益联结机制); required for operating assets',
  })
  benefitLink: BenefitLink | null;

  @Field(() => DateScalar, { description: 'Date formed (形成日期), not before the project’s acceptance' })
  formedOn: string;

  @Field(() => AssetStatus, { description: 'Status (资产状态)' })
  status: AssetStatus;

  @Field(() => DateScalar, { nullable: true, description: 'Date disposed (处置日期)' })
  disposedOn: string | null;

  uuid: string;
  projectId: string;
  villageCode: string;
}

@ObjectType('ProjectAssetConnection', { description: 'A page of project assets (项目资产)' })
export class ProjectAssetConnection extends ConnectionType(ProjectAssetNode, 'ProjectAsset') {}

@ObjectType('AssetIncome', {
  description:
    'A year’s income of an asset and its distribution (资产收益分配): monitored households first, then upkeep and public works; the parts add up to the income exactly, every fen lost to rounding going to the monitored households',
})
export class AssetIncomeType {
  @Field(() => Int, { description: 'Income year (收益年度)' })
  year: number;

  @Field(() => DecimalScalar, { description: 'Income, yuan (年度收益, 元)' })
  amount: string;

  @Field(() => DecimalScalar, { description: 'Percentage for lifted-out and monitored households (脱贫户和监测户, %)' })
  monitoredHouseholdsPercent: string;

  @Field(() => DecimalScalar, { description: 'Percentage for project upkeep (项目运行管护, %)' })
  upkeepPercent: string;

  @Field(() => DecimalScalar, { description: 'Percentage for village public works (村级公益事业, %)' })
  publicWorksPercent: string;

  @Field(() => DecimalScalar, {
    description: 'To lifted-out and monitored households, yuan: the income minus the two below',
  })
  toMonitoredHouseholds: string;

  @Field(() => DecimalScalar, { description: 'To upkeep, yuan: its percentage rounded down to the fen' })
  toUpkeep: string;

  @Field(() => DecimalScalar, { description: 'To public works, yuan: its percentage rounded down to the fen' })
  toPublicWorks: string;
}

@ObjectType('AssetDisposal', {
  implements: Node,
  description:
    'A request to dispose of an asset, approved or rejected by the county (资产处置报批, 004_44e68c292b71f99b.txt (四))',
})
export class AssetDisposalNode extends Node {
  @Field(() => DisposalKind, { description: 'Kind (处置方式)' })
  kind: DisposalKind;

  @Field({ description: 'Reason (处置理由)' })
  reason: string;

  @Field(() => DateScalar, { description: 'Date requested (申请日期)' })
  requestedOn: string;

  @Field(() => DisposalStatus, { description: 'Status (审批状态)' })
  status: DisposalStatus;

  @Field(() => DateScalar, { nullable: true, description: 'Date decided (审批日期)' })
  decidedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Decision note (审批意见)' })
  decisionNote: string | null;

  uuid: string;
  assetId: string;
}

@ObjectType('AssetLedgerLine', { description: 'One line of the asset ledger (资产台账行)' })
export class AssetLedgerLineType {
  @Field({ description: 'Asset type, or village code, of this line' })
  key: string;

  @Field(() => String, { nullable: true, description: 'Village name for village lines' })
  name: string | null;

  @Field(() => Int, { description: 'Assets (资产数)' })
  assets: number;

  @Field(() => Int, { description: 'Of which disposed (已处置)' })
  disposed: number;

  @Field(() => DecimalScalar, { description: 'Value of the assets in use, yuan (在用资产价值)' })
  valueInUse: string;

  @Field(() => DecimalScalar, { description: 'Income in the year, yuan (年度收益)' })
  income: string;

  @Field(() => DecimalScalar, { description: 'Distributed to lifted-out and monitored households, yuan' })
  toMonitoredHouseholds: string;

  @Field(() => DecimalScalar, { description: 'Distributed to upkeep, yuan' })
  toUpkeep: string;

  @Field(() => DecimalScalar, { description: 'Distributed to public works, yuan' })
  toPublicWorks: string;
}

@ObjectType('AssetLedger', {
  description:
    'The asset ledger of a village, county or larger region (资产管理台账, 004_44e68c292b71f99b.txt (四): 建立资产管理台账), over the assets you may see',
})
export class AssetLedgerType {
  @Field({ description: 'Region of the ledger (12-digit code), as asked for' })
  regionCode: string;

  @Field(() => Int, { description: 'Income year reported' })
  year: number;

  @Field(() => AssetLedgerLineType, { description: 'Totals (合计)' })
  total: AssetLedgerLineType;

  @Field(() => [AssetLedgerLineType], { description: 'By asset type (按类型)' })
  byType: AssetLedgerLineType[];

  @Field(() => [AssetLedgerLineType], { description: 'By village (按村), village code order' })
  byVillage: AssetLedgerLineType[];
}

@InputType({ description: 'Asset filter; all given conditions must hold (资产筛选)' })
export class AssetFilter {
  @Field({ nullable: true, description: 'Assets in villages inside this region (12-digit code or prefix)' })
  @IsOptional()
  regionCode?: string;

  @Field(() => AssetType, { nullable: true, description: 'Only assets of this type (资产类型)' })
  @IsOptional()
  type?: AssetType;

  @Field(() => AssetStatus, { nullable: true, description: 'Only assets of this status (资产状态)' })
  @IsOptional()
  status?: AssetStatus;

  @Field(() => ID, { nullable: true, description: 'Assets formed by this project' })
  @IsOptional()
  projectId?: string;
}
