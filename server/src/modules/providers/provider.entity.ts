import { Entity, Enum, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';

export enum ProviderType {
  ASSISTANCE_UNIT = 'ASSISTANCE_UNIT',
  ENTERPRISE = 'ENTERPRISE',
}

export enum UnitKind {
  PARTY_GOVERNMENT_ORGAN = 'PARTY_GOVERNMENT_ORGAN',
  PUBLIC_INSTITUTION = 'PUBLIC_INSTITUTION',
  STATE_OWNED_ENTERPRISE = 'STATE_OWNED_ENTERPRISE',
  CENTRAL_UNIT = 'CENTRAL_UNIT',
  PARTNER_REGION = 'PARTNER_REGION',
  SOCIAL_ORGANISATION = 'SOCIAL_ORGANISATION',
  DEMONSTRATION_VILLAGE = 'DEMONSTRATION_VILLAGE',
}

registerEnumType(UnitKind, {
  name: 'UnitKind',
  description: 'Kind of assistance unit (帮扶单位类别)',
  valuesConfig: {
    PARTY_GOVERNMENT_ORGAN: { description: 'Party or government organ (党政机关)' },
    PUBLIC_INSTITUTION: { description: 'Public institution: university, hospital, institute (事业单位)' },
    STATE_OWNED_ENTERPRISE: { description: 'State-owned enterprise (国有企业)' },
    CENTRAL_UNIT: { description: 'Central unit on designated assistance (中央单位)' },
    PARTNER_REGION: {
      description: 'Partner region in east-west or mountain-sea cooperation (东西部协作/山海协作地区)',
    },
    SOCIAL_ORGANISATION: { description: 'Social organisation (社会组织)' },
    DEMONSTRATION_VILLAGE: { description: 'Demonstration village helping a weaker one (示范村, 强村带弱村)' },
  },
});

export enum UnitLevel {
  CENTRAL = 'CENTRAL',
  PROVINCIAL = 'PROVINCIAL',
  MUNICIPAL = 'MUNICIPAL',
  COUNTY = 'COUNTY',
}

registerEnumType(UnitLevel, {
  name: 'UnitLevel',
  description: 'Administrative level of an assistance unit (帮扶单位层级)',
  valuesConfig: {
    CENTRAL: { description: 'Central (中央)' },
    PROVINCIAL: { description: 'Provincial (省级)' },
    MUNICIPAL: { description: 'Municipal (市级)' },
    COUNTY: { description: 'County (县级)' },
  },
});

export enum Ownership {
  PRIVATE = 'PRIVATE',
  STATE_OWNED = 'STATE_OWNED',
  COLLECTIVE = 'COLLECTIVE',
  FOREIGN = 'FOREIGN',
}

registerEnumType(Ownership, {
  name: 'Ownership',
  description: 'Enterprise ownership (企业性质)',
  valuesConfig: {
    PRIVATE: { description: 'Private (民营)' },
    STATE_OWNED: { description: 'State-owned (国有)' },
    COLLECTIVE: { description: 'Collective (集体)' },
    FOREIGN: { description: 'Foreign-invested (外资)' },
  },
});

export enum Campaign {
  WANQI_XING_WANCUN = 'WANQI_XING_WANCUN',
  QIANQI_XING_QIANCUN = 'QIANQI_XING_QIANCUN',
  BAIQI_BANG_BAICUN = 'BAIQI_BANG_BAICUN',
}

registerEnumType(Campaign, {
  name: 'Campaign',
  description: 'Enterprise assistance campaign (企业帮扶行动)',
  valuesConfig: {
    WANQI_XING_WANCUN: { description: 'Ten thousand enterprises boost ten thousand villages (万企兴万村)' },
    QIANQI_XING_QIANCUN: { description: 'A thousand enterprises boost a thousand villages (千企兴千村)' },
    BAIQI_BANG_BAICUN: { description: 'A hundred enterprises help a hundred villages (百企帮百村)' },
  },
});

/**
 * An assistance unit or an enterprise (帮扶主体). One table so that pairings, purchases and
 * tokens refer to any provider by one id; columns of the other type stay null (checked in SQL).
 */
@Entity({ tableName: 'provider' })
export class Provider {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id: Opt<string>;

  @Enum({ items: () => ProviderType, type: 'text' })
  type: ProviderType;

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'string', length: 12, nullable: true })
  regionCode: string | null = null;

  @Enum({ items: () => UnitKind, type: 'text', nullable: true })
  unitKind: UnitKind | null = null;

  @Enum({ items: () => UnitLevel, type: 'text', nullable: true })
  unitLevel: UnitLevel | null = null;

  @Property({ type: 'string', length: 18, nullable: true })
  creditCode: string | null = null;

  @Enum({ items: () => Ownership, type: 'text', nullable: true })
  ownership: Ownership | null = null;

  @Property({ type: 'text', nullable: true })
  industry: string | null = null;

  @Property({ type: 'boolean', nullable: true })
  federationMember: boolean | null = null;

  @Property({ type: 'text[]' })
  campaigns: string[] = [];

  @Property({ type: 'Date', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'Date', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}
