import { Entity, Enum, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';

export enum PairingMechanism {
  DESIGNATED = 'DESIGNATED',
  EAST_WEST = 'EAST_WEST',
  COUNTERPART = 'COUNTERPART',
  ENTERPRISE_VILLAGE = 'ENTERPRISE_VILLAGE',
  STRONG_HELPS_WEAK = 'STRONG_HELPS_WEAK',
  SOCIAL_PARTICIPATION = 'SOCIAL_PARTICIPATION',
}

registerEnumType(PairingMechanism, {
  name: 'PairingMechanism',
  description: 'Pairing mechanism (帮扶机制)',
  valuesConfig: {
    DESIGNATED: {
      description:
        'Designated assistance (定点帮扶): by state units — party and government organs, public institutions, state-owned enterprises, central units (004 十五)',
    },
    EAST_WEST: {
      description:
        "East-west cooperation, or mountain-sea cooperation inside a province (东西部协作/山海协作): by the partner region or a unit or enterprise homed in it; a target's partner regions are those whose PARTNER_REGION unit holds an active EAST_WEST or COUNTERPART pairing with the target or its county",
    },
    COUNTERPART: {
      description:
        'Counterpart assistance (对口帮扶): by the partner region or a unit or enterprise homed in it, as EAST_WEST',
    },
    ENTERPRISE_VILLAGE: {
      description:
        'Enterprises boost villages (万企兴万村): by an enterprise enrolled in that campaign (千企兴千村 or 百企帮百村 alone does not count)',
    },
    STRONG_HELPS_WEAK: {
      description:
        'Strong village helps weak village (强村带弱村): a demonstration-village unit homed in a village designated 示范村 helps another village (003 第四篇)',
    },
    SOCIAL_PARTICIPATION: {
      description:
        'Social participation (社会力量参与帮扶): by a social organisation or an enterprise, e.g. in 百企帮百村 or 千企兴千村 (000 3., 004 十五)',
    },
  },
});

export enum CooperationArea {
  INDUSTRY = 'INDUSTRY',
  LABOUR = 'LABOUR',
  TALENT = 'TALENT',
  CONSUMPTION = 'CONSUMPTION',
  DONATION = 'DONATION',
  DESIGNATED_AID = 'DESIGNATED_AID',
}

registerEnumType(CooperationArea, {
  name: 'CooperationArea',
  description: 'Area of cooperation (协作领域)',
  valuesConfig: {
    INDUSTRY: { description: 'Industry cooperation (产业合作)' },
    LABOUR: { description: 'Labour cooperation (劳务协作)' },
    TALENT: { description: 'Talent exchange (人才交流)' },
    CONSUMPTION: { description: 'Consumption cooperation (消费协作)' },
    DONATION: { description: 'Donations (捐赠)' },
    DESIGNATED_AID: { description: 'Designated aid (定点帮扶)' },
  },
});

export enum PairingStatus {
  PROPOSED = 'PROPOSED',
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  ENDED = 'ENDED',
}

registerEnumType(PairingStatus, {
  name: 'PairingStatus',
  description: 'Pairing status (结对状态)',
  valuesConfig: {
    PROPOSED: { description: 'Proposed, not yet in force (拟结对)' },
    ACTIVE: { description: 'In force (结对中)' },
    SUSPENDED: { description: 'Suspended (暂停)' },
    ENDED: { description: 'Ended (已结束)' },
  },
});

export enum PairingTargetLevel {
  VILLAGE = 'VILLAGE',
  COUNTY = 'COUNTY',
}

export enum ContributionKind {
  FUNDS = 'FUNDS',
  GOODS = 'GOODS',
  JOBS = 'JOBS',
  TRAINING = 'TRAINING',
  TALENT = 'TALENT',
  PURCHASES = 'PURCHASES',
}

registerEnumType(ContributionKind, {
  name: 'ContributionKind',
  description: 'Kind of contribution (帮扶投入类别)',
  valuesConfig: {
    FUNDS: { description: 'Funds (资金)' },
    GOODS: { description: 'Goods and materials (物资)' },
    JOBS: { description: 'Jobs offered (就业岗位)' },
    TRAINING: { description: 'Training (培训)' },
    TALENT: { description: 'Talent sent (人才)' },
    PURCHASES: { description: 'Consumption purchases (消费采购)' },
  },
});

export enum ContributionStage {
  PLEDGED = 'PLEDGED',
  DELIVERED = 'DELIVERED',
}

registerEnumType(ContributionStage, {
  name: 'ContributionStage',
  description: 'Pledged or delivered (承诺/落实)',
  valuesConfig: {
    PLEDGED: { description: 'Pledged (承诺)' },
    DELIVERED: { description: 'Delivered (落实)' },
  },
});

/** A provider helping a village or a county under one mechanism (结对帮扶). */
@Entity({ tableName: 'pairing' })
export class Pairing {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id: Opt<string>;

  @Property({ type: 'uuid' })
  providerId: string;

  @Property({ type: 'string', length: 12 })
  targetCode: string;

  @Enum({ items: () => PairingTargetLevel, type: 'text' })
  targetLevel: PairingTargetLevel;

  @Enum({ items: () => PairingMechanism, type: 'text' })
  mechanism: PairingMechanism;

  @Property({ type: 'text[]' })
  cooperationAreas: string[] = [];

  /** Calendar dates as YYYY-MM-DD strings, never shifted by a time zone. */
  @Property({ type: 'string', columnType: 'date' })
  startDate: string;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  endDate: string | null = null;

  @Enum({ items: () => PairingStatus, type: 'text' })
  status: PairingStatus;

  @Property({ type: 'Date', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'Date', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}

/** Funds, goods, jobs … pledged or delivered under a pairing. Amounts in yuan, exact. */
@Entity({ tableName: 'contribution' })
export class Contribution {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id: Opt<string>;

  @Property({ type: 'uuid' })
  pairingId: string;

  @Enum({ items: () => ContributionKind, type: 'text' })
  kind: ContributionKind;

  @Enum({ items: () => ContributionStage, type: 'text' })
  stage: ContributionStage;

  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true })
  amount: string | null = null;

  @Property({ type: 'integer', nullable: true })
  count: number | null = null;

  @Property({ type: 'string', columnType: 'date' })
  contributedOn: string;

  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Property({ type: 'Date', defaultRaw: 'now()' })
  recordedAt: Opt<Date> = new Date();
}
