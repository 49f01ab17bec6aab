import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A policy target as data (政策目标), seeded from the policy documents: which villages it applies
 * to, the metric and what it measures, the threshold and when it is due (a year, every year of a
 * period, or always). Changing a target is a data change.
 */
@Entity({ tableName: 'policy_target' })
export class PolicyTarget {
  @PrimaryKey({ type: 'text' }) code: string;
  @Property({ type: 'text' }) metric: string;
  @Property({ type: 'text' }) comparison: 'GTE' | 'EQ';
  @Property({ type: 'decimal' }) threshold: string;
  @Property({ type: 'text' }) unit: string;
  @Property({ type: 'text', nullable: true }) measures: string | null = null;
  @Property({ type: 'integer', nullable: true }) dueYear: number | null = null;
  @Property({ type: 'integer', nullable: true }) fromYear: number | null = null;
  @Property({ type: 'integer', nullable: true }) toYear: number | null = null;
  @Property({ type: 'text' }) appliesTo: 'KEY_ASSISTED' | 'DEMONSTRATION_PROVINCIAL_OR_MUNICIPAL' | 'COUNTY';
  @Property({ type: 'text' }) description: string;
  @Property({ type: 'text' }) source: string;
}
