import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsOptional } from 'class-validator';
import { Node } from '../../core/relay/node';
import { ConnectionType } from '../../core/relay/connection';
import { toGlobalId } from '../../core/relay/global-id';
import { DateScalar, DecimalScalar } from '../../core/scalars';
import {
  ContributionKind,
  ContributionStage,
  CooperationArea,
  PairingMechanism,
  PairingStatus,
  PairingTargetLevel,
} from './pairing.entity';

/** A pairing row as read from SQL (dates as YYYY-MM-DD text). */
export interface PairingRow {
  id: string;
  provider_id: string;
  target_code: string;
  target_level: PairingTargetLevel;
  mechanism: PairingMechanism;
  cooperation_areas: string[];
  start_date: string;
  end_date: string | null;
  status: PairingStatus;
}

export const PAIRING_COLUMNS = `p.id, p.provider_id, p.target_code, p.target_level, p.mechanism, p.cooperation_areas,
  p.start_date::text AS start_date, p.end_date::text AS end_date, p.status`;

@ObjectType('Pairing', {
  implements: Node,
  description: 'A provider helping a village or a county under one mechanism (结对帮扶)',
})
export class PairingNode extends Node {
  @Field(() => PairingMechanism, { description: 'Mechanism (帮扶机制)' })
  mechanism: PairingMechanism;

  @Field(() => [CooperationArea], { description: 'Areas of cooperation (协作领域)' })
  cooperationAreas: CooperationArea[];

  @Field(() => DateScalar, { description: 'Start date (结对开始日期)' })
  startDate: string;

  @Field(() => DateScalar, { nullable: true, description: 'End date (结对结束日期); null while open-ended' })
  endDate: string | null;

  @Field(() => PairingStatus, { description: 'Status (结对状态)' })
  status: PairingStatus;

  uuid: string;
  providerId: string;
  targetCode: string;
  targetLevel: PairingTargetLevel;

  static from(row: PairingRow): PairingNode {
    const node = new PairingNode();
    node.id = toGlobalId('Pairing', row.id);
    node.uuid = row.id;
    node.providerId = row.provider_id;
    node.targetCode = row.target_code;
    node.targetLevel = row.target_level;
    node.mechanism = row.mechanism;
    node.cooperationAreas = (row.cooperation_areas ?? []) as CooperationArea[];
    node.startDate = row.start_date;
    node.endDate = row.end_date;
    node.status = row.status;
    return node;
  }
}

@ObjectType('PairingConnection')
export class PairingConnection extends ConnectionType(PairingNode, 'Pairing') {}

export interface ContributionRow {
  id: string;
  pairing_id: string;
  kind: ContributionKind;
  stage: ContributionStage;
  amount: string | null;
  count: number | null;
  contributed_on: string;
  note: string | null;
}

export const CONTRIBUTION_COLUMNS =
  'c.id, c.pairing_id, c.kind, c.stage, c.amount::text AS amount, c.count, c.contributed_on::text AS contributed_on, c.note';

@ObjectType('Contribution', {
  implements: Node,
  description: 'Funds, goods, jobs, training, talent or purchases pledged or delivered under a pairing (帮扶投入)',
})
export class ContributionNode extends Node {
  @Field(() => ContributionKind, { description: 'Kind (类别)' })
  kind: ContributionKind;

  @Field(() => ContributionStage, { description: 'Pledged (承诺) or delivered (落实)' })
  stage: ContributionStage;

  @Field(() => DecimalScalar, { nullable: true, description: 'Amount in yuan (金额, 元)' })
  amount: string | null;

  @Field(() => Int, { nullable: true, description: 'Count: jobs, trainees, people … (数量)' })
  count: number | null;

  @Field(() => DateScalar, { description: 'Date pledged or delivered (日期)' })
  date: string;

  @Field(() => String, { nullable: true, description: 'Note (备注)' })
  note: string | null;

  pairingId: string;

  static from(row: ContributionRow): ContributionNode {
    const node = new ContributionNode();
    node.id = toGlobalId('Contribution', row.id);
    node.pairingId = row.pairing_id;
    node.kind = row.kind;
    node.stage = row.stage;
    node.amount = row.amount;
    node.count = row.count;
    node.date = row.contributed_on;
    node.note = row.note;
    return node;
  }
}

@ObjectType('ContributionConnection')
export class ContributionConnection extends ConnectionType(ContributionNode, 'Contribution') {}

@InputType({ description: 'Pairing filter; all given conditions must hold' })
export class PairingFilter {
  @Field({
    nullable: true,
    description: 'Target inside this region, or the county containing it (12-digit code or prefix)',
  })
  @IsOptional()
  regionCode?: string;

  @Field(() => ID, { nullable: true, description: 'Provider (AssistanceUnit or Enterprise id)' })
  @IsOptional()
  providerId?: string;

  @Field(() => PairingMechanism, { nullable: true, description: 'Mechanism (帮扶机制)' })
  @IsOptional()
  mechanism?: PairingMechanism;

  @Field(() => PairingStatus, { nullable: true, description: 'Status (结对状态)' })
  @IsOptional()
  status?: PairingStatus;
}

@ObjectType('RegionCoverage', {
  description:
    'Pairing coverage of the key-assisted villages inside a region (帮扶覆盖情况), counted over the villages and pairings the caller may see',
})
export class RegionCoverage {
  @Field(() => Int, { description: 'Key-assisted villages (重点帮扶村数)' })
  keyAssistedVillages: number;

  @Field(() => Int, {
    description:
      'Key-assisted villages with at least one active pairing, direct or through their county (已结对重点帮扶村数)',
  })
  keyAssistedVillagesPaired: number;

  @Field(() => Int, {
    description: 'Key-assisted villages with an active pairing of an enterprise (企业结对重点帮扶村数, 万企兴万村)',
  })
  keyAssistedVillagesPairedWithEnterprise: number;

  @Field(() => Int, { description: 'Provincial or municipal demonstration villages (省级/市级示范村数)' })
  demonstrationVillages: number;

  @Field(() => Int, {
    description:
      'Demonstration villages helping at least one key-assisted village through an active strong-helps-weak pairing (强村带弱村: 帮带重点帮扶村的示范村数)',
  })
  demonstrationVillagesHelping: number;
}
