import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ArrayMaxSize, IsInt, IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { DecimalScalar } from '../../core/scalars';
import { DesignationKind, DesignationLevel } from './village.entity';
import { VillageDesignationType, VillageIndicatorsType, VillageIndustryType, VillageNode } from './village.types';

@InputType({ description: 'A new village; its township follows from the code and must exist' })
export class CreateVillageInput {
  @Field({ description: '12-digit village code (行政村统计代码)' })
  @Matches(/^\d{12}$/, { message: 'code must be 12 digits' })
  code: string;

  @Field({ description: 'Name (村名)' })
  @Length(1, 100, { message: 'name must be 1 to 100 characters' })
  name: string;

  @Field({ nullable: true, description: 'Leading industry (主导产业)' })
  @IsOptional()
  @Length(1, 100)
  leadingIndustry?: string;

  @Field(() => [String], { nullable: true, description: 'Specialty industries (特色产业)' })
  @IsOptional()
  @ArrayMaxSize(20)
  @Length(1, 100, { each: true })
  specialtyIndustries?: string[];

  @Field(() => [String], { nullable: true, description: 'Main industries (主要产业)' })
  @IsOptional()
  @ArrayMaxSize(20)
  @Length(1, 100, { each: true })
  mainIndustries?: string[];
}

@InputType({ description: 'Changes to a village profile; omitted fields stay as they are' })
export class UpdateVillageInput {
  @Field(() => ID, { description: 'Village id' })
  villageId: string;

  @Field({ nullable: true, description: 'New name (村名), 1 to 100 characters' })
  @IsOptional()
  @Length(1, 100, { message: 'name must be 1 to 100 characters' })
  name?: string;

  @Field(() => String, { nullable: true, description: 'Leading industry; null clears it' })
  @IsOptional()
  @Length(1, 100)
  leadingIndustry?: string | null;

  @Field(() => [String], { nullable: true, description: 'Specialty industries (特色产业); replaces the list' })
  @IsOptional()
  @ArrayMaxSize(20)
  @Length(1, 100, { each: true })
  specialtyIndustries?: string[];

  @Field(() => [String], { nullable: true, description: 'Main industries (主要产业); replaces the list' })
  @IsOptional()
  @ArrayMaxSize(20)
  @Length(1, 100, { each: true })
  mainIndustries?: string[];
}

const MIN_YEAR = 2000;
const KEEP_OR_CLEAR = 'left out: kept as recorded; null: cleared';

@InputType({
  description:
    'Indicators of one village and year (录入年度指标). Merged into the year: a field left out keeps its recorded value, an explicit null clears it. Refused, naming the field: a year after the current one (Asia/Shanghai), fewer people than households, negative amounts or areas, shares outside 0–100.',
})
export class RecordVillageIndicatorsInput {
  @Field(() => ID, { description: 'Village id; a region official’s must be in its region' })
  villageId: string;

  @Field(() => Int, { description: `Year (年份), ${MIN_YEAR} to the current year in Asia/Shanghai` })
  @IsInt()
  @Min(MIN_YEAR, { message: `year must be ${MIN_YEAR} or later` })
  year: number;

  @Field(() => Int, { nullable: true, description: `Households (户数), not negative; ${KEEP_OR_CLEAR}` })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'households must not be negative' })
  households?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: `Population (人口), not negative and not below households; ${KEEP_OR_CLEAR}`,
  })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'population must not be negative' })
  population?: number | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: `Per-capita disposable income, yuan (人均可支配收入), not negative; ${KEEP_OR_CLEAR}`,
  })
  perCapitaDisposableIncome?: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: `Village collective economic income, yuan (村集体经济收入), not negative; ${KEEP_OR_CLEAR}`,
  })
  collectiveIncome?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: `Farmland, mu (耕地), not negative; ${KEEP_OR_CLEAR}` })
  farmlandMu?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: `Forest land, mu (林地), not negative; ${KEEP_OR_CLEAR}` })
  forestMu?: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: `High-standard farmland share, percent (高标准农田占比), 0–100; ${KEEP_OR_CLEAR}`,
  })
  highStandardFarmlandShare?: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: `Tap-water coverage, percent (自来水普及率), 0–100; ${KEEP_OR_CLEAR}`,
  })
  tapWaterCoverage?: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: `Sanitary-toilet coverage, percent (卫生厕所普及率), 0–100; ${KEEP_OR_CLEAR}`,
  })
  sanitaryToiletCoverage?: string | null;
}

@InputType({
  description: 'A designation to add to a village (村级认定); a village may hold several kinds, each once',
})
export class DesignateVillageInput {
  @Field(() => ID, { description: 'Village id; a region official’s must be in its region' })
  villageId: string;

  @Field(() => DesignationKind, { description: 'Which designation; CONFLICT when the village already holds it' })
  kind: DesignationKind;

  @Field(() => DesignationLevel, {
    nullable: true,
    description: 'Who designated it (认定层级), e.g. provincial for a 省级重点帮扶村; null when not known',
  })
  @IsOptional()
  level?: DesignationLevel;

  @Field(() => Int, {
    nullable: true,
    description: 'Year the designation was granted (认定年份), 1949–2100; null when not known',
  })
  @IsOptional()
  @IsInt()
  @Min(1949, { message: 'sinceYear must be 1949 or later' })
  @Max(2100, { message: 'sinceYear is too far ahead' })
  sinceYear?: number;
}

@InputType({ description: 'A designation to remove from a village (撤销认定)' })
export class RevokeVillageDesignationInput {
  @Field(() => ID, { description: 'Village id; a region official’s must be in its region' })
  villageId: string;

  @Field(() => DesignationKind, { description: 'Which designation; NOT_FOUND when the village does not hold it' })
  kind: DesignationKind;
}

@InputType({
  description:
    'Since when one industry of the village profile exists (产业形成年份): established that year, or first documented then',
})
export class RecordVillageIndustryInput {
  @Field(() => ID, { description: 'Village id; a region official’s must be in its region' })
  villageId: string;

  @Field({ description: 'Industry name, as the profile lists it (leading, specialty or main industry)' })
  @Length(1, 100, { message: 'name must be 1 to 100 characters' })
  name: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Year (年份), 1949 to the current year in Asia/Shanghai; null forgets the year',
  })
  @IsOptional()
  @IsInt()
  @Min(1949, { message: 'sinceYear must be 1949 or later' })
  sinceYear?: number | null;
}

@ObjectType({ description: 'Result of recordVillageIndustry (产业形成年份)' })
export class RecordVillageIndustryPayload {
  @Field(() => VillageNode, { description: 'The village' })
  village: VillageNode;

  @Field(() => VillageIndustryType, { description: 'The industry with the year now recorded' })
  industry: VillageIndustryType;
}

@ObjectType({ description: 'Result of a village profile change (村情档案)' })
export class VillagePayload {
  @Field(() => VillageNode, { description: 'The village as stored after the change' })
  village: VillageNode;
}

@ObjectType({ description: 'Result of recordVillageIndicators (录入年度指标)' })
export class RecordVillageIndicatorsPayload {
  @Field(() => VillageNode, { description: 'The village' })
  village: VillageNode;

  @Field(() => VillageIndicatorsType, { description: 'The whole year as it stands after the merge' })
  indicators: VillageIndicatorsType;
}

@ObjectType({ description: 'Result of designateVillage (村级认定)' })
export class DesignateVillagePayload {
  @Field(() => VillageNode, { description: 'The village, now holding the designation' })
  village: VillageNode;

  @Field(() => VillageDesignationType, { description: 'The designation added' })
  designation: VillageDesignationType;
}
