import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { IsOptional } from 'class-validator';
import { Node } from '../../core/relay/node';
import { ConnectionType } from '../../core/relay/connection';
import { toGlobalId } from '../../core/relay/global-id';
import { DateScalar } from '../../core/scalars';
import { InspectionConsequence, InspectionItem } from './inspection.entity';

export interface InspectionRow {
  id: string;
  team_id: string;
  date: string;
  inspector: string | null;
  identity_passed: boolean;
  identity_note: string | null;
  archive_passed: boolean;
  archive_note: string | null;
  residence_passed: boolean;
  residence_note: string | null;
  plan_passed: boolean;
  plan_note: string | null;
  results_passed: boolean;
  results_note: string | null;
  consequence: InspectionConsequence;
  member_id: string | null;
  consequence_note: string | null;
}

/** Column prefix of each check in `team_inspection`. */
export const CHECK_COLUMNS: Record<InspectionItem, 'identity' | 'archive' | 'residence' | 'plan' | 'results'> = {
  IDENTITY: 'identity',
  ARCHIVE: 'archive',
  RESIDENCE: 'residence',
  PLAN: 'plan',
  RESULTS: 'results',
};

@ObjectType('InspectionCheck', { description: 'One of the five checks (五查五看之一)' })
export class InspectionCheckType {
  @Field(() => InspectionItem) item: InspectionItem;
  @Field({ description: 'Passed (合格)' }) passed: boolean;
  @Field(() => String, { nullable: true, description: 'Findings (情况说明)' }) note: string | null;
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

  key: string;
  teamKey: string;
  memberKey: string | null;

  static from(row: InspectionRow): InspectionNode {
    const node = new InspectionNode();
    node.id = toGlobalId('TeamInspection', row.id);
    node.key = row.id;
    node.teamKey = row.team_id;
    node.memberKey = row.member_id;
    node.date = row.date;
    node.inspector = row.inspector;
    node.checks = (Object.keys(CHECK_COLUMNS) as InspectionItem[]).map((item) => {
      const column = CHECK_COLUMNS[item];
      const check = new InspectionCheckType();
      check.item = item;
      check.passed = row[`${column}_passed`];
      check.note = row[`${column}_note`];
      return check;
    });
    node.passed = node.checks.every((c) => c.passed);
    node.consequence = row.consequence;
    node.consequenceNote = row.consequence_note;
    return node;
  }
}

@ObjectType('TeamInspectionConnection')
export class InspectionConnection extends ConnectionType(InspectionNode, 'TeamInspection') {}

@InputType({ description: 'Inspection filter; all given conditions must hold' })
export class InspectionFilter {
  @Field({ nullable: true, description: 'Only teams in villages inside this region (12-digit code or prefix)' })
  @IsOptional()
  regionCode?: string;

  @Field(() => InspectionConsequence, { nullable: true })
  @IsOptional()
  consequence?: InspectionConsequence;

  @Field(() => ID, { nullable: true, description: 'Only this team' })
  @IsOptional()
  teamId?: string;
}
