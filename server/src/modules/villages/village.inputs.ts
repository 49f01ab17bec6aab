import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ArrayMaxSize, IsInt, IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { DecimalScalar } from '../../core/scalars';
import { DesignationKind, DesignationLevel } from './village.entity';
import { VillageDesignationType, VillageIndicatorsType, VillageNode } from './village.types';

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

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @Length(1, 100, { each: true })
  specialtyIndustries?: string[];
}

const MIN_YEAR = 2000;

@InputType({ description: 'Indicators of one village and year; recording a year again replaces it' })
export class RecordVillageIndicatorsInput {
  @Field(() => ID)
  villageId: string;

  @Field(() => Int, { description: `Year, ${MIN_YEAR} to next year` })
  @IsInt()
  @Min(MIN_YEAR, { message: `year must be ${MIN_YEAR} or later` })
  year: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0, { message: 'households must not be negative' })
  households?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0, { message: 'population must not be negative' })
  population?: number;

  @Field(() => DecimalScalar, { nullable: true }) perCapitaDisposableIncome?: string;
  @Field(() => DecimalScalar, { nullable: true }) collectiveIncome?: string;
  @Field(() => DecimalScalar, { nullable: true }) farmlandMu?: string;
  @Field(() => DecimalScalar, { nullable: true }) forestMu?: string;
  @Field(() => DecimalScalar, { nullable: true }) highStandardFarmlandShare?: string;
  @Field(() => DecimalScalar, { nullable: true }) tapWaterCoverage?: string;
  @Field(() => DecimalScalar, { nullable: true }) sanitaryToiletCoverage?: string;
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
