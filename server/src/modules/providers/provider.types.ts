import { Field, InputType, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { IsOptional, Length } from 'class-validator';
import { Node } from '../../core/relay/node';
import { SOURCE_DESCRIPTION } from '../../core/provenance';
import { ConnectionType } from '../../core/relay/connection';
import { Campaign, Ownership, ProviderType, UnitKind, UnitLevel } from './provider.entity';

registerEnumType(ProviderType, {
  name: 'ProviderKind',
  description: 'Kind of assistance provider (帮扶主体类型)',
  valuesConfig: {
    ASSISTANCE_UNIT: { description: 'Assistance unit (帮扶单位)' },
    ENTERPRISE: { description: 'Partner enterprise (帮扶企业)' },
  },
});

/** Global-id type names of the two provider types. */
export const PROVIDER_TYPE_NAMES: Record<ProviderType, string> = {
  [ProviderType.ASSISTANCE_UNIT]: 'AssistanceUnit',
  [ProviderType.ENTERPRISE]: 'Enterprise',
};

@InterfaceType('AssistanceProvider', {
  implements: Node,
  description: 'Anyone who helps villages (帮扶主体): an assistance unit (帮扶单位) or an enterprise (帮扶企业)',
})
export abstract class ProviderNode extends Node {
  @Field({ description: 'Name (名称)' })
  name: string;

  @Field(() => ProviderType, { description: 'Assistance unit or enterprise (帮扶主体类型)' })
  kind: ProviderType;

  @Field(() => String, { nullable: true, description: SOURCE_DESCRIPTION })
  source: string | null;

  /** The key inside the global id: the provider's uuid. */
  key: string;
  regionCode: string | null;
}

@ObjectType('AssistanceUnit', {
  implements: [Node, ProviderNode],
  description:
    'Assistance unit (帮扶单位): organ, institution, state-owned enterprise, partner region, social organisation or demonstration village',
})
export class AssistanceUnitNode extends ProviderNode {
  @Field(() => UnitKind, { description: 'Kind of unit (帮扶单位类别)' })
  unitKind: UnitKind;

  @Field(() => UnitLevel, { description: 'Level (层级): central, provincial, municipal or county' })
  level: UnitLevel;
}

@ObjectType('Enterprise', {
  implements: [Node, ProviderNode],
  description: 'Partner enterprise (帮扶企业), e.g. in the 万企兴万村 campaign',
})
export class EnterpriseNode extends ProviderNode {
  @Field({ description: 'Unified social credit code (统一社会信用代码), 18 characters, GB 32100-2015' })
  creditCode: string;

  @Field(() => Ownership, { description: 'Ownership (企业性质)' })
  ownership: Ownership;

  @Field(() => String, { nullable: true, description: 'Industry (所属行业)' })
  industry: string | null;

  @Field({ description: 'Member of the federation of industry and commerce (工商联会员)' })
  federationMember: boolean;

  @Field(() => [Campaign], { description: 'Campaigns joined (参与的帮扶行动), e.g. 万企兴万村' })
  campaigns: Campaign[];
}

@ObjectType('AssistanceUnitConnection', { description: 'A page of assistance units (帮扶单位)' })
export class AssistanceUnitConnection extends ConnectionType(AssistanceUnitNode, 'AssistanceUnit') {}

@ObjectType('EnterpriseConnection', { description: 'A page of partner enterprises (帮扶企业)' })
export class EnterpriseConnection extends ConnectionType(EnterpriseNode, 'Enterprise') {}

@InputType({ description: 'Assistance unit filter; all given conditions must hold' })
export class AssistanceUnitFilter {
  @Field({ nullable: true, description: 'Name contains this text' })
  @IsOptional()
  @Length(1, 50)
  search?: string;

  @Field(() => UnitKind, { nullable: true, description: 'Kind of unit (帮扶单位类别)' })
  @IsOptional()
  kind?: UnitKind;

  @Field(() => UnitLevel, { nullable: true, description: 'Level (层级)' })
  @IsOptional()
  level?: UnitLevel;

  @Field({ nullable: true, description: 'Home region inside this region (12-digit code or prefix)' })
  @IsOptional()
  regionCode?: string;
}

@InputType({ description: 'Enterprise filter; all given conditions must hold' })
export class EnterpriseFilter {
  @Field({ nullable: true, description: 'Name contains this text, or the credit code starts with it' })
  @IsOptional()
  @Length(1, 50)
  search?: string;

  @Field(() => Campaign, { nullable: true, description: 'Joined this campaign (帮扶行动)' })
  @IsOptional()
  campaign?: Campaign;

  @Field({ nullable: true, description: 'Home region inside this region (12-digit code or prefix)' })
  @IsOptional()
  regionCode?: string;
}
