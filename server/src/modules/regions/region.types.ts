import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../core/relay/node';
import { SOURCE_DESCRIPTION } from '../../core/provenance';
import { ConnectionType } from '../../core/relay/connection';
import { KeyAssistedCountyLevel, RegionLevel } from './region.entity';

@ObjectType('Region', {
  implements: Node,
  description: 'Administrative region (行政区划): province, city, county, township or village',
})
export class RegionNode extends Node {
  @Field({ description: '12-digit statistical division code (统计用区划代码); upper levels end in zeros' })
  code: string;

  @Field({ description: 'Name (名称)' })
  name: string;

  @Field(() => RegionLevel, { description: 'Level (级别)' })
  level: RegionLevel;

  @Field({ description: 'Former poverty county (脱贫县); false below and above county level' })
  formerPovertyCounty: boolean;

  @Field(() => KeyAssistedCountyLevel, {
    nullable: true,
    description: 'Key-assisted county for rural revitalisation (乡村振兴重点帮扶县), national or provincial',
  })
  keyAssistedCounty: KeyAssistedCountyLevel | null;

  @Field(() => String, { nullable: true, description: SOURCE_DESCRIPTION })
  source: string | null;

  /** The key inside the global id: the region code. */
  key: string;
  parentCode: string | null;
}

@ObjectType('RegionConnection', { description: 'A page of regions (行政区划) within your scope' })
export class RegionConnection extends ConnectionType(RegionNode, 'Region') {}
