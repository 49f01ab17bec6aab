import { Entity, type Opt, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';

export enum RegionLevel {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  COUNTY = 'COUNTY',
  TOWNSHIP = 'TOWNSHIP',
  VILLAGE = 'VILLAGE',
}

registerEnumType(RegionLevel, {
  name: 'RegionLevel',
  description: 'Administrative level (行政区划级别)',
  valuesConfig: {
    PROVINCE: { description: 'Province (省)' },
    CITY: { description: 'Prefecture-level city (市)' },
    COUNTY: { description: 'County or district (县/区)' },
    TOWNSHIP: { description: 'Township, town or sub-district (乡/镇/街道)' },
    VILLAGE: { description: 'Administrative village (行政村)' },
  },
});

export enum KeyAssistedCountyLevel {
  NATIONAL = 'NATIONAL',
  PROVINCIAL = 'PROVINCIAL',
}

registerEnumType(KeyAssistedCountyLevel, {
  name: 'KeyAssistedCountyLevel',
  description: 'Level of a key-assisted county for rural revitalisation (乡村振兴重点帮扶县级别)',
  valuesConfig: {
    NATIONAL: { description: 'National key-assisted county (国家乡村振兴重点帮扶县)' },
    PROVINCIAL: { description: 'Provincial key-assisted county (省级乡村振兴重点帮扶县)' },
  },
});

@Entity({ tableName: 'region' })
export class Region {
  @PrimaryKey({ type: 'string', length: 12 })
  code: string;

  @Property({ type: 'text' })
  name: string;

  @Enum({ items: () => RegionLevel, type: 'text' })
  level: RegionLevel;

  @Property({ type: 'string', length: 12, nullable: true })
  parentCode: string | null;

  @Property({ type: 'boolean' })
  formerPovertyCounty: boolean = false;

  @Enum({ items: () => KeyAssistedCountyLevel, type: 'text', nullable: true })
  keyAssistedCounty: KeyAssistedCountyLevel | null = null;

  @Property({ type: 'Date', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'Date', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}
