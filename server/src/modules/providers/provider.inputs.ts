import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { ArrayMaxSize, IsBoolean, IsOptional, Length } from 'class-validator';
import { Campaign, Ownership, UnitKind, UnitLevel } from './provider.entity';
import { AssistanceUnitNode, EnterpriseNode } from './provider.types';

@InputType({ description: 'A new assistance unit (新增帮扶单位)' })
export class CreateAssistanceUnitInput {
  @Field({ description: 'Name (名称)' })
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name: string;

  @Field(() => UnitKind, { description: 'Kind of unit (帮扶单位类别)' })
  kind: UnitKind;

  @Field(() => UnitLevel, { description: 'Level (层级)' })
  level: UnitLevel;

  @Field({ nullable: true, description: 'Home region (所在地区), 12-digit code or prefix; none for central units' })
  @IsOptional()
  regionCode?: string;
}

@InputType({ description: 'A new partner enterprise (新增帮扶企业)' })
export class CreateEnterpriseInput {
  @Field({ description: 'Name (企业名称)' })
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name: string;

  @Field({ description: 'Unified social credit code (统一社会信用代码), checked against GB 32100-2015' })
  creditCode: string;

  @Field(() => Ownership, { description: 'Ownership (企业性质)' })
  ownership: Ownership;

  @Field({ nullable: true, description: 'Industry (所属行业)' })
  @IsOptional()
  @Length(1, 100, { message: 'industry must be 1 to 100 characters' })
  industry?: string;

  @Field({ description: 'Member of the federation of industry and commerce (工商联会员)' })
  @IsBoolean()
  federationMember: boolean;

  @Field(() => [Campaign], { nullable: true, description: 'Campaigns joined (参与的帮扶行动)' })
  @IsOptional()
  @ArrayMaxSize(10)
  campaigns?: Campaign[];

  @Field({ nullable: true, description: 'Home region (所在地区), 12-digit code or prefix' })
  @IsOptional()
  regionCode?: string;
}

@InputType({ description: 'Changes to an enterprise; omitted fields stay as they are' })
export class UpdateEnterpriseInput {
  @Field(() => ID, { description: 'Enterprise id' })
  enterpriseId: string;

  @Field({ nullable: true, description: 'New name (企业名称), 1 to 200 characters' })
  @IsOptional()
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name?: string;

  @Field({ nullable: true, description: 'Unified social credit code (统一社会信用代码)' })
  @IsOptional()
  creditCode?: string;

  @Field(() => Ownership, { nullable: true, description: 'Ownership (企业性质)' })
  @IsOptional()
  ownership?: Ownership;

  @Field(() => String, { nullable: true, description: 'Industry; null clears it' })
  @IsOptional()
  @Length(1, 100, { message: 'industry must be 1 to 100 characters' })
  industry?: string | null;

  @Field({ nullable: true, description: 'Member of the federation of industry and commerce (工商联会员)' })
  @IsOptional()
  @IsBoolean()
  federationMember?: boolean;

  @Field(() => [Campaign], {
    nullable: true,
    description: 'Campaigns joined (参与的帮扶行动), replacing the whole list; duplicates are dropped',
  })
  @IsOptional()
  @ArrayMaxSize(10)
  campaigns?: Campaign[];

  @Field(() => String, { nullable: true, description: 'Home region; null clears it' })
  @IsOptional()
  regionCode?: string | null;
}

@ObjectType({ description: 'Result of createAssistanceUnit (新增帮扶单位)' })
export class AssistanceUnitPayload {
  @Field(() => AssistanceUnitNode, { description: 'The assistance unit as stored' })
  assistanceUnit: AssistanceUnitNode;
}

@ObjectType({ description: 'Result of createEnterprise or updateEnterprise (帮扶企业)' })
export class EnterprisePayload {
  @Field(() => EnterpriseNode, { description: 'The enterprise as stored after the change' })
  enterprise: EnterpriseNode;
}
