import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { IsOptional } from 'class-validator';
import { Node } from '../../core/relay/node';
import { ConnectionType } from '../../core/relay/connection';
import { DateScalar } from '../../core/scalars';
import { InspectionConsequence, InspectionItem } from './inspection.entity';
import { SOURCE_DESCRIPTION } from './team.types';

/** Column prefix of each check in `team_inspection`. */
export const CHECK_COLUMNS: Record<InspectionItem, 'identity' | 'archive' | 'residence' | 'plan' | 'results'> = {
  IDENTITY: 'identity',
  ARCHIVE: 'archive',
  RESIDENCE: 'residence',
  PLAN: 'plan',
  RESULTS: 'results',
};

@ObjectType('InspectionCheck', {
  description:
    'One of the five checks (五查五看之一): the platform computes 查身份, 查档案, 查驻村 and 查计划 from its data where it has some; 查落实 is the inspector’s',
})
export class InspectionCheckType {
  @Field(() => InspectionItem, { description: 'Which of the five checks (检查项)' }) item: InspectionItem;
  @Field({
    description: 'The finding (合格): the platform’s verdict unless the inspector failed the check with a note',
  })
  passed: boolean;
  @Field(() => Boolean, {
    nullable: true,
    description: 'What the platform’s data said on the inspection date (系统核查结果); null where it holds no data',
  })
  computed: boolean | null;
  @Field(() => String, { nullable: true, description: 'What the platform found (系统核查依据)' }) basis: string | null;
  @Field(() => String, { nullable: true, description: 'The inspector’s notes (督查情况说明)' }) note: string | null;
}

@ObjectType('TeamInspection', {
  implements: Node,
  description: '五查五看 inspection of a resident team, with its accountability consequence (督查与问责)',
})
export class InspectionNode extends Node {
  @Field(() => DateScalar, { description: 'Date of the inspection (督查日期)' }) date: string;
  @Field(() => String, { nullable: true, description: 'Inspecting body or person (督查单位/人员)' }) inspector:
    string | null;
  @Field(() => [InspectionCheckType], {
    description: 'The five checks, in the order 查身份, 查档案, 查驻村, 查计划, 查落实',
  })
  checks: InspectionCheckType[];
  @Field({ description: 'All five checks passed (全部合格)' }) passed: boolean;
  @Field(() => InspectionConsequence, { description: 'Consequence (问责措施): 通报, 约谈, 召回 or none' })
  consequence: InspectionConsequence;
  @Field(() => String, { nullable: true, description: 'Remarks on the consequence (问责说明)' }) consequenceNote:
    string | null;

  @Field(() => String, { nullable: true, description: SOURCE_DESCRIPTION }) source: string | null;

  key: string;
  teamKey: string;
  memberKey: string | null;
}

@ObjectType('TeamInspectionConnection', { description: 'A page of 五查五看 inspections (督查记录)' })
export class InspectionConnection extends ConnectionType(InspectionNode, 'TeamInspection') {}

@InputType({ description: 'Inspection filter; all given conditions must hold' })
export class InspectionFilter {
  @Field({ nullable: true, description: 'Only teams in villages inside this region (12-digit code or prefix)' })
  @IsOptional()
  regionCode?: string;

  @Field(() => InspectionConsequence, {
    nullable: true,
    description: 'Only inspections with this consequence (问责方式)',
  })
  @IsOptional()
  consequence?: InspectionConsequence;

  @Field(() => ID, { nullable: true, description: 'Only this team' })
  @IsOptional()
  teamId?: string;
}
