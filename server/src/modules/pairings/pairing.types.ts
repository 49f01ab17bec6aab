import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsOptional } from 'class-validator';
import { Node } from '../../core/relay/node';
import { SOURCE_DESCRIPTION } from '../../core/provenance';
import { ConnectionType } from '../../core/relay/connection';
import { DateScalar, DecimalScalar } from '../../core/scalars';
import {
  ContributionKind,
  ContributionStage,
  CooperationArea,
  PairingMechanism,
  PairingStatus,
  PairingTargetLevel,
} from './pairing.entity';

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

  @Field(() => String, { nullable: true, description: SOURCE_DESCRIPTION })
  source: string | null;

  /** The key inside the global id: the pairing's uuid. */
  key: string;
  providerId: string;
  targetCode: string;
  targetLevel: PairingTargetLevel;
}

@ObjectType('PairingConnection', { description: 'A page of pairings (结对帮扶) within your scope' })
export class PairingConnection extends ConnectionType(PairingNode, 'Pairing') {}

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

  @Field(() => String, { nullable: true, description: SOURCE_DESCRIPTION })
  source: string | null;

  /** The key inside the global id: the contribution's uuid. */
  key: string;
  pairingId: string;
}

@ObjectType('ContributionConnection', { description: 'A page of contributions (帮扶投入) under a pairing' })
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
