import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsOptional, Length } from 'class-validator';
import { Node } from '../../core/relay/node';
import { ConnectionType } from '../../core/relay/connection';
import { toGlobalId } from '../../core/relay/global-id';
import { DateScalar, DecimalScalar } from '../../core/scalars';
import { todayInShanghai } from '../../core/dates';
import { Gender } from '../teams/team.entity';
import { ageOn, birthDateOf, genderOf, maskIdNumber } from './id-number';
import {
  EmploymentStatus,
  GuaranteeItem,
  HealthStatus,
  HouseholdRelation,
  IdNumberVisibility,
  IncomeSource,
  LabourCapacity,
  SchoolingStatus,
} from './monitoring.enums';
import type { HouseholdRow, IncomeRow, MemberRow } from './household.repository';

@ObjectType('HouseholdGuarantees', {
  description: '两不愁三保障 and drinking-water safety at the last assessment (两不愁三保障及饮水安全状况)',
})
export class HouseholdGuaranteesType {
  @Field(() => DateScalar, { description: 'Date of the assessment (核查日期)' })
  assessedOn: string;

  @Field({ description: 'Enough to eat (不愁吃)' }) food: boolean;
  @Field({ description: 'Enough to wear (不愁穿)' }) clothing: boolean;
  @Field({ description: 'Compulsory education secured (义务教育有保障)' }) compulsoryEducation: boolean;
  @Field({ description: 'Basic medical care secured (基本医疗有保障)' }) basicMedical: boolean;
  @Field({ description: 'Safe housing (住房安全有保障)' }) housingSafety: boolean;
  @Field({ description: 'Safe drinking water (饮水安全有保障)' }) drinkingWater: boolean;

  @Field(() => [GuaranteeItem], { description: 'Items not secured (未保障项), empty when all are' })
  unsecured: GuaranteeItem[];

  @Field(() => String, { nullable: true, description: 'Note (说明)' })
  note: string | null;

  static from(row: HouseholdRow): HouseholdGuaranteesType | null {
    if (!row.guarantees_assessed_on) return null;
    const g = new HouseholdGuaranteesType();
    g.assessedOn = row.guarantees_assessed_on;
    g.food = row.food_secure!;
    g.clothing = row.clothing_secure!;
    g.compulsoryEducation = row.education_secure!;
    g.basicMedical = row.medical_secure!;
    g.housingSafety = row.housing_secure!;
    g.drinkingWater = row.water_secure!;
    g.note = row.guarantees_note;
    g.unsecured = (
      [
        [GuaranteeItem.FOOD, g.food],
        [GuaranteeItem.CLOTHING, g.clothing],
        [GuaranteeItem.COMPULSORY_EDUCATION, g.compulsoryEducation],
        [GuaranteeItem.BASIC_MEDICAL, g.basicMedical],
        [GuaranteeItem.HOUSING_SAFETY, g.housingSafety],
        [GuaranteeItem.DRINKING_WATER, g.drinkingWater],
      ] as const
    )
      .filter(([, secured]) => !secured)
      .map(([item]) => item);
    return g;
  }
}

@ObjectType('Household', {
  implements: Node,
  description: 'A rural household under return-to-poverty monitoring (防止返贫监测户)',
})
export class HouseholdNode extends Node {
  @Field({ description: 'Name of the head of household (户主姓名)' })
  headName: string;

  @Field(() => String, { nullable: true, description: 'Address within the village (住址)' })
  address: string | null;

  @Field({ description: 'Registered poor and lifted out of poverty (脱贫户); may be monitored as 脱贫不稳定户' })
  liftedOutOfPoverty: boolean;

  @Field(() => Int, { description: 'Number of members (家庭人口)' })
  memberCount: number;

  @Field(() => HouseholdGuaranteesType, {
    nullable: true,
    description: '两不愁三保障 and drinking water at the last assessment; null until assessed',
  })
  guarantees: HouseholdGuaranteesType | null;

  key: string;
  villageCode: string;

  static from(row: HouseholdRow): HouseholdNode {
    const node = new HouseholdNode();
    node.id = toGlobalId('Household', row.id);
    node.key = row.id;
    node.villageCode = row.village_code;
    node.headName = row.head_name;
    node.address = row.address;
    node.liftedOutOfPoverty = row.lifted_out_of_poverty;
    node.memberCount = row.member_count;
    node.guarantees = HouseholdGuaranteesType.from(row);
    return node;
  }
}

@ObjectType('HouseholdConnection', { description: 'A page of households (监测户档案) within your scope' })
export class HouseholdConnection extends ConnectionType(HouseholdNode, 'Household') {}

@ObjectType('HouseholdMember', { implements: Node, description: 'A member of a monitored household (家庭成员)' })
export class HouseholdMemberNode extends Node {
  @Field({ description: 'Name (姓名)' })
  name: string;

  @Field(() => HouseholdRelation, { description: 'Relation to the head (与户主关系)' })
  relation: HouseholdRelation;

  @Field(() => Gender, { description: 'Gender, from the ID number (性别)' })
  gender: Gender;

  @Field(() => Int, { description: 'Age today, from the ID number (年龄)' })
  age: number;

  @Field(() => LabourCapacity, { description: 'Labour capacity (劳动能力)' })
  labourCapacity: LabourCapacity;

  @Field(() => HealthStatus, { description: 'Health (健康状况)' })
  health: HealthStatus;

  @Field(() => SchoolingStatus, { description: 'Schooling (在校情况)' })
  schooling: SchoolingStatus;

  @Field(() => EmploymentStatus, { description: 'Employment (就业情况)' })
  employment: EmploymentStatus;

  @Field(() => IdNumberVisibility, { description: 'How this member’s ID number is shown to you' })
  idNumberVisibility: IdNumberVisibility;

  key: string;
  householdKey: string;
  villageCode: string;
  /** The number as it may be shown: whole (FULL), masked, or null (HIDDEN). Nothing more is kept. */
  shownIdNumber: string | null;

  static from(row: MemberRow): HouseholdMemberNode {
    const node = new HouseholdMemberNode();
    node.id = toGlobalId('HouseholdMember', row.id);
    node.key = row.id;
    node.householdKey = row.household_id;
    node.villageCode = row.village_code;
    node.name = row.name;
    node.relation = row.relation;
    node.gender = genderOf(row.id_number) as Gender;
    node.age = ageOn(birthDateOf(row.id_number), todayInShanghai());
    node.labourCapacity = row.labour_capacity;
    node.health = row.health;
    node.schooling = row.schooling;
    node.employment = row.employment;
    node.idNumberVisibility = row.id_visibility;
    node.shownIdNumber =
      row.id_visibility === IdNumberVisibility.FULL
        ? row.id_number
        : row.id_visibility === IdNumberVisibility.MASKED
          ? maskIdNumber(row.id_number)
          : null;
    return node;
  }
}

@ObjectType('HouseholdIncome', { description: 'Annual net income from one source (家庭年纯收入)' })
export class HouseholdIncomeType {
  @Field(() => Int, { description: 'Year (年度)' }) year: number;
  @Field(() => IncomeSource, { description: 'Source (收入来源)' }) source: IncomeSource;
  @Field(() => DecimalScalar, { description: 'Amount in yuan (金额, 元)' }) amount: string;

  static from(row: IncomeRow): HouseholdIncomeType {
    const income = new HouseholdIncomeType();
    income.year = row.year;
    income.source = row.source;
    income.amount = row.amount;
    return income;
  }
}

@InputType({ description: 'Narrows `households` (监测户筛选); your scope always applies' })
export class HouseholdFilter {
  @Field({ nullable: true, description: 'Only households inside this region (12-digit code or prefix)' })
  @IsOptional()
  regionCode?: string;

  @Field(() => ID, { nullable: true, description: 'Only households of this village' })
  @IsOptional()
  villageId?: string;

  @Field({ nullable: true, description: 'Name fragment of the head of household (户主姓名)' })
  @IsOptional()
  @Length(1, 40)
  search?: string;

  @Field({ nullable: true, description: 'true: only households with an open case (在监测); false: only without' })
  @IsOptional()
  monitored?: boolean;

  @Field({ nullable: true, description: 'Only 脱贫户 (true) or only other households (false)' })
  @IsOptional()
  liftedOutOfPoverty?: boolean;
}
