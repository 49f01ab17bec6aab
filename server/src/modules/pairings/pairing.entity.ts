import { Entity, Enum, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';

export enum PairingMechanism {
  DESIGNATED = 'DESIGNATED',
  EAST_WEST = 'EAST_WEST',
  COUNTERPART = 'COUNTERPART',
  ENTERPRISE_VILLAGE = 'ENTERPRISE_VILLAGE',
  STRONG_HELPS_WEAK = 'STRONG_HELPS_WEAK',
}

registerEnumType(PairingMechanism, {
  name: 'PairingMechanism',
  description: 'Pairing mechanism (帮扶机制)',
  valuesConfig: {
    DESIGNATED: { description: 'Designated assistance (定点帮扶)' },
    EAST_WEST: {
      description: 'East-west cooperation, or mountain-sea cooperation inside a province (东西部协作/山海协作)',
    },
    COUNTERPART: { description: 'Counterpart assistance (对口帮扶)' },
    ENTERPRISE_VILLAGE: { description: 'Enterprises boost villages (万企兴万村); the provider is an enterprise' },
    STRONG_HELPS_WEAK: {
      description: 'Strong village helps weak village (强村带弱村); a demonstration village helps a village',
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

/** Which status may follow which; anything else (including staying put) is refused. */
export const PAIRING_TRANSITIONS: Record<PairingStatus, readonly PairingStatus[]> = {
  [PairingStatus.PROPOSED]: [PairingStatus.ACTIVE, PairingStatus.ENDED],
  [PairingStatus.ACTIVE]: [PairingStatus.SUSPENDED, PairingStatus.ENDED],
  [PairingStatus.SUSPENDED]: [PairingStatus.ACTIVE, PairingStatus.ENDED],
  [PairingStatus.ENDED]: [],
};

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
