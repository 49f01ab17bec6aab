/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Statistics filter; voided purchases are always excluded */
export type ConsumptionStatsFilter = {
  /** Buyer: an AssistanceUnit or Enterprise id (采购方) */
  buyerId?: string | number | null | undefined;
  /** Only lines of this category */
  category?: ProductCategory | null | undefined;
  /** Only this channel (采购渠道) */
  channel?: PurchaseChannel | null | undefined;
  /** Purchased on or after */
  from?: string | null | undefined;
  /** Origin village inside this region */
  regionCode?: string | null | undefined;
  /** Purchased on or before */
  to?: string | null | undefined;
  /** Origin village (产地村) */
  villageId?: string | number | null | undefined;
};

/** Kind of contribution (帮扶投入类别) */
export type ContributionKind =
  /** Funds (资金) */
  | 'FUNDS'
  /** Goods and materials (物资) */
  | 'GOODS'
  /** Jobs offered (就业岗位) */
  | 'JOBS'
  /** Consumption purchases (消费采购) */
  | 'PURCHASES'
  /** Talent sent (人才) */
  | 'TALENT'
  /** Training (培训) */
  | 'TRAINING';

/** Pledged or delivered (承诺/落实) */
export type ContributionStage =
  /** Delivered (落实) */
  | 'DELIVERED'
  /** Pledged (承诺) */
  | 'PLEDGED';

/** Area of cooperation (协作领域) */
export type CooperationArea =
  /** Consumption cooperation (消费协作) */
  | 'CONSUMPTION'
  /** Designated aid (定点帮扶) */
  | 'DESIGNATED_AID'
  /** Donations (捐赠) */
  | 'DONATION'
  /** Industry cooperation (产业合作) */
  | 'INDUSTRY'
  /** Labour cooperation (劳务协作) */
  | 'LABOUR'
  /** Talent exchange (人才交流) */
  | 'TALENT';

/** Village designation (村庄类别) */
export type DesignationKind =
  /** Rural revitalisation demonstration village (乡村振兴示范村) */
  | 'DEMONSTRATION'
  /** Former poverty village (原贫困村) */
  | 'FORMER_POVERTY'
  /** Key-assisted village for rural revitalisation (乡村振兴重点帮扶村) */
  | 'KEY_ASSISTED'
  /** Village merged in the two reforms (两项改革合并村) */
  | 'MERGED';

/** Level that made the designation (认定级别) */
export type DesignationLevel =
  /** County or district (县/区级) */
  | 'COUNTY'
  /** Municipal (市级) */
  | 'MUNICIPAL'
  /** National (国家级) */
  | 'NATIONAL'
  /** Provincial (省级) */
  | 'PROVINCIAL';

/** How the household was discovered (发现方式, 000/004: 农户主动申请、部门信息比对、基层干部定期跟踪回访) */
export type DiscoverySource =
  /** Cadres’ regular follow-up visit or screening (基层干部定期跟踪回访/排查) */
  | 'CADRE_VISIT'
  /** Cross-check of department data (部门信息比对) */
  | 'DEPARTMENT_DATA'
  /** The household applied itself (农户主动申请) */
  | 'SELF_APPLICATION';

/** Fund allocation filter; all given conditions must hold (资金筛选) */
export type FundAllocationFilter = {
  /** true: in place; false: not yet in place */
  inPlace?: boolean | null | undefined;
  /** Allocations of this provider’s money */
  providerId?: string | number | null | undefined;
  /** Allocations to a county inside this region (12-digit code or prefix) */
  regionCode?: string | null | undefined;
  /** Only money from this source (资金来源) */
  source?: FundingSource | null | undefined;
  /** Only allocations of this budget year (资金年度) */
  year?: number | null | undefined;
};

/** Source of funds (资金来源) */
export type FundingSource =
  /** Central fiscal transition funds (中央财政衔接推进乡村振兴补助资金) */
  | 'CENTRAL_TRANSITION'
  /** City fiscal transition funds (市级财政衔接资金), a city budget fund (市级预算资金) */
  | 'CITY_TRANSITION'
  /** County fiscal transition funds (县级财政衔接资金), a county budget fund (县级预算资金) */
  | 'COUNTY_TRANSITION'
  /** Designated-assistance funds (定点帮扶资金); names the assistance unit */
  | 'DESIGNATED'
  /** East-west cooperation funds (东西部协作资金, 山海协作资金); names the partner */
  | 'EAST_WEST'
  /** Enterprise money (企业帮扶资金, 万企兴万村); names the enterprise */
  | 'ENTERPRISE'
  /** Provincial fiscal transition funds (省级财政衔接资金) */
  | 'PROVINCIAL_TRANSITION'
  /** Social money (社会帮扶资金); may name a provider */
  | 'SOCIAL';

/** Level of a key-assisted county for rural revitalisation (乡村振兴重点帮扶县级别) */
export type KeyAssistedCountyLevel =
  /** National key-assisted county (国家乡村振兴重点帮扶县) */
  | 'NATIONAL'
  /** Provincial key-assisted county (省级乡村振兴重点帮扶县) */
  | 'PROVINCIAL';

/** Narrows a live subscription; your scope always applies on top (实时订阅筛选) */
export type LiveFilter = {
  /** Only events this provider (assistance unit or enterprise) takes part in */
  providerId?: string | number | null | undefined;
  /** Only events inside this region (12-digit code or prefix) */
  regionCode?: string | null | undefined;
  /** Only events about this village */
  villageId?: string | number | null | undefined;
};

/** A step of the monitoring workflow (监测流程环节), each owned by one level: 村级, 乡级 or 县级 */
export type MonitoringAction =
  /** County confirmation (县/区级确定): TOWNSHIP_REVIEWED → CONFIRMED; county level */
  | 'CONFIRM'
  /** County marks the risk eliminated after the notice (标注风险消除): IN_NOTICE → RISK_ELIMINATED; county level; rules checked */
  | 'MARK_RISK_ELIMINATED'
  /** Propose risk elimination (拟风险消除): ASSISTING → ELIMINATION_PROPOSED; village level; rules checked */
  | 'PROPOSE_ELIMINATION'
  /** Do not include the household (不予纳入), with a reason: by the village (REPORTED, VILLAGE_REVIEWED), the township (IN_NOTICE) or the county (TOWNSHIP_REVIEWED) */
  | 'REJECT'
  /** Report a household for monitoring (上报); any level acting for the village */
  | 'REPORT'
  /** Start assistance under the plan (落实帮扶): CONFIRMED → ASSISTING; village level; needs a responsible person and a measure fitting the household */
  | 'START_ASSISTANCE'
  /** Township reviews the proposal and posts the notice (风险消除公示): ELIMINATION_PROPOSED → IN_NOTICE; township level; rules checked */
  | 'START_ELIMINATION_NOTICE'
  /** Post the identification notice in the village (村内公示): VILLAGE_REVIEWED → IN_NOTICE; village level */
  | 'START_NOTICE'
  /** Township review after the notice has run (乡镇审核): IN_NOTICE → TOWNSHIP_REVIEWED; township level */
  | 'TOWNSHIP_REVIEW'
  /** Village review (村级评议): REPORTED → VILLAGE_REVIEWED; village level */
  | 'VILLAGE_REVIEW'
  /** Send an elimination proposal back to assistance (退回继续帮扶), with a reason: by the township (ELIMINATION_PROPOSED) or the county (IN_NOTICE) */
  | 'WITHDRAW_ELIMINATION';

/** Narrows `monitoringCases` (监测对象筛选); your scope always applies */
export type MonitoringCaseFilter = {
  /** Only cases of this category (监测对象类别) */
  category?: MonitoringCategory | null | undefined;
  /** Only cases of this household */
  householdId?: string | number | null | undefined;
  /** true: only cases whose notice has ended and that still wait for the next step (公示期满待处理) */
  noticeOverdue?: boolean | null | undefined;
  /** true: open cases only; false: closed ones (RISK_ELIMINATED, REJECTED) */
  open?: boolean | null | undefined;
  /** Only cases inside this region (12-digit code or prefix) */
  regionCode?: string | null | undefined;
  /** Only cases with this among their causes */
  riskCause?: RiskCause | null | undefined;
  /** Only cases in this status (当前状态) */
  status?: MonitoringCaseStatus | null | undefined;
  /** Only cases of this village */
  villageId?: string | number | null | undefined;
};

/** Where a monitoring case stands (监测状态): REPORTED → VILLAGE_REVIEWED → IN_NOTICE → TOWNSHIP_REVIEWED → CONFIRMED → ASSISTING → ELIMINATION_PROPOSED → IN_NOTICE → RISK_ELIMINATED, or REJECTED */
export type MonitoringCaseStatus =
  /** Assisted under its plan (帮扶中) */
  | 'ASSISTING'
  /** Confirmed by the county (县/区级确定); the plan (一户一案) is being made */
  | 'CONFIRMED'
  /** Risk elimination proposed by the village (拟风险消除) */
  | 'ELIMINATION_PROPOSED'
  /** In public notice (公示中): for identification (纳入) or for risk elimination (风险消除); see `notice` */
  | 'IN_NOTICE'
  /** Not included in monitoring (不予纳入), with a reason */
  | 'REJECTED'
  /** Reported, awaiting village review (已上报, 待村级评议) */
  | 'REPORTED'
  /** Risk eliminated (风险消除), approved by the county after the notice */
  | 'RISK_ELIMINATED'
  /** Reviewed by the township (乡镇审核), awaiting county confirmation */
  | 'TOWNSHIP_REVIEWED'
  /** Reviewed by the village (村级评议), awaiting the public notice */
  | 'VILLAGE_REVIEWED';

/** Category of monitored household (监测对象类别, "三类户": 000, 002, 004) */
export type MonitoringCategory =
  /** Marginal household easily falling into poverty (边缘易致贫户); not a 脱贫户 */
  | 'MARGINAL'
  /** Household in sudden severe hardship (突发严重困难户): large rigid expenditure or sharply reduced income from illness, disaster or accident */
  | 'SUDDEN_HARDSHIP'
  /** Lifted out of poverty but unstable (脱贫不稳定户); only for a 脱贫户 */
  | 'UNSTABLE_LIFTED';

/** What changed in a monitoring case (监测动态) */
export type MonitoringChange =
  /** A measure was added (帮扶措施) */
  | 'MEASURE'
  /** The plan or its responsible person (帮扶计划/结对责任人) */
  | 'PLAN'
  /** A workflow step: reported, reviewed, noticed, confirmed, eliminated … (流程环节) */
  | 'STEP'
  /** A follow-up visit was recorded (跟踪回访) */
  | 'VISIT';

/** Kind of public notice (公示类别); its length in days is a setting per region (003: 公示期7天) */
export type NoticeKind =
  /** Notice of risk elimination (风险消除公示) */
  | 'ELIMINATION'
  /** Notice of inclusion in monitoring (纳入监测公示) */
  | 'IDENTIFICATION';

/** Pairing filter; all given conditions must hold */
export type PairingFilter = {
  /** Mechanism (帮扶机制) */
  mechanism?: PairingMechanism | null | undefined;
  /** Provider (AssistanceUnit or Enterprise id) */
  providerId?: string | number | null | undefined;
  /** Target inside this region, or the county containing it (12-digit code or prefix) */
  regionCode?: string | null | undefined;
  /** Status (结对状态) */
  status?: PairingStatus | null | undefined;
};

/** Pairing mechanism (帮扶机制) */
export type PairingMechanism =
  /** Counterpart assistance (对口帮扶): by the partner region or a unit or enterprise homed in it, as EAST_WEST */
  | 'COUNTERPART'
  /** Designated assistance (定点帮扶): by state units — party and government organs, public institutions, state-owned enterprises, central units (004 十五) */
  | 'DESIGNATED'
  /** East-west cooperation, or mountain-sea cooperation inside a province (东西部协作/山海协作): by the partner region or a unit or enterprise homed in it; a target's partner regions are those whose PARTNER_REGION unit holds an active EAST_WEST or COUNTERPART pairing with the target or its county */
  | 'EAST_WEST'
  /** Enterprises boost villages (万企兴万村): by an enterprise enrolled in that campaign (千企兴千村 or 百企帮百村 alone does not count) */
  | 'ENTERPRISE_VILLAGE'
  /** Social participation (社会力量参与帮扶): by a social organisation or an enterprise, e.g. in 百企帮百村 or 千企兴千村 (000 3., 004 十五) */
  | 'SOCIAL_PARTICIPATION'
  /** Strong village helps weak village (强村带弱村): a demonstration-village unit homed in a village designated 示范村 helps another village (003 第四篇) */
  | 'STRONG_HELPS_WEAK';

/** Pairing status (结对状态) */
export type PairingStatus =
  /** In force (结对中) */
  | 'ACTIVE'
  /** Ended (已结束) */
  | 'ENDED'
  /** Proposed, not yet in force (拟结对) */
  | 'PROPOSED'
  /** Suspended (暂停) */
  | 'SUSPENDED';

/** Product category (产品类别) */
export type ProductCategory =
  /** Aquatic products (水产) */
  | 'AQUATIC'
  /** Fruit and vegetables (果蔬) */
  | 'FRUIT_VEGETABLE'
  /** Grain and oil (粮油) */
  | 'GRAIN_OIL'
  /** Handicrafts (手工艺品) */
  | 'HANDICRAFT'
  /** Meat, poultry and eggs (肉禽蛋) */
  | 'MEAT_POULTRY_EGG'
  /** Other (其他) */
  | 'OTHER'
  /** Processed food (农副加工品) */
  | 'PROCESSED_FOOD'
  /** Tea (茶叶) */
  | 'TEA';

/** Project category (项目类别) */
export type ProjectCategory =
  /** Employment support (就业帮扶), e.g. assistance workshops (帮扶车间) */
  | 'EMPLOYMENT'
  /** Industry development (产业发展) */
  | 'INDUSTRY'
  /** Infrastructure (基础设施): roads, water, power, networks */
  | 'INFRASTRUCTURE'
  /** Living environment (人居环境): toilets, refuse, sewage */
  | 'LIVING_ENVIRONMENT'
  /** Other (其他) */
  | 'OTHER'
  /** Public services (公共服务): clinics, schools, service centres */
  | 'PUBLIC_SERVICES';

/** What happened to a project (项目动态) */
export type ProjectChangeKind =
  /** Received a payment (拨付) */
  | 'PAID'
  /** Entered the library (入库) */
  | 'PROPOSED'
  /** Moved a step (状态变更) */
  | 'STATUS_CHANGED';

/** Project filter; all given conditions must hold (项目筛选) */
export type ProjectFilter = {
  /** Only projects of this category (项目类别) */
  category?: ProjectCategory | null | undefined;
  /** Projects funded by this provider (AssistanceUnit or Enterprise id) */
  providerId?: string | number | null | undefined;
  /** Projects of a county inside, or serving a village inside, this region (12-digit code or prefix) */
  regionCode?: string | null | undefined;
  /** Only projects of this status (项目状态) */
  status?: ProjectStatus | null | undefined;
  /** Projects serving this village */
  villageId?: string | number | null | undefined;
  /** Plan year (项目年度) */
  year?: number | null | undefined;
};

/** Project status in the project library (项目库状态) */
export type ProjectStatus =
  /** Accepted after completion (竣工验收) */
  | 'ACCEPTED'
  /** Publicly announced (公示公告) */
  | 'ANNOUNCED'
  /** Approved (审批立项) */
  | 'APPROVED'
  /** Assessed (论证评审) */
  | 'ASSESSED'
  /** Cancelled before starting (取消) */
  | 'CANCELLED'
  /** Performance evaluated (绩效评价) */
  | 'EVALUATED'
  /** Entered the library (申报入库) */
  | 'PROPOSED'
  /** Started (开工) */
  | 'STARTED';

/** Kind of assistance provider (帮扶主体类型) */
export type ProviderKind =
  /** Assistance unit (帮扶单位) */
  | 'ASSISTANCE_UNIT'
  /** Partner enterprise (帮扶企业) */
  | 'ENTERPRISE';

/** Purchase channel (采购渠道) */
export type PurchaseChannel =
  /** Canteen procurement (食堂采购) */
  | 'CANTEEN'
  /** Direct purchase (直接采购) */
  | 'DIRECT'
  /** Expo or fair (展销会) */
  | 'EXPO'
  /** E-commerce platform such as 832 (电商平台, 如832平台) */
  | 'E_COMMERCE_PLATFORM'
  /** Live-stream sales (直播带货) */
  | 'LIVE_STREAM'
  /** Trade-union welfare (工会福利) */
  | 'TRADE_UNION';

/** Purchase filter; all given conditions must hold */
export type PurchaseFilter = {
  /** Buyer: an AssistanceUnit or Enterprise id (采购方) */
  buyerId?: string | number | null | undefined;
  /** Only this channel (采购渠道) */
  channel?: PurchaseChannel | null | undefined;
  /** Purchased on or after */
  from?: string | null | undefined;
  /** Origin village inside this region */
  regionCode?: string | null | undefined;
  /** Only this status; every status when omitted */
  status?: PurchaseStatus | null | undefined;
  /** Purchased on or before */
  to?: string | null | undefined;
  /** Origin village (产地村) */
  villageId?: string | number | null | undefined;
};

/** One product line (采购明细) */
export type PurchaseLineInput = {
  /** Amount in yuan, > 0, at most 2 decimals (金额) */
  amount: string;
  /** Product id */
  productId: string | number;
  /** Quantity, > 0, at most 3 decimals (数量) */
  quantity: string;
  /** Unit, e.g. 斤, 公斤, 箱; 1 to 20 characters besides spaces (单位) */
  unit: string;
};

/** Purchase status (采购记录状态) */
export type PurchaseStatus =
  /** Recorded by the buyer or an official (已登记) */
  | 'RECORDED'
  /** Verified by an official of the origin region (已核实) */
  | 'VERIFIED'
  /** Voided with a reason; kept, never deleted, excluded from statistics (已作废) */
  | 'VOIDED';

/** A purchase to record; all products must come from one origin village and be certified (消费帮扶产品认定) on the purchase date. The bulk import applies the same rules. */
export type RecordPurchaseInput = {
  /** Buyer: an AssistanceUnit or Enterprise id. Partners may only record for themselves. */
  buyerId: string | number;
  /** How it was bought (采购渠道) */
  channel: PurchaseChannel;
  /** The buyer's own reference, 1 to 100 characters besides spaces (trimmed); sending it again returns the existing purchase (幂等流水号) */
  clientReference: string;
  /** Product lines (采购明细), 1 to 200; the purchase amount is their sum */
  lines: Array<PurchaseLineInput>;
  /** Purchase date, 2000-01-01 or later and not in the future (Asia/Shanghai) */
  purchasedOn: string;
};

/** Administrative level (行政区划级别) */
export type RegionLevel =
  /** Prefecture-level city (市) */
  | 'CITY'
  /** County or district (县/区) */
  | 'COUNTY'
  /** Province (省) */
  | 'PROVINCE'
  /** Township, town or sub-district (乡/镇/街道) */
  | 'TOWNSHIP'
  /** Administrative village (行政村) */
  | 'VILLAGE';

/** Resident team filter; all given conditions must hold */
export type ResidentTeamFilter = {
  /** Only teams in villages inside this region (12-digit code or prefix) */
  regionCode?: string | null | undefined;
  /** Only teams of this status (工作队状态) */
  status?: ResidentTeamStatus | null | undefined;
  /** Only teams of this village */
  villageId?: string | number | null | undefined;
};

/** Status of a resident work team (工作队状态) */
export type ResidentTeamStatus =
  /** In post (在岗): the team is stationed in the village */
  | 'ACTIVE'
  /** Term ended (期满): the team has been withdrawn */
  | 'ENDED';

/** Cause of the risk of (re)falling into poverty (返贫致贫风险原因) */
export type RiskCause =
  /** Accident or family crisis (因意外事故/家庭重大变故, 000/004) */
  | 'ACCIDENT'
  /** Disability (因残) */
  | 'DISABILITY'
  /** Natural disaster (因灾, 000/004) */
  | 'DISASTER'
  /** Unsafe drinking water (饮水安全问题) */
  | 'DRINKING_WATER'
  /** Schooling costs (因学) */
  | 'EDUCATION'
  /** Epidemic (因疫, 002) */
  | 'EPIDEMIC'
  /** Large rigid expenditure (刚性支出较大, 000/004) */
  | 'HIGH_EXPENDITURE'
  /** Unsafe housing (住房安全问题) */
  | 'HOUSING'
  /** Illness (因病, 000/004) */
  | 'ILLNESS'
  /** Sharply reduced income (收入大幅缩减, 000/004) */
  | 'INCOME_DROP'
  /** Failed farming or business project (产业项目失败) */
  | 'INDUSTRY_FAILURE'
  /** Lack of labour (缺劳动力) */
  | 'LACK_OF_LABOUR'
  /** Other (其他) */
  | 'OTHER'
  /** Unstable work or employment (务工就业不稳) */
  | 'UNSTABLE_WORK';

/** Account role (账号角色) */
export type Role =
  /** Platform administrator (平台管理员): sees everything */
  | 'ADMIN'
  /** Assistance unit (帮扶单位): its own pairings and assigned villages */
  | 'ASSISTANCE_UNIT'
  /** Partner enterprise (帮扶企业): its own pairings and assigned villages */
  | 'ENTERPRISE'
  /** Organisation department (组织部): resident teams inside the region */
  | 'ORG_DEPARTMENT'
  /** County or city rural-revitalisation official (乡村振兴部门): everything inside the region */
  | 'REGION_OFFICIAL';

/** Grouping key of consumption statistics (统计维度); at most one of MONTH, QUARTER, YEAR */
export type StatsDimension =
  /** Buyer (按采购方) */
  | 'BUYER'
  /** Product category; amounts are then line amounts (按品类) */
  | 'CATEGORY'
  /** Channel (按渠道) */
  | 'CHANNEL'
  /** County of the origin village (按县) */
  | 'COUNTY'
  /** Month of purchase, period "2025-03" (按月) */
  | 'MONTH'
  /** Quarter, period "2025-Q1" (按季度) */
  | 'QUARTER'
  /** Origin village (按村) */
  | 'VILLAGE'
  /** Year, period "2025" (按年) */
  | 'YEAR';

/** Where a policy target stands (目标状态), judged as at the end of a year and never later than today */
export type TargetStatus =
  /** Due, and reached on the data of the due year (已达标) */
  | 'MET'
  /** Due, and not reached on the data of the due year (未达标) */
  | 'MISSED'
  /** Not due yet and not (yet) reached, or no data yet (未到期): never a failure before the due year ends */
  | 'NOT_DUE'
  /** Due but the platform holds no data for the due year, or a metric the platform cannot measure (无数据); the target stays listed */
  | 'NO_DATA'
  /** Not due yet and already reached on the latest data (提前达成) */
  | 'ON_TRACK';

/** Role in a resident work team (驻村职务) */
export type TeamMemberRole =
  /** First secretary of the village party organisation (第一书记); at most one on duty per team */
  | 'FIRST_SECRETARY'
  /** Team member (队员) */
  | 'MEMBER'
  /** Team leader (队长) */
  | 'TEAM_LEADER';

/** Duty status of a team member (在岗状态) */
export type TeamMemberStatus =
  /** On duty (在岗); a person is on duty in at most one team at a time */
  | 'ON_DUTY'
  /** Recalled (召回) as the consequence of an inspection */
  | 'RECALLED'
  /** Rotated out (轮换) at the end of a term or on replacement */
  | 'ROTATED_OUT';

/** Kind of assistance unit (帮扶单位类别) */
export type UnitKind =
  /** Central unit on designated assistance (中央单位) */
  | 'CENTRAL_UNIT'
  /** Demonstration village helping a weaker one (示范村, 强村带弱村) */
  | 'DEMONSTRATION_VILLAGE'
  /** Partner region in east-west or mountain-sea cooperation (东西部协作/山海协作地区) */
  | 'PARTNER_REGION'
  /** Party or government organ (党政机关) */
  | 'PARTY_GOVERNMENT_ORGAN'
  /** Public institution: university, hospital, institute (事业单位) */
  | 'PUBLIC_INSTITUTION'
  /** Social organisation (社会组织) */
  | 'SOCIAL_ORGANISATION'
  /** State-owned enterprise (国有企业) */
  | 'STATE_OWNED_ENTERPRISE';

/** Administrative level of an assistance unit (帮扶单位层级) */
export type UnitLevel =
  /** Central (中央) */
  | 'CENTRAL'
  /** County (县级) */
  | 'COUNTY'
  /** Municipal (市级) */
  | 'MUNICIPAL'
  /** Provincial (省级) */
  | 'PROVINCIAL';

/** Village filter; all given conditions must hold */
export type VillageFilter = {
  /** Only villages holding every listed designation */
  designations?: Array<DesignationKind> | null | undefined;
  /** Only villages inside this region (12-digit code or prefix) */
  regionCode?: string | null | undefined;
  /** Name contains this text, or code starts with it */
  search?: string | null | undefined;
};

/** Void a purchase (作废采购): by the buyer itself, an official of the origin region or an admin; it is kept, never deleted */
export type VoidPurchaseInput = {
  /** Purchase id; a recorded or verified purchase */
  purchaseId: string | number;
  /** Why the purchase is voided (作废原因); kept with the purchase */
  reason: string;
};

/** Weekly compliance filter */
export type WeeklyComplianceFilter = {
  /** Only teams in villages inside this region (12-digit code or prefix) */
  regionCode?: string | null | undefined;
  /** Only this team */
  teamId?: string | number | null | undefined;
  /** Any day of the week to evaluate; the week runs Monday to Sunday */
  weekOf: string;
};

export type PurchaseFieldsFragment = { id: string, clientReference: string, status: PurchaseStatus, channel: PurchaseChannel, purchasedOn: string, recordedAt: string, totalAmount: string, lineCount: number, voidReason: string | null, buyer:
    | { id: string, kind: ProviderKind, name: string }
    | { id: string, kind: ProviderKind, name: string }
   | null, originVillage: { id: string, code: string, name: string } | null, county: { code: string, name: string } | null, lines: Array<{ lineNo: number, quantity: string, unit: string, amount: string, category: ProductCategory, product: { id: string, name: string } | null }> };

export type PurchasesQueryVariables = Exact<{
  filter?: PurchaseFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PurchasesQuery = { purchases: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, clientReference: string, status: PurchaseStatus, channel: PurchaseChannel, purchasedOn: string, recordedAt: string, totalAmount: string, lineCount: number, voidReason: string | null, buyer:
          | { id: string, kind: ProviderKind, name: string }
          | { id: string, kind: ProviderKind, name: string }
         | null, originVillage: { id: string, code: string, name: string } | null, county: { code: string, name: string } | null, lines: Array<{ lineNo: number, quantity: string, unit: string, amount: string, category: ProductCategory, product: { id: string, name: string } | null }> } }> } };

export type ConsumptionStatsQueryVariables = Exact<{
  filter?: ConsumptionStatsFilter | null | undefined;
  groupBy: Array<StatsDimension> | StatsDimension;
}>;


export type ConsumptionStatsQuery = { consumptionStats: Array<{ amount: string, purchaseCount: number, lineCount: number, period: string | null, category: ProductCategory | null, channel: PurchaseChannel | null, village: { code: string, name: string } | null, county: { code: string, name: string } | null, buyer:
      | { id: string, kind: ProviderKind, name: string }
      | { id: string, kind: ProviderKind, name: string }
     | null }> };

export type RecordPurchaseMutationVariables = Exact<{
  input: RecordPurchaseInput;
}>;


export type RecordPurchaseMutation = { recordPurchase: { created: boolean, purchase: { id: string, clientReference: string, status: PurchaseStatus, channel: PurchaseChannel, purchasedOn: string, recordedAt: string, totalAmount: string, lineCount: number, voidReason: string | null, buyer:
        | { id: string, kind: ProviderKind, name: string }
        | { id: string, kind: ProviderKind, name: string }
       | null, originVillage: { id: string, code: string, name: string } | null, county: { code: string, name: string } | null, lines: Array<{ lineNo: number, quantity: string, unit: string, amount: string, category: ProductCategory, product: { id: string, name: string } | null }> } } };

export type VoidPurchaseMutationVariables = Exact<{
  input: VoidPurchaseInput;
}>;


export type VoidPurchaseMutation = { voidPurchase: { purchase: { voidedAt: string | null, id: string, clientReference: string, status: PurchaseStatus, channel: PurchaseChannel, purchasedOn: string, recordedAt: string, totalAmount: string, lineCount: number, voidReason: string | null, buyer:
        | { id: string, kind: ProviderKind, name: string }
        | { id: string, kind: ProviderKind, name: string }
       | null, originVillage: { id: string, code: string, name: string } | null, county: { code: string, name: string } | null, lines: Array<{ lineNo: number, quantity: string, unit: string, amount: string, category: ProductCategory, product: { id: string, name: string } | null }> } } };

export type FundShareQueryVariables = Exact<{
  regionCode: string;
  year: number;
}>;


export type FundShareQuery = { fundShare: { regionCode: string, year: number, total: string, keyVillages: string, share: string | null, thresholdPercent: string, ruleApplies: boolean, met: boolean | null } };

export type FundDeadlinesQueryVariables = Exact<{
  regionCode: string;
  year: number;
}>;


export type FundDeadlinesQuery = { deadlines: { regionCode: string, year: number, deadline: string, passed: boolean, fundsNotInPlaceCount: number, fundsNotInPlaceAmount: string, projectsNotStartedCount: number, fundsNotInPlace: Array<{ id: string, source: FundingSource, amount: string, allocatedOn: string, inPlaceOn: string | null, documentNumber: string | null }>, projectsNotStarted: Array<{ id: string, name: string, status: ProjectStatus, plannedStart: string, actualStart: string | null, villages: Array<{ name: string }> }>, cityFunds: { year: number, amount: string, previousAmount: string, notBelowLastYear: boolean | null } } };

export type ProjectStatusCountsQueryVariables = Exact<{
  regionCode: string;
  year?: number | null | undefined;
}>;


export type ProjectStatusCountsQuery = { projectStatusCounts: Array<{ status: ProjectStatus, count: number, budget: string }> };

export type ProjectsQueryVariables = Exact<{
  filter?: ProjectFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ProjectsQuery = { projects: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, year: number, category: ProjectCategory, status: ProjectStatus, statusChangedOn: string, plannedStart: string, actualStart: string | null, announcementStart: string | null, announcementEnd: string | null, beneficiaryHouseholds: number, beneficiaryPeople: number, monitoredHouseholds: number, keyVillagesOnly: boolean, totalBudget: string, paidAmount: string, nextStatuses: Array<ProjectStatus>, villages: Array<{ id: string, code: string, name: string }>, budget: Array<{ source: FundingSource, amount: string, paid: string, provider:
            | { id: string, name: string }
            | { id: string, name: string }
           | null }> } }> } };

export type FundAllocationsQueryVariables = Exact<{
  filter?: FundAllocationFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type FundAllocationsQuery = { fundAllocations: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, year: number, source: FundingSource, amount: string, documentNumber: string | null, allocatedOn: string, inPlaceOn: string | null, inPlaceByDeadline: boolean, paidAmount: string, remainingAmount: string, provider:
          | { id: string, name: string }
          | { id: string, name: string }
         | null } }> } };

export type AssetLedgerQueryVariables = Exact<{
  regionCode: string;
  year?: number | null | undefined;
}>;


export type AssetLedgerQuery = { assetLedger: { regionCode: string, year: number, total: { assets: number, disposed: number, valueInUse: string, income: string, toMonitoredHouseholds: string, toUpkeep: string, toPublicWorks: string }, byType: Array<{ key: string, assets: number, disposed: number, valueInUse: string, income: string }>, byVillage: Array<{ key: string, name: string | null, assets: number, disposed: number, valueInUse: string, income: string, toMonitoredHouseholds: string, toUpkeep: string, toPublicWorks: string }> } };

export type ProjectChangedSubscriptionVariables = Exact<{
  after?: string | null | undefined;
  filter?: LiveFilter | null | undefined;
}>;


export type ProjectChangedSubscription = { projectChanged: { cursor: string, kind: ProjectChangeKind, from: ProjectStatus | null, to: ProjectStatus, amount: string | null, project: { id: string, name: string, year: number, status: ProjectStatus } | null } };

export type PurchaseRecordedSubscriptionVariables = Exact<{
  after?: string | null | undefined;
  filter?: LiveFilter | null | undefined;
}>;


export type PurchaseRecordedSubscription = { purchaseRecorded: { cursor: string, purchase: { id: string, clientReference: string, status: PurchaseStatus, channel: PurchaseChannel, purchasedOn: string, recordedAt: string, totalAmount: string, lineCount: number, voidReason: string | null, buyer:
        | { id: string, kind: ProviderKind, name: string }
        | { id: string, kind: ProviderKind, name: string }
       | null, originVillage: { id: string, code: string, name: string } | null, county: { code: string, name: string } | null, lines: Array<{ lineNo: number, quantity: string, unit: string, amount: string, category: ProductCategory, product: { id: string, name: string } | null }> } | null } };

export type PurchaseStatusChangedSubscriptionVariables = Exact<{
  after?: string | null | undefined;
  filter?: LiveFilter | null | undefined;
}>;


export type PurchaseStatusChangedSubscription = { purchaseStatusChanged: { cursor: string, from: PurchaseStatus, to: PurchaseStatus, purchase: { id: string, status: PurchaseStatus, voidReason: string | null, totalAmount: string } | null } };

export type PairingChangedSubscriptionVariables = Exact<{
  after?: string | null | undefined;
  filter?: LiveFilter | null | undefined;
}>;


export type PairingChangedSubscription = { pairingChanged: { cursor: string, from: PairingStatus | null, to: PairingStatus, pairing: { id: string, mechanism: PairingMechanism, status: PairingStatus, startDate: string, endDate: string | null, cooperationAreas: Array<CooperationArea>, pledgedAmount: string, deliveredAmount: string, provider:
        | { id: string, kind: ProviderKind, name: string }
        | { id: string, kind: ProviderKind, name: string }
       | null, targetRegion: { code: string, name: string, level: RegionLevel } | null, targetVillage: { id: string, code: string, name: string } | null } | null } };

export type VillageIndicatorsUpdatedSubscriptionVariables = Exact<{
  after?: string | null | undefined;
  filter?: LiveFilter | null | undefined;
}>;


export type VillageIndicatorsUpdatedSubscription = { villageIndicatorsUpdated: { cursor: string, year: number, village: { id: string, code: string, name: string } | null, indicators: { year: number, households: number | null, population: number | null, perCapitaDisposableIncome: string | null, collectiveIncome: string | null, tapWaterCoverage: string | null, sanitaryToiletCoverage: string | null } | null } };

export type MonitoringSummaryQueryVariables = Exact<{
  regionCode: string;
  year?: number | null | undefined;
  gaps?: number | null | undefined;
}>;


export type MonitoringSummaryQuery = { monitoringSummary: { regionCode: string, year: number, cases: number, confirmedInYear: number, eliminatedInYear: number, overdueNotices: number, line: { year: number, amount: string, ruleRegionCode: string, baseYear: number, annualGrowthPercent: string, source: string } | null, byCategory: Array<{ category: MonitoringCategory, count: number }>, byStatus: Array<{ status: MonitoringCaseStatus, count: number }>, byCategoryAndStatus: Array<{ category: MonitoringCategory, status: MonitoringCaseStatus, count: number }>, byRiskCause: Array<{ cause: RiskCause, count: number }>, cadence: { dueMonths: Array<string>, villagesBehind: number, missingVillageMonths: number, dueQuarters: Array<string>, townshipsBehind: number, missingTownshipQuarters: number }, screeningGaps: { totalCount: number, edges: Array<{ node: { villageCode: string, villageName: string, missingMonths: Array<string> } }> }, reviewGaps: { totalCount: number, edges: Array<{ node: { townshipCode: string, townshipName: string, missingQuarters: Array<string> } }> } } };

export type MonitoringCaseFieldsFragment = { id: string, category: MonitoringCategory, status: MonitoringCaseStatus, riskCauses: Array<RiskCause>, discoverySource: DiscoverySource, reportedOn: string, incomeAtIdentification: string, confirmedOn: string | null, eliminatedOn: string | null, notice: { kind: NoticeKind, startsOn: string, endsOn: string, over: boolean } | null, village: { code: string, name: string }, household: { id: string, headName: string, memberCount: number } };

export type MonitoringCasesQueryVariables = Exact<{
  filter?: MonitoringCaseFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MonitoringCasesQuery = { monitoringCases: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, category: MonitoringCategory, status: MonitoringCaseStatus, riskCauses: Array<RiskCause>, discoverySource: DiscoverySource, reportedOn: string, incomeAtIdentification: string, confirmedOn: string | null, eliminatedOn: string | null, notice: { kind: NoticeKind, startsOn: string, endsOn: string, over: boolean } | null, village: { code: string, name: string }, household: { id: string, headName: string, memberCount: number } } }> } };

export type MonitoringCaseChangedSubscriptionVariables = Exact<{
  after?: string | null | undefined;
  filter?: LiveFilter | null | undefined;
}>;


export type MonitoringCaseChangedSubscription = { monitoringCaseChanged: { cursor: string, change: MonitoringChange, action: MonitoringAction | null, from: MonitoringCaseStatus | null, to: MonitoringCaseStatus, case: { id: string, category: MonitoringCategory, status: MonitoringCaseStatus, riskCauses: Array<RiskCause>, discoverySource: DiscoverySource, reportedOn: string, incomeAtIdentification: string, confirmedOn: string | null, eliminatedOn: string | null, notice: { kind: NoticeKind, startsOn: string, endsOn: string, over: boolean } | null, village: { code: string, name: string }, household: { id: string, headName: string, memberCount: number } } | null } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { role: Role, regionCode: string | null, region: { code: string, name: string, level: RegionLevel } | null, provider:
      | { id: string, kind: ProviderKind, name: string }
      | { id: string, kind: ProviderKind, name: string }
     | null } };

export type AssignedVillagesQueryVariables = Exact<{
  filter?: VillageFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AssignedVillagesQuery = { viewer: { role: Role, provider:
      | { id: string, kind: ProviderKind, name: string, assignedVillages: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, code: string, name: string, leadingIndustry: string | null, county: { code: string, name: string } | null, designations: Array<{ kind: DesignationKind, level: DesignationLevel | null }> } }> } }
      | { id: string, kind: ProviderKind, name: string, assignedVillages: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, code: string, name: string, leadingIndustry: string | null, county: { code: string, name: string } | null, designations: Array<{ kind: DesignationKind, level: DesignationLevel | null }> } }> } }
     | null } };

export type PairingsQueryVariables = Exact<{
  filter?: PairingFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PairingsQuery = { pairings: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, mechanism: PairingMechanism, status: PairingStatus, startDate: string, endDate: string | null, cooperationAreas: Array<CooperationArea>, pledgedAmount: string, deliveredAmount: string, provider:
          | { id: string, kind: ProviderKind, name: string }
          | { id: string, kind: ProviderKind, name: string }
         | null, targetRegion: { code: string, name: string, level: RegionLevel } | null, targetVillage: { id: string, code: string, name: string } | null } }> } };

export type PairingSummaryFragment = { id: string, mechanism: PairingMechanism, status: PairingStatus, startDate: string, endDate: string | null, cooperationAreas: Array<CooperationArea>, pledgedAmount: string, deliveredAmount: string, provider:
    | { id: string, kind: ProviderKind, name: string }
    | { id: string, kind: ProviderKind, name: string }
   | null, targetRegion: { code: string, name: string, level: RegionLevel } | null, targetVillage: { id: string, code: string, name: string } | null };

export type PairingContributionsQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PairingContributionsQuery = { node:
    | { id: string, mechanism: PairingMechanism, status: PairingStatus, startDate: string, endDate: string | null, cooperationAreas: Array<CooperationArea>, pledgedAmount: string, deliveredAmount: string, contributions: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, kind: ContributionKind, stage: ContributionStage, date: string, amount: string | null, count: number | null, note: string | null } }> }, provider:
        | { id: string, kind: ProviderKind, name: string }
        | { id: string, kind: ProviderKind, name: string }
       | null, targetRegion: { code: string, name: string, level: RegionLevel } | null, targetVillage: { id: string, code: string, name: string } | null }
    | Record<PropertyKey, never>
   | null };

export type RegionOverviewQueryVariables = Exact<{
  code: string;
  year?: number | null | undefined;
}>;


export type RegionOverviewQuery = { region: { id: string, code: string, name: string, level: RegionLevel, formerPovertyCounty: boolean, keyAssistedCounty: KeyAssistedCountyLevel | null, parent: { code: string, name: string } | null, coverage: { keyAssistedVillages: number, keyAssistedVillagesPaired: number, keyAssistedVillagesPairedWithEnterprise: number, demonstrationVillages: number, demonstrationVillagesHelping: number }, summary: { year: number | null, villageCount: number, keyAssistedVillageCount: number, formerPovertyVillageCount: number, demonstrationVillageCount: number, villagesWithIndicators: number, targets: Array<{ targetCode: string, metric: string, dueYear: number | null, applicableVillages: number, evaluatedVillages: number, metVillages: number }> } } | null };

export type RegionsQueryVariables = Exact<{
  level?: RegionLevel | null | undefined;
  parentCode?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type RegionsQuery = { regions: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, code: string, name: string, level: RegionLevel, formerPovertyCounty: boolean, keyAssistedCounty: KeyAssistedCountyLevel | null } }> } };

export type VillagesQueryVariables = Exact<{
  filter?: VillageFilter | null | undefined;
  year?: number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type VillagesQuery = { villages: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, code: string, name: string, leadingIndustry: string | null, specialtyIndustries: Array<string>, township: { code: string, name: string } | null, county: { code: string, name: string } | null, designations: Array<{ kind: DesignationKind, level: DesignationLevel | null, sinceYear: number | null }>, indicators: { year: number, households: number | null, population: number | null, perCapitaDisposableIncome: string | null, collectiveIncome: string | null, farmlandMu: string | null, forestMu: string | null, tapWaterCoverage: string | null, sanitaryToiletCoverage: string | null, source: string | null } | null, targetProgress: Array<{ targetCode: string, metric: string, description: string, dueYear: number | null, comparison: string, threshold: string, actual: string | null, unit: string, status: TargetStatus, measurable: boolean, evaluatedYear: number | null, evaluatedSource: string | null }> } }> } };

export type VillageWithProgressFragment = { id: string, code: string, name: string, leadingIndustry: string | null, specialtyIndustries: Array<string>, township: { code: string, name: string } | null, county: { code: string, name: string } | null, designations: Array<{ kind: DesignationKind, level: DesignationLevel | null, sinceYear: number | null }>, indicators: { year: number, households: number | null, population: number | null, perCapitaDisposableIncome: string | null, collectiveIncome: string | null, farmlandMu: string | null, forestMu: string | null, tapWaterCoverage: string | null, sanitaryToiletCoverage: string | null, source: string | null } | null, targetProgress: Array<{ targetCode: string, metric: string, description: string, dueYear: number | null, comparison: string, threshold: string, actual: string | null, unit: string, status: TargetStatus, measurable: boolean, evaluatedYear: number | null, evaluatedSource: string | null }> };

export type ResidentTeamsQueryVariables = Exact<{
  filter?: ResidentTeamFilter | null | undefined;
  weekOf: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ResidentTeamsQuery = { residentTeams: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, status: ResidentTeamStatus, termStart: string, termEnd: string, village: { id: string, code: string, name: string } | null, dispatchingUnits: Array<{ lead: boolean, name: string, kind: UnitKind, level: UnitLevel, unit: { id: string } | null }>, members: Array<{ id: string, role: TeamMemberRole, status: TeamMemberStatus, onDutyFrom: string, onDutyTo: string, person: { name: string, unitName: string } }>, complianceRate: { weekStart: string, weekEnd: string, assessedMembers: number, compliantMembers: number, rate: string | null } } }> } };

export type WeeklyComplianceQueryVariables = Exact<{
  filter: WeeklyComplianceFilter;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type WeeklyComplianceQuery = { weeklyCompliance: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { weekStart: string, weekEnd: string, weekComplete: boolean, daysInVillage: number, nightsInVillage: number, leaveDays: number, requiredDays: number, requiredNights: number, recordedDays: number, compliant: boolean, team: { id: string, village: { code: string, name: string } | null }, member: { id: string, role: TeamMemberRole, person: { name: string } } } }> } };

export type TeamCoverageQueryVariables = Exact<{
  regionCode: string;
  weekOf: string;
}>;


export type TeamCoverageQuery = { teamComplianceSummary: { regionCode: string, weekStart: string, weekEnd: string, teams: number, fullyCompliantTeams: number, assessedMembers: number, compliantMembers: number, rate: string | null }, keyVillagesWithoutTeam: { totalCount: number, edges: Array<{ node: { id: string, code: string, name: string } }> } };

export const PurchaseFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PurchaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Purchase"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clientReference"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"purchasedOn"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"totalAmount"}},{"kind":"Field","name":{"kind":"Name","value":"lineCount"}},{"kind":"Field","name":{"kind":"Name","value":"voidReason"}},{"kind":"Field","name":{"kind":"Name","value":"buyer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"originVillage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"county"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lineNo"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<PurchaseFieldsFragment, unknown>;
export const MonitoringCaseFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MonitoringCaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MonitoringCase"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"riskCauses"}},{"kind":"Field","name":{"kind":"Name","value":"discoverySource"}},{"kind":"Field","name":{"kind":"Name","value":"reportedOn"}},{"kind":"Field","name":{"kind":"Name","value":"incomeAtIdentification"}},{"kind":"Field","name":{"kind":"Name","value":"notice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"over"}}]}},{"kind":"Field","name":{"kind":"Name","value":"confirmedOn"}},{"kind":"Field","name":{"kind":"Name","value":"eliminatedOn"}},{"kind":"Field","name":{"kind":"Name","value":"village"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"household"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"headName"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}}]}}]}}]} as unknown as DocumentNode<MonitoringCaseFieldsFragment, unknown>;
export const PairingSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PairingSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Pairing"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"mechanism"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"cooperationAreas"}},{"kind":"Field","name":{"kind":"Name","value":"pledgedAmount"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAmount"}},{"kind":"Field","name":{"kind":"Name","value":"provider"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targetRegion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targetVillage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<PairingSummaryFragment, unknown>;
export const VillageWithProgressFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VillageWithProgress"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Village"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"leadingIndustry"}},{"kind":"Field","name":{"kind":"Name","value":"specialtyIndustries"}},{"kind":"Field","name":{"kind":"Name","value":"township"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"county"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"designations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"sinceYear"}}]}},{"kind":"Field","name":{"kind":"Name","value":"indicators"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"households"}},{"kind":"Field","name":{"kind":"Name","value":"population"}},{"kind":"Field","name":{"kind":"Name","value":"perCapitaDisposableIncome"}},{"kind":"Field","name":{"kind":"Name","value":"collectiveIncome"}},{"kind":"Field","name":{"kind":"Name","value":"farmlandMu"}},{"kind":"Field","name":{"kind":"Name","value":"forestMu"}},{"kind":"Field","name":{"kind":"Name","value":"tapWaterCoverage"}},{"kind":"Field","name":{"kind":"Name","value":"sanitaryToiletCoverage"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targetProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"targetCode"}},{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"dueYear"}},{"kind":"Field","name":{"kind":"Name","value":"comparison"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"actual"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"measurable"}},{"kind":"Field","name":{"kind":"Name","value":"evaluatedYear"}},{"kind":"Field","name":{"kind":"Name","value":"evaluatedSource"}}]}}]}}]} as unknown as DocumentNode<VillageWithProgressFragment, unknown>;
export const PurchasesDocument = {"__meta__":{"hash":"sha256:37e2f7d21f11b30c0982619bf90b8614ef33910b6e6ff50d45d09e1f7703dc8f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Purchases"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PurchaseFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"purchases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PurchaseFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PurchaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Purchase"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clientReference"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"purchasedOn"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"totalAmount"}},{"kind":"Field","name":{"kind":"Name","value":"lineCount"}},{"kind":"Field","name":{"kind":"Name","value":"voidReason"}},{"kind":"Field","name":{"kind":"Name","value":"buyer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"originVillage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"county"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lineNo"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<PurchasesQuery, PurchasesQueryVariables>;
export const ConsumptionStatsDocument = {"__meta__":{"hash":"sha256:896d895cfbc92a7b88633b58a05c8142cc5abceb1159eecca4f9537d43782346"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsumptionStats"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ConsumptionStatsFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StatsDimension"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consumptionStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"purchaseCount"}},{"kind":"Field","name":{"kind":"Name","value":"lineCount"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"village"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"county"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"buyer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ConsumptionStatsQuery, ConsumptionStatsQueryVariables>;
export const RecordPurchaseDocument = {"__meta__":{"hash":"sha256:cbe797be5ee0f8a676ab9ada71541390ae20bd1b4cb96edaa93c455895a46313"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordPurchase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordPurchaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordPurchase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"purchase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PurchaseFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PurchaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Purchase"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clientReference"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"purchasedOn"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"totalAmount"}},{"kind":"Field","name":{"kind":"Name","value":"lineCount"}},{"kind":"Field","name":{"kind":"Name","value":"voidReason"}},{"kind":"Field","name":{"kind":"Name","value":"buyer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"originVillage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"county"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lineNo"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<RecordPurchaseMutation, RecordPurchaseMutationVariables>;
export const VoidPurchaseDocument = {"__meta__":{"hash":"sha256:9d29febdde8ad7b210770b3aa119fef66a749fa194ed1b0629731cbc0c0e43c6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VoidPurchase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"VoidPurchaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"voidPurchase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"purchase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PurchaseFields"}},{"kind":"Field","name":{"kind":"Name","value":"voidedAt"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PurchaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Purchase"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clientReference"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"purchasedOn"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"totalAmount"}},{"kind":"Field","name":{"kind":"Name","value":"lineCount"}},{"kind":"Field","name":{"kind":"Name","value":"voidReason"}},{"kind":"Field","name":{"kind":"Name","value":"buyer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"originVillage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"county"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lineNo"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<VoidPurchaseMutation, VoidPurchaseMutationVariables>;
export const FundShareDocument = {"__meta__":{"hash":"sha256:b195961649dc01c7ea08af2802123e699aba2c272779eca78afd58101fc08e69"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FundShare"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fundShare"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"keyVillages"}},{"kind":"Field","name":{"kind":"Name","value":"share"}},{"kind":"Field","name":{"kind":"Name","value":"thresholdPercent"}},{"kind":"Field","name":{"kind":"Name","value":"ruleApplies"}},{"kind":"Field","name":{"kind":"Name","value":"met"}}]}}]}}]} as unknown as DocumentNode<FundShareQuery, FundShareQueryVariables>;
export const FundDeadlinesDocument = {"__meta__":{"hash":"sha256:3efbe8b672b021b70d1aa033aa70532ef250eb724b51d4827479d8450cf5212f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FundDeadlines"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deadlines"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}},{"kind":"Field","name":{"kind":"Name","value":"fundsNotInPlaceCount"}},{"kind":"Field","name":{"kind":"Name","value":"fundsNotInPlaceAmount"}},{"kind":"Field","name":{"kind":"Name","value":"fundsNotInPlace"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"allocatedOn"}},{"kind":"Field","name":{"kind":"Name","value":"inPlaceOn"}},{"kind":"Field","name":{"kind":"Name","value":"documentNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"projectsNotStartedCount"}},{"kind":"Field","name":{"kind":"Name","value":"projectsNotStarted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"plannedStart"}},{"kind":"Field","name":{"kind":"Name","value":"actualStart"}},{"kind":"Field","name":{"kind":"Name","value":"villages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"cityFunds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"previousAmount"}},{"kind":"Field","name":{"kind":"Name","value":"notBelowLastYear"}}]}}]}}]}}]} as unknown as DocumentNode<FundDeadlinesQuery, FundDeadlinesQueryVariables>;
export const ProjectStatusCountsDocument = {"__meta__":{"hash":"sha256:be6fba57c47ed5bf67dc1f9230fc818997ed147145c6cf606ea388a0498da90e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProjectStatusCounts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"projectStatusCounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"budget"}}]}}]}}]} as unknown as DocumentNode<ProjectStatusCountsQuery, ProjectStatusCountsQueryVariables>;
export const ProjectsDocument = {"__meta__":{"hash":"sha256:a4b2f9914372e494c4aa7ea3388cccdab268a62b7b038235c2ed9061b9daaa66"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Projects"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProjectFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"projects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusChangedOn"}},{"kind":"Field","name":{"kind":"Name","value":"plannedStart"}},{"kind":"Field","name":{"kind":"Name","value":"actualStart"}},{"kind":"Field","name":{"kind":"Name","value":"announcementStart"}},{"kind":"Field","name":{"kind":"Name","value":"announcementEnd"}},{"kind":"Field","name":{"kind":"Name","value":"beneficiaryHouseholds"}},{"kind":"Field","name":{"kind":"Name","value":"beneficiaryPeople"}},{"kind":"Field","name":{"kind":"Name","value":"monitoredHouseholds"}},{"kind":"Field","name":{"kind":"Name","value":"keyVillagesOnly"}},{"kind":"Field","name":{"kind":"Name","value":"totalBudget"}},{"kind":"Field","name":{"kind":"Name","value":"paidAmount"}},{"kind":"Field","name":{"kind":"Name","value":"nextStatuses"}},{"kind":"Field","name":{"kind":"Name","value":"villages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"budget"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"paid"}},{"kind":"Field","name":{"kind":"Name","value":"provider"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProjectsQuery, ProjectsQueryVariables>;
export const FundAllocationsDocument = {"__meta__":{"hash":"sha256:b90d4149f2761539bd4cb240421db69f6bc41a8d99e0b8287b01f4dfe9a529bd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FundAllocations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"FundAllocationFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fundAllocations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"documentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"allocatedOn"}},{"kind":"Field","name":{"kind":"Name","value":"inPlaceOn"}},{"kind":"Field","name":{"kind":"Name","value":"inPlaceByDeadline"}},{"kind":"Field","name":{"kind":"Name","value":"paidAmount"}},{"kind":"Field","name":{"kind":"Name","value":"remainingAmount"}},{"kind":"Field","name":{"kind":"Name","value":"provider"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<FundAllocationsQuery, FundAllocationsQueryVariables>;
export const AssetLedgerDocument = {"__meta__":{"hash":"sha256:280e9a4c0f3f51825812a39026c1d83f8f5f6ec1fd53457fbecc547ae99b1022"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AssetLedger"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assetLedger"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assets"}},{"kind":"Field","name":{"kind":"Name","value":"disposed"}},{"kind":"Field","name":{"kind":"Name","value":"valueInUse"}},{"kind":"Field","name":{"kind":"Name","value":"income"}},{"kind":"Field","name":{"kind":"Name","value":"toMonitoredHouseholds"}},{"kind":"Field","name":{"kind":"Name","value":"toUpkeep"}},{"kind":"Field","name":{"kind":"Name","value":"toPublicWorks"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"assets"}},{"kind":"Field","name":{"kind":"Name","value":"disposed"}},{"kind":"Field","name":{"kind":"Name","value":"valueInUse"}},{"kind":"Field","name":{"kind":"Name","value":"income"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byVillage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"assets"}},{"kind":"Field","name":{"kind":"Name","value":"disposed"}},{"kind":"Field","name":{"kind":"Name","value":"valueInUse"}},{"kind":"Field","name":{"kind":"Name","value":"income"}},{"kind":"Field","name":{"kind":"Name","value":"toMonitoredHouseholds"}},{"kind":"Field","name":{"kind":"Name","value":"toUpkeep"}},{"kind":"Field","name":{"kind":"Name","value":"toPublicWorks"}}]}}]}}]}}]} as unknown as DocumentNode<AssetLedgerQuery, AssetLedgerQueryVariables>;
export const ProjectChangedDocument = {"__meta__":{"hash":"sha256:3d3c2e913dbc10b623ee89314eaa98b14712694d97e33e4ac1e20239669b6015"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ProjectChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LiveFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"projectChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<ProjectChangedSubscription, ProjectChangedSubscriptionVariables>;
export const PurchaseRecordedDocument = {"__meta__":{"hash":"sha256:427f7270f8d1d35fea56557e897b5155a5ed7961479fbeed43ecf1d785c0a082"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"PurchaseRecorded"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LiveFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"purchaseRecorded"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"purchase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PurchaseFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PurchaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Purchase"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clientReference"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"purchasedOn"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"totalAmount"}},{"kind":"Field","name":{"kind":"Name","value":"lineCount"}},{"kind":"Field","name":{"kind":"Name","value":"voidReason"}},{"kind":"Field","name":{"kind":"Name","value":"buyer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"originVillage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"county"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lineNo"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<PurchaseRecordedSubscription, PurchaseRecordedSubscriptionVariables>;
export const PurchaseStatusChangedDocument = {"__meta__":{"hash":"sha256:007874586d6e9aab0cf4ed95aff25234f70ebaf81fe95b6614be1dbcf1be4f74"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"PurchaseStatusChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LiveFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"purchaseStatusChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"purchase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"voidReason"}},{"kind":"Field","name":{"kind":"Name","value":"totalAmount"}}]}}]}}]}}]} as unknown as DocumentNode<PurchaseStatusChangedSubscription, PurchaseStatusChangedSubscriptionVariables>;
export const PairingChangedDocument = {"__meta__":{"hash":"sha256:656afcbfb810cd8aae7bf65cf35e22931a9c87e41b1c9f6cd47083436909cff0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"PairingChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LiveFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pairingChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"pairing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PairingSummary"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PairingSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Pairing"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"mechanism"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"cooperationAreas"}},{"kind":"Field","name":{"kind":"Name","value":"pledgedAmount"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAmount"}},{"kind":"Field","name":{"kind":"Name","value":"provider"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targetRegion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targetVillage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<PairingChangedSubscription, PairingChangedSubscriptionVariables>;
export const VillageIndicatorsUpdatedDocument = {"__meta__":{"hash":"sha256:fa7cbd4d8f2784753546b4d6b229f5131e9452ffa7c7289a01e5ad53a8410174"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"VillageIndicatorsUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LiveFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"villageIndicatorsUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"village"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"indicators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"households"}},{"kind":"Field","name":{"kind":"Name","value":"population"}},{"kind":"Field","name":{"kind":"Name","value":"perCapitaDisposableIncome"}},{"kind":"Field","name":{"kind":"Name","value":"collectiveIncome"}},{"kind":"Field","name":{"kind":"Name","value":"tapWaterCoverage"}},{"kind":"Field","name":{"kind":"Name","value":"sanitaryToiletCoverage"}}]}}]}}]}}]} as unknown as DocumentNode<VillageIndicatorsUpdatedSubscription, VillageIndicatorsUpdatedSubscriptionVariables>;
export const MonitoringSummaryDocument = {"__meta__":{"hash":"sha256:84f63f860c2d38c7f6e2662347a973c79b4bdb5e3aae0ab4496528d64cc2c95c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MonitoringSummary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"gaps"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monitoringSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"line"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"ruleRegionCode"}},{"kind":"Field","name":{"kind":"Name","value":"baseYear"}},{"kind":"Field","name":{"kind":"Name","value":"annualGrowthPercent"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cases"}},{"kind":"Field","name":{"kind":"Name","value":"byCategory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byCategoryAndStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byRiskCause"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cause"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"confirmedInYear"}},{"kind":"Field","name":{"kind":"Name","value":"eliminatedInYear"}},{"kind":"Field","name":{"kind":"Name","value":"overdueNotices"}},{"kind":"Field","name":{"kind":"Name","value":"cadence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dueMonths"}},{"kind":"Field","name":{"kind":"Name","value":"villagesBehind"}},{"kind":"Field","name":{"kind":"Name","value":"missingVillageMonths"}},{"kind":"Field","name":{"kind":"Name","value":"dueQuarters"}},{"kind":"Field","name":{"kind":"Name","value":"townshipsBehind"}},{"kind":"Field","name":{"kind":"Name","value":"missingTownshipQuarters"}}]}},{"kind":"Field","name":{"kind":"Name","value":"screeningGaps"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"gaps"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"villageCode"}},{"kind":"Field","name":{"kind":"Name","value":"villageName"}},{"kind":"Field","name":{"kind":"Name","value":"missingMonths"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"reviewGaps"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"gaps"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"townshipCode"}},{"kind":"Field","name":{"kind":"Name","value":"townshipName"}},{"kind":"Field","name":{"kind":"Name","value":"missingQuarters"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MonitoringSummaryQuery, MonitoringSummaryQueryVariables>;
export const MonitoringCasesDocument = {"__meta__":{"hash":"sha256:e86e7a83fc065497c6febd9e9dafdf594170c97e2c02cabfb0ba5e31809fff4c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MonitoringCases"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MonitoringCaseFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monitoringCases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MonitoringCaseFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MonitoringCaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MonitoringCase"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"riskCauses"}},{"kind":"Field","name":{"kind":"Name","value":"discoverySource"}},{"kind":"Field","name":{"kind":"Name","value":"reportedOn"}},{"kind":"Field","name":{"kind":"Name","value":"incomeAtIdentification"}},{"kind":"Field","name":{"kind":"Name","value":"notice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"over"}}]}},{"kind":"Field","name":{"kind":"Name","value":"confirmedOn"}},{"kind":"Field","name":{"kind":"Name","value":"eliminatedOn"}},{"kind":"Field","name":{"kind":"Name","value":"village"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"household"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"headName"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}}]}}]}}]} as unknown as DocumentNode<MonitoringCasesQuery, MonitoringCasesQueryVariables>;
export const MonitoringCaseChangedDocument = {"__meta__":{"hash":"sha256:950b8ddf4316e6b82b2f6627654267447d9ae81650f5a3ac08f5f7cf0fbdf84c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"MonitoringCaseChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LiveFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monitoringCaseChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"change"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"case"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MonitoringCaseFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MonitoringCaseFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MonitoringCase"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"riskCauses"}},{"kind":"Field","name":{"kind":"Name","value":"discoverySource"}},{"kind":"Field","name":{"kind":"Name","value":"reportedOn"}},{"kind":"Field","name":{"kind":"Name","value":"incomeAtIdentification"}},{"kind":"Field","name":{"kind":"Name","value":"notice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"over"}}]}},{"kind":"Field","name":{"kind":"Name","value":"confirmedOn"}},{"kind":"Field","name":{"kind":"Name","value":"eliminatedOn"}},{"kind":"Field","name":{"kind":"Name","value":"village"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"household"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"headName"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}}]}}]}}]} as unknown as DocumentNode<MonitoringCaseChangedSubscription, MonitoringCaseChangedSubscriptionVariables>;
export const ViewerDocument = {"__meta__":{"hash":"sha256:82c12e3518ca46532f0ae5fcbbaa307941361dc5d349ca92ce6a299a847d4d83"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"provider"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const AssignedVillagesDocument = {"__meta__":{"hash":"sha256:748049913fe1517ba1e125efaec7da84ba2ee4b4e9b1f8ba7b970e9afcff2c05"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AssignedVillages"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"VillageFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"provider"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"assignedVillages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"county"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"designations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"leadingIndustry"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<AssignedVillagesQuery, AssignedVillagesQueryVariables>;
export const PairingsDocument = {"__meta__":{"hash":"sha256:6c8620b7ce530697d0f085f7d13efd203fd0433b1ca709903a1c56c5a5913ec7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Pairings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PairingFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pairings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PairingSummary"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PairingSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Pairing"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"mechanism"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"cooperationAreas"}},{"kind":"Field","name":{"kind":"Name","value":"pledgedAmount"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAmount"}},{"kind":"Field","name":{"kind":"Name","value":"provider"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targetRegion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targetVillage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<PairingsQuery, PairingsQueryVariables>;
export const PairingContributionsDocument = {"__meta__":{"hash":"sha256:dbbdada60e1d7f46d820ee02f70c6e07d6fa436623f7a11a99ab535a1975861e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PairingContributions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Pairing"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PairingSummary"}},{"kind":"Field","name":{"kind":"Name","value":"contributions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PairingSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Pairing"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"mechanism"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"cooperationAreas"}},{"kind":"Field","name":{"kind":"Name","value":"pledgedAmount"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAmount"}},{"kind":"Field","name":{"kind":"Name","value":"provider"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targetRegion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targetVillage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<PairingContributionsQuery, PairingContributionsQueryVariables>;
export const RegionOverviewDocument = {"__meta__":{"hash":"sha256:d6cdc2d45e57e78ed5b455918e2f86012108d6a7e0cdfba71cf07aac551051a2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RegionOverview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"formerPovertyCounty"}},{"kind":"Field","name":{"kind":"Name","value":"keyAssistedCounty"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"coverage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"keyAssistedVillages"}},{"kind":"Field","name":{"kind":"Name","value":"keyAssistedVillagesPaired"}},{"kind":"Field","name":{"kind":"Name","value":"keyAssistedVillagesPairedWithEnterprise"}},{"kind":"Field","name":{"kind":"Name","value":"demonstrationVillages"}},{"kind":"Field","name":{"kind":"Name","value":"demonstrationVillagesHelping"}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"villageCount"}},{"kind":"Field","name":{"kind":"Name","value":"keyAssistedVillageCount"}},{"kind":"Field","name":{"kind":"Name","value":"formerPovertyVillageCount"}},{"kind":"Field","name":{"kind":"Name","value":"demonstrationVillageCount"}},{"kind":"Field","name":{"kind":"Name","value":"villagesWithIndicators"}},{"kind":"Field","name":{"kind":"Name","value":"targets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"targetCode"}},{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"dueYear"}},{"kind":"Field","name":{"kind":"Name","value":"applicableVillages"}},{"kind":"Field","name":{"kind":"Name","value":"evaluatedVillages"}},{"kind":"Field","name":{"kind":"Name","value":"metVillages"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RegionOverviewQuery, RegionOverviewQueryVariables>;
export const RegionsDocument = {"__meta__":{"hash":"sha256:7b057ebd22e1193e6a2008fe5b1e097b0407cfb024e9a59062ee3ea8190fddda"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Regions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"level"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RegionLevel"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"parentCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"level"},"value":{"kind":"Variable","name":{"kind":"Name","value":"level"}}},{"kind":"Argument","name":{"kind":"Name","value":"parentCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"parentCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"formerPovertyCounty"}},{"kind":"Field","name":{"kind":"Name","value":"keyAssistedCounty"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RegionsQuery, RegionsQueryVariables>;
export const VillagesDocument = {"__meta__":{"hash":"sha256:79c83b0469af0e493185e0ceba704b50fdce61935e8651806f37c61930508c0e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Villages"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"VillageFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"villages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"CODE"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"ASC"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VillageWithProgress"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VillageWithProgress"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Village"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"leadingIndustry"}},{"kind":"Field","name":{"kind":"Name","value":"specialtyIndustries"}},{"kind":"Field","name":{"kind":"Name","value":"township"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"county"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"designations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"sinceYear"}}]}},{"kind":"Field","name":{"kind":"Name","value":"indicators"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"households"}},{"kind":"Field","name":{"kind":"Name","value":"population"}},{"kind":"Field","name":{"kind":"Name","value":"perCapitaDisposableIncome"}},{"kind":"Field","name":{"kind":"Name","value":"collectiveIncome"}},{"kind":"Field","name":{"kind":"Name","value":"farmlandMu"}},{"kind":"Field","name":{"kind":"Name","value":"forestMu"}},{"kind":"Field","name":{"kind":"Name","value":"tapWaterCoverage"}},{"kind":"Field","name":{"kind":"Name","value":"sanitaryToiletCoverage"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targetProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"targetCode"}},{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"dueYear"}},{"kind":"Field","name":{"kind":"Name","value":"comparison"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"actual"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"measurable"}},{"kind":"Field","name":{"kind":"Name","value":"evaluatedYear"}},{"kind":"Field","name":{"kind":"Name","value":"evaluatedSource"}}]}}]}}]} as unknown as DocumentNode<VillagesQuery, VillagesQueryVariables>;
export const ResidentTeamsDocument = {"__meta__":{"hash":"sha256:2322a3907fe5bd250e3c3dd088ddbd9c2e7e843863655e8862bcf270ca2cc007"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ResidentTeams"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ResidentTeamFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"weekOf"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"residentTeams"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"termStart"}},{"kind":"Field","name":{"kind":"Name","value":"termEnd"}},{"kind":"Field","name":{"kind":"Name","value":"village"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dispatchingUnits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lead"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"ON_DUTY"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"onDutyFrom"}},{"kind":"Field","name":{"kind":"Name","value":"onDutyTo"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"unitName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"complianceRate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"weekOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"weekOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"weekStart"}},{"kind":"Field","name":{"kind":"Name","value":"weekEnd"}},{"kind":"Field","name":{"kind":"Name","value":"assessedMembers"}},{"kind":"Field","name":{"kind":"Name","value":"compliantMembers"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ResidentTeamsQuery, ResidentTeamsQueryVariables>;
export const WeeklyComplianceDocument = {"__meta__":{"hash":"sha256:10c9be278100c98bae8fb27f64301d651a81530b063fe1ea891a073a260fb212"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WeeklyCompliance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WeeklyComplianceFilter"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"weeklyCompliance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"weekStart"}},{"kind":"Field","name":{"kind":"Name","value":"weekEnd"}},{"kind":"Field","name":{"kind":"Name","value":"weekComplete"}},{"kind":"Field","name":{"kind":"Name","value":"daysInVillage"}},{"kind":"Field","name":{"kind":"Name","value":"nightsInVillage"}},{"kind":"Field","name":{"kind":"Name","value":"leaveDays"}},{"kind":"Field","name":{"kind":"Name","value":"requiredDays"}},{"kind":"Field","name":{"kind":"Name","value":"requiredNights"}},{"kind":"Field","name":{"kind":"Name","value":"recordedDays"}},{"kind":"Field","name":{"kind":"Name","value":"compliant"}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"village"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<WeeklyComplianceQuery, WeeklyComplianceQueryVariables>;
export const TeamCoverageDocument = {"__meta__":{"hash":"sha256:b5c8b4f31467010b8837e08de6eab7a1a91064f6d5cb73dcd0895b1f62b2a714"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TeamCoverage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"weekOf"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"teamComplianceSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"weekOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"weekOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"weekStart"}},{"kind":"Field","name":{"kind":"Name","value":"weekEnd"}},{"kind":"Field","name":{"kind":"Name","value":"teams"}},{"kind":"Field","name":{"kind":"Name","value":"fullyCompliantTeams"}},{"kind":"Field","name":{"kind":"Name","value":"assessedMembers"}},{"kind":"Field","name":{"kind":"Name","value":"compliantMembers"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"keyVillagesWithoutTeam"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TeamCoverageQuery, TeamCoverageQueryVariables>;