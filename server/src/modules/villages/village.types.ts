import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Length } from 'class-validator';
import { Node } from '../../core/relay/node';
import { ConnectionType } from '../../core/relay/connection';
import { DateTimeScalar, DecimalScalar } from '../../core/scalars';
import { Role } from '../../core/auth/viewer';
import { SOURCE_DESCRIPTION } from '../../core/provenance';
import { DesignationKind, DesignationLevel } from './village.entity';

@ObjectType('Village', { implements: Node, description: 'Administrative village with its profile (行政村档案)' })
export class VillageNode extends Node {
  @Field({ description: '12-digit statistical division code (统计用区划代码)' })
  code: string;

  @Field({ description: 'Name (村名)' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Leading industry (主导产业)' })
  leadingIndustry: string | null;

  @Field(() => [String], { description: 'Specialty industries (特色产业)' })
  specialtyIndustries: string[];

  @Field(() => [String], {
    description: 'Main industries (主要产业) as the profile lists them, e.g. 水稻、油菜、青花椒',
  })
  mainIndustries: string[];

  @Field(() => String, { nullable: true, description: SOURCE_DESCRIPTION })
  source: string | null;

  /** The key inside the global id: the village code. */
  key: string;
  townshipCode: string;
}

@ObjectType('VillageConnection', { description: 'A page of villages (行政村) within your scope' })
export class VillageConnection extends ConnectionType(VillageNode, 'Village') {}

export enum IndustryRole {
  LEADING = 'LEADING',
  SPECIALTY = 'SPECIALTY',
  MAIN = 'MAIN',
}
registerEnumType(IndustryRole, {
  name: 'IndustryRole',
  description: 'Role of an industry in a village profile (产业类别)',
  valuesConfig: {
    LEADING: { description: 'Leading industry (主导产业)' },
    SPECIALTY: { description: 'Specialty industry (特色产业)' },
    MAIN: { description: 'Main industry (主要产业)' },
  },
});

@ObjectType('VillageIndustry', {
  description:
    'One industry of a village profile with the year since which it is known to exist (村产业), so targets due by a year count only industries dated by then',
})
export class VillageIndustryType {
  @Field({ description: 'Industry (产业名称)' })
  name: string;

  @Field(() => [IndustryRole], { description: 'Roles it has in the profile (产业类别)' })
  roles: IndustryRole[];

  @Field(() => Int, {
    nullable: true,
    description:
      'Year it was established, or the first year it is documented (形成年份); null when not known: it then counts for no dated target',
  })
  sinceYear: number | null;

  @Field(() => String, { nullable: true, description: `${SOURCE_DESCRIPTION}; of the year` })
  source: string | null;
}

@ObjectType('VillageDesignation', { description: 'A designation the village holds (村庄认定)' })
export class VillageDesignationType {
  @Field(() => DesignationKind, { description: 'Kind (类别)' })
  kind: DesignationKind;

  @Field(() => DesignationLevel, {
    nullable: true,
    description: 'Level that designated it (认定级别); null when the source does not say',
  })
  level: DesignationLevel | null;

  @Field(() => Int, { nullable: true, description: 'Year since which it holds (认定年份)' })
  sinceYear: number | null;

  @Field(() => String, { nullable: true, description: SOURCE_DESCRIPTION })
  source: string | null;
}

@ObjectType('VillageIndicators', {
  description: 'Yearly village indicators (村级年度指标). Money in yuan, areas in mu (亩), coverage in percent.',
})
export class VillageIndicatorsType {
  @Field(() => Int, { description: 'Year (年份)' })
  year: number;

  @Field(() => Int, { nullable: true, description: 'Households (户数)' })
  households: number | null;

  @Field(() => Int, { nullable: true, description: 'Population (人口)' })
  population: number | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Per-capita disposable income, yuan (人均可支配收入, 元)',
  })
  perCapitaDisposableIncome: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Village collective economic income, yuan (村集体经济收入, 元)',
  })
  collectiveIncome: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Farmland, mu (耕地面积, 亩)' })
  farmlandMu: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Forest land, mu (林地面积, 亩)' })
  forestMu: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'High-standard farmland share, percent (高标准农田占比, %)',
  })
  highStandardFarmlandShare: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Tap-water coverage, percent (自来水普及率, %)' })
  tapWaterCoverage: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Sanitary-toilet coverage, percent (卫生厕所普及率, %)' })
  sanitaryToiletCoverage: string | null;

  @Field(() => String, {
    nullable: true,
    description: `${SOURCE_DESCRIPTION}. A year recorded through the platform is null even where some of its figures were seeded: the recording took them over.`,
  })
  source: string | null;

  villageCode: string;
}

@ObjectType('VillageIndicatorChange', {
  description:
    "One recording of a village's indicators for a year (指标变更记录): who recorded it, when, and the year before and after",
})
export class VillageIndicatorChangeType {
  @Field(() => Int, { description: 'Indicator year (年份)' })
  year: number;

  @Field(() => DateTimeScalar, { description: 'When it was recorded (记录时间)' })
  changedAt: Date;

  @Field(() => Role, { description: 'Role of the account that recorded it (记录人角色)' })
  changedByRole: Role;

  @Field({ description: 'The account that recorded it: the subject of its token (记录人)' })
  changedBy: string;

  @Field(() => [String], { description: 'Indicator fields whose value changed (变更字段), e.g. collectiveIncome' })
  changedFields: string[];

  @Field(() => VillageIndicatorsType, {
    nullable: true,
    description: 'The year as it stood before (变更前); null when the year was first recorded',
  })
  before: VillageIndicatorsType | null;

  @Field(() => VillageIndicatorsType, { description: 'The year as recorded (变更后)' })
  after: VillageIndicatorsType;

  /** Position in the village's history, newest first. */
  id: string;
}

@ObjectType('VillageIndicatorChangeConnection', {
  description: 'A page of indicator recordings (指标变更记录), newest first',
})
export class VillageIndicatorChangeConnection extends ConnectionType(
  VillageIndicatorChangeType,
  'VillageIndicatorChange',
) {}

export enum VillageOrderField {
  CODE = 'CODE',
  NAME = 'NAME',
}
registerEnumType(VillageOrderField, {
  name: 'VillageOrderField',
  description: 'Sort key for villages (排序字段)',
  valuesConfig: {
    CODE: { description: '12-digit village code (行政村代码), which also groups villages by township and county' },
    NAME: { description: 'Village name (村名); villages of the same name follow in code order' },
  },
});

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'Sort direction (排序方向)',
  valuesConfig: {
    ASC: { description: 'Ascending: smallest region code or first name first' },
    DESC: { description: 'Descending: largest code or last name first' },
  },
});

@InputType({ description: 'Sort order for a village list; ties are broken by region code' })
export class VillageOrder {
  @Field(() => VillageOrderField, { description: 'What to sort by' })
  field: VillageOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Which way; ascending by default' })
  direction: OrderDirection;
}

@InputType({ description: 'Village filter; all given conditions must hold' })
export class VillageFilter {
  @Field({ nullable: true, description: 'Only villages inside this region (12-digit code or prefix)' })
  @IsOptional()
  regionCode?: string;

  @Field(() => [DesignationKind], { nullable: true, description: 'Only villages holding every listed designation' })
  @IsOptional()
  @ArrayMaxSize(4)
  designations?: DesignationKind[];

  @Field({ nullable: true, description: 'Name contains this text, or code starts with it' })
  @IsOptional()
  @Length(1, 50)
  search?: string;
}
