import { Field, Int, ObjectType } from 'type-graphql';
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

@ObjectType('RegionConnection')
export class RegionConnection extends ConnectionType(RegionNode, 'Region') {}

@ObjectType({ description: 'How many key-assisted villages meet one policy target (目标达成情况)' })
export class TargetAttainment {
  @Field({ description: 'Target code' })
  targetCode: string;

  @Field({ description: 'Metric measured' })
  metric: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Year the target is due (目标年份); null for standing requirements',
  })
  dueYear: number | null;

  @Field(() => Int, { description: 'Villages the target applies to' })
  applicableVillages: number;

  @Field(() => Int, { description: 'Villages with data to evaluate it' })
  evaluatedVillages: number;

  @Field(() => Int, { description: 'Villages meeting it (达标村数)' })
  metVillages: number;
}

@ObjectType({ description: 'Aggregates for the villages inside a region that the caller may see (区域汇总)' })
export class RegionSummary {
  @Field(() => Int, { nullable: true, description: "Indicator year evaluated; null means each village's latest" })
  year: number | null;

  @Field(() => Int, { description: 'Villages (行政村数)' })
  villageCount: number;

  @Field(() => Int, { description: 'Key-assisted villages (重点帮扶村数)' })
  keyAssistedVillageCount: number;

  @Field(() => Int, { description: 'Former poverty villages (原贫困村数)' })
  formerPovertyVillageCount: number;

  @Field(() => Int, { description: 'Demonstration villages (示范村数)' })
  demonstrationVillageCount: number;

  @Field(() => Int, { description: 'Villages with indicators for the year (有指标数据的村)' })
  villagesWithIndicators: number;

  @Field(() => [TargetAttainment], { description: 'Per policy target, how many applicable villages meet it' })
  targets: TargetAttainment[];
}
