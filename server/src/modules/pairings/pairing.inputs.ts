import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ArrayMaxSize, IsInt, IsOptional, Length, Min } from 'class-validator';
import { DateScalar, DecimalScalar } from '../../core/scalars';
import {
  ContributionKind,
  ContributionStage,
  CooperationArea,
  PairingMechanism,
  PairingStatus,
} from './pairing.entity';
import { ContributionNode, PairingNode } from './pairing.types';

@InputType({ description: 'A new pairing (新增结对帮扶)' })
export class CreatePairingInput {
  @Field(() => ID, { description: 'Provider: an AssistanceUnit or Enterprise id (帮扶主体)' })
  providerId: string;

  @Field(() => ID, { description: 'Target: a Village id, or the Region id of a village or a county (帮扶对象)' })
  targetId: string;

  @Field(() => PairingMechanism, { description: 'Mechanism (帮扶机制)' })
  mechanism: PairingMechanism;

  @Field(() => [CooperationArea], { nullable: true, description: 'Areas of cooperation (协作领域)' })
  @IsOptional()
  @ArrayMaxSize(6)
  cooperationAreas?: CooperationArea[];

  @Field(() => DateScalar, { description: 'Start date (开始日期)' })
  startDate: string;

  @Field(() => DateScalar, { nullable: true, description: 'End date (结束日期), not before the start date' })
  @IsOptional()
  endDate?: string;

  @Field(() => PairingStatus, { nullable: true, description: 'PROPOSED (default) or ACTIVE' })
  @IsOptional()
  status?: PairingStatus;
}

@InputType({
  description:
    'Move a pairing to another status: PROPOSED→ACTIVE|ENDED, ACTIVE→SUSPENDED|ENDED, SUSPENDED→ACTIVE|ENDED',
})
export class ChangePairingStatusInput {
  @Field(() => ID, { description: 'Pairing id (结对帮扶); a region official’s must have its target in its region' })
  pairingId: string;

  @Field(() => PairingStatus, { description: 'New status (新状态)' })
  status: PairingStatus;

  @Field(() => DateScalar, { nullable: true, description: 'End date to record when ending (结束日期)' })
  @IsOptional()
  endDate?: string;
}

@InputType({
  description: 'A contribution pledged or delivered under a pairing (登记帮扶投入); amount or count, at least one',
})
export class RecordContributionInput {
  @Field(() => ID, {
    description: 'Pairing id (结对帮扶): one whose target is in your region, or, for a partner, its own pairing',
  })
  pairingId: string;

  @Field(() => ContributionKind, { description: 'Kind (类别)' })
  kind: ContributionKind;

  @Field(() => ContributionStage, { description: 'Pledged (承诺) or delivered (落实)' })
  stage: ContributionStage;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Amount in yuan (金额, 元), at most 2 decimals, not negative',
  })
  @IsOptional()
  amount?: string;

  @Field(() => Int, { nullable: true, description: 'Count (数量), not negative' })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'count must not be negative' })
  count?: number;

  @Field(() => DateScalar, { description: 'Date (日期), not in the future (Asia/Shanghai)' })
  date: string;

  @Field({ nullable: true, description: 'Note (备注)' })
  @IsOptional()
  @Length(1, 500, { message: 'note must be 1 to 500 characters' })
  note?: string;
}

@ObjectType({ description: 'Result of createPairing or changePairingStatus (结对帮扶)' })
export class PairingPayload {
  @Field(() => PairingNode, { description: 'The pairing as stored after the change' })
  pairing: PairingNode;
}

@ObjectType({ description: 'Result of recordContribution (登记帮扶投入)' })
export class RecordContributionPayload {
  @Field(() => ContributionNode, { description: 'The contribution recorded' })
  contribution: ContributionNode;

  @Field(() => PairingNode, { description: 'The pairing the contribution was recorded under' })
  pairing: PairingNode;
}
