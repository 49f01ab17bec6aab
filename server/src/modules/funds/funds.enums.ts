import { registerEnumType } from 'type-graphql';

/**
 * Where money comes from (资金来源). The first four are the fiscal transition funds
 * (财政衔接推进乡村振兴补助资金) the 12% rule of `003_6038825323505164.txt` 第四篇 counts; partner
 * sources name the provider whose money it is.
 */
export enum FundSource {
  CENTRAL_TRANSITION = 'CENTRAL_TRANSITION',
  PROVINCIAL_TRANSITION = 'PROVINCIAL_TRANSITION',
  CITY_TRANSITION = 'CITY_TRANSITION',
  COUNTY_TRANSITION = 'COUNTY_TRANSITION',
  EAST_WEST = 'EAST_WEST',
  DESIGNATED = 'DESIGNATED',
  ENTERPRISE = 'ENTERPRISE',
  SOCIAL = 'SOCIAL',
}

registerEnumType(FundSource, {
  name: 'FundingSource',
  description: 'Source of funds (资金来源)',
  valuesConfig: {
    CENTRAL_TRANSITION: { description: 'Central fiscal transition funds (中央财政衔接推进乡村振兴补助资金)' },
    PROVINCIAL_TRANSITION: { description: 'Provincial fiscal transition funds (省级财政衔接资金)' },
    CITY_TRANSITION: {
      description: 'City fiscal transition funds (市级财政衔接资金), a city budget fund (市级预算资金)',
    },
    COUNTY_TRANSITION: {
      description: 'County fiscal transition funds (县级财政衔接资金), a county budget fund (县级预算资金)',
    },
    EAST_WEST: { description: 'East-west cooperation funds (东西部协作资金, 山海协作资金); names the partner' },
    DESIGNATED: { description: 'Designated-assistance funds (定点帮扶资金); names the assistance unit' },
    ENTERPRISE: { description: 'Enterprise money (企业帮扶资金, 万企兴万村); names the enterprise' },
    SOCIAL: { description: 'Social money (社会帮扶资金); may name a provider' },
  },
});

/** The fiscal transition funds (财政衔接推进乡村振兴补助资金) the 12% rule is about. */
export const FISCAL_TRANSITION_SOURCES: readonly FundSource[] = [
  FundSource.CENTRAL_TRANSITION,
  FundSource.PROVINCIAL_TRANSITION,
  FundSource.CITY_TRANSITION,
  FundSource.COUNTY_TRANSITION,
];

/** City and county budget funds, which must be in place by the end of April (`002_d5d8c2fb670d631c.txt` 九). */
export const CITY_AND_COUNTY_BUDGET_SOURCES: readonly FundSource[] = [
  FundSource.CITY_TRANSITION,
  FundSource.COUNTY_TRANSITION,
];

/** Sources that are a partner's own money and must name it. */
export const PARTNER_SOURCES: readonly FundSource[] = [
  FundSource.EAST_WEST,
  FundSource.DESIGNATED,
  FundSource.ENTERPRISE,
];

export enum ProjectCategory {
  INDUSTRY = 'INDUSTRY',
  EMPLOYMENT = 'EMPLOYMENT',
  INFRASTRUCTURE = 'INFRASTRUCTURE',
  PUBLIC_SERVICES = 'PUBLIC_SERVICES',
  LIVING_ENVIRONMENT = 'LIVING_ENVIRONMENT',
  OTHER = 'OTHER',
}

registerEnumType(ProjectCategory, {
  name: 'ProjectCategory',
  description: 'Project category (项目类别)',
  valuesConfig: {
    INDUSTRY: { description: 'Industry development (产业发展)' },
    EMPLOYMENT: { description: 'Employment support (就业帮扶), e.g. assistance workshops (帮扶车间)' },
    INFRASTRUCTURE: { description: 'Infrastructure (基础设施): roads, water, power, networks' },
    PUBLIC_SERVICES: { description: 'Public services (公共服务): clinics, schools, service centres' },
    LIVING_ENVIRONMENT: { description: 'Living environment (人居环境): toilets, refuse, sewage' },
    OTHER: { description: 'Other (其他)' },
  },
});

/**
 * The project library workflow (项目库, `002_d5d8c2fb670d631c.txt` 九, `001_c47cf39a4dcd88d2.txt` 23).
 * See PROJECT_STEPS in project-workflow.ts for what may follow what and who moves each step.
 */
export enum ProjectStatus {
  PROPOSED = 'PROPOSED',
  ASSESSED = 'ASSESSED',
  APPROVED = 'APPROVED',
  ANNOUNCED = 'ANNOUNCED',
  STARTED = 'STARTED',
  ACCEPTED = 'ACCEPTED',
  EVALUATED = 'EVALUATED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(ProjectStatus, {
  name: 'ProjectStatus',
  description: 'Project status in the project library (项目库状态)',
  valuesConfig: {
    PROPOSED: { description: 'Entered the library (申报入库)' },
    ASSESSED: { description: 'Assessed (论证评审)' },
    APPROVED: { description: 'Approved (审批立项)' },
    ANNOUNCED: { description: 'Publicly announced (公示公告)' },
    STARTED: { description: 'Started (开工)' },
    ACCEPTED: { description: 'Accepted after completion (竣工验收)' },
    EVALUATED: { description: 'Performance evaluated (绩效评价)' },
    CANCELLED: { description: 'Cancelled before starting (取消)' },
  },
});

export enum PaymentStage {
  ADVANCE = 'ADVANCE',
  PROGRESS = 'PROGRESS',
  FINAL = 'FINAL',
}

registerEnumType(PaymentStage, {
  name: 'PaymentStage',
  description: 'Payment by progress (按进度拨付)',
  valuesConfig: {
    ADVANCE: { description: 'Advance at the start (预付款)' },
    PROGRESS: { description: 'Progress payment (进度款)' },
    FINAL: { description: 'Final settlement after acceptance (验收结算款)' },
  },
});

export enum AssetType {
  OPERATING = 'OPERATING',
  PUBLIC_WELFARE = 'PUBLIC_WELFARE',
  HOUSEHOLD = 'HOUSEHOLD',
}

registerEnumType(AssetType, {
  name: 'AssetType',
  description: 'Type of project asset (扶贫项目资产类型, `002_d5d8c2fb670d631c.txt` 九)',
  valuesConfig: {
    OPERATING: { description: 'Operating asset (经营性资产): earns income; needs a benefit link' },
    PUBLIC_WELFARE: { description: 'Public-welfare asset (公益性资产): roads, water works …; needs an upkeep body' },
    HOUSEHOLD: { description: 'Household asset (到户类资产): owned by the household it was given to' },
  },
});

export enum AssetOwnerKind {
  VILLAGE_COLLECTIVE = 'VILLAGE_COLLECTIVE',
  HOUSEHOLD = 'HOUSEHOLD',
}

registerEnumType(AssetOwnerKind, {
  name: 'AssetOwnerKind',
  description: 'Owner of a project asset (产权归属, `000_ed3d1c40eab019cc.txt` 4)',
  valuesConfig: {
    VILLAGE_COLLECTIVE: { description: 'The village collective (村集体); every asset not given to a household' },
    HOUSEHOLD: { description: 'The household it was given to (到户资产)' },
  },
});

export enum BenefitLink {
  CONTRACT = 'CONTRACT',
  DIVIDEND = 'DIVIDEND',
  SHAREHOLDING = 'SHAREHOLDING',
}

registerEnumType(BenefitLink, {
  name: 'BenefitLink',
  description: 'Benefit link with farmers (利益联结机制, `002_d5d8c2fb670d631c.txt` 九)',
  valuesConfig: {
    CONTRACT: { description: 'Contract-based (契约型)' },
    DIVIDEND: { description: 'Dividend-based (分红型)' },
    SHAREHOLDING: { description: 'Shareholding (股份型)' },
  },
});

export enum AssetStatus {
  IN_USE = 'IN_USE',
  DISPOSED = 'DISPOSED',
}

registerEnumType(AssetStatus, {
  name: 'AssetStatus',
  description: 'Asset status (资产状态)',
  valuesConfig: {
    IN_USE: { description: 'In use (在用)' },
    DISPOSED: { description: 'Disposed with approval (已处置)' },
  },
});

export enum DisposalKind {
  TRANSFER = 'TRANSFER',
  EXCHANGE = 'EXCHANGE',
  WRITE_OFF = 'WRITE_OFF',
  SCRAP = 'SCRAP',
}

registerEnumType(DisposalKind, {
  name: 'DisposalKind',
  description: 'Kind of asset disposal (资产处置方式, `004_44e68c292b71f99b.txt` (四))',
  valuesConfig: {
    TRANSFER: { description: 'Transfer (转让)' },
    EXCHANGE: { description: 'Exchange (置换)' },
    WRITE_OFF: { description: 'Write-off of a loss (报损)' },
    SCRAP: { description: 'Scrapping (报废)' },
  },
});

export enum DisposalStatus {
  REQUESTED = 'REQUESTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

registerEnumType(DisposalStatus, {
  name: 'DisposalStatus',
  description: 'Disposal request status (处置审批状态)',
  valuesConfig: {
    REQUESTED: { description: 'Awaiting the county’s approval (待审批)' },
    APPROVED: { description: 'Approved by the county (已批准); the asset is disposed' },
    REJECTED: { description: 'Rejected by the county (未批准)' },
  },
});
