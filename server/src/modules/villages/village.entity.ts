import { Entity, type Opt, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';

export enum DesignationKind {
  KEY_ASSISTED = 'KEY_ASSISTED',
  FORMER_POVERTY = 'FORMER_POVERTY',
  MERGED = 'MERGED',
  DEMONSTRATION = 'DEMONSTRATION',
}

registerEnumType(DesignationKind, {
  name: 'DesignationKind',
  description: 'Village designation (村庄类别)',
  valuesConfig: {
    KEY_ASSISTED: { description: 'Key-assisted village for rural revitalisation (乡村振兴重点帮扶村)' },
    FORMER_POVERTY: { description: 'Former poverty village (原贫困村)' },
    MERGED: { description: 'Village merged in the two reforms (两项改革合并村)' },
    DEMONSTRATION: { description: 'Rural revitalisation demonstration village (乡村振兴示范村)' },
  },
});

export enum DesignationLevel {
  NATIONAL = 'NATIONAL',
  PROVINCIAL = 'PROVINCIAL',
  MUNICIPAL = 'MUNICIPAL',
  COUNTY = 'COUNTY',
}

registerEnumType(DesignationLevel, {
  name: 'DesignationLevel',
  description: 'Level that made the designation (认定级别)',
  valuesConfig: {
    NATIONAL: { description: 'National (国家级)' },
    PROVINCIAL: { description: 'Provincial (省级)' },
    MUNICIPAL: { description: 'Municipal (市级)' },
    COUNTY: { description: 'County or district (县/区级)' },
  },
});

/** A village's profile; its name and place in the hierarchy live in `region`. */
@Entity({ tableName: 'village' })
export class Village {
  @PrimaryKey({ type: 'string', length: 12 })
  code: string;

  @Property({ type: 'text', nullable: true })
  leadingIndustry: string | null = null;

  @Property({ type: 'text[]' })
  specialtyIndustries: string[] = [];

  @Property({ type: 'text[]' })
  mainIndustries: string[] = [];

  @Property({ type: 'text', nullable: true })
  source: string | null = null;

  @Property({ type: 'Date', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'Date', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}

@Entity({ tableName: 'village_designation' })
export class VillageDesignation {
  @PrimaryKey({ type: 'string', length: 12 })
  villageCode: string;

  @Enum({ items: () => DesignationKind, type: 'text', primary: true })
  kind: DesignationKind;

  @Enum({ items: () => DesignationLevel, type: 'text', nullable: true })
  level: DesignationLevel | null = null;

  @Property({ type: 'integer', nullable: true })
  sinceYear: number | null = null;

  @Property({ type: 'text', nullable: true })
  source: string | null = null;

  @Property({ type: 'Date', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
