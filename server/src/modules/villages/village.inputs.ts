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

  @Field({ nullable: true })
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
  @Field(() => ID)
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

@InputType()
export class DesignateVillageInput {
  @Field(() => ID)
  villageId: string;

  @Field(() => DesignationKind)
  kind: DesignationKind;

  @Field(() => DesignationLevel, { nullable: true })
  @IsOptional()
  level?: DesignationLevel;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1949, { message: 'sinceYear must be 1949 or later' })
  @Max(2100, { message: 'sinceYear is too far ahead' })
  sinceYear?: number;
}

@InputType()
export class RevokeVillageDesignationInput {
  @Field(() => ID)
  villageId: string;

  @Field(() => DesignationKind)
  kind: DesignationKind;
}

@InputType({
  description:
    'Since when one industry of the village profile exists (产业形成年份): established that year, or first documented then',
})
export class RecordVillageIndustryInput {
  @Field(() => ID)
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

@ObjectType()
export class RecordVillageIndustryPayload {
  @Field(() => VillageNode)
  village: VillageNode;

  @Field(() => VillageIndustryType)
  industry: VillageIndustryType;
}

@ObjectType()
export class VillagePayload {
  @Field(() => VillageNode)
  village: VillageNode;
}

@ObjectType()
export class RecordVillageIndicatorsPayload {
  @Field(() => VillageNode)
  village: VillageNode;

  @Field(() => VillageIndicatorsType)
  indicators: VillageIndicatorsType;
}

@ObjectType()
export class DesignateVillagePayload {
  @Field(() => VillageNode)
  village: VillageNode;

  @Field(() => VillageDesignationType)
  designation: VillageDesignationType;
}
