import { registerEnumType } from 'type-graphql';

/**
 * The vocabulary of return-to-poverty monitoring (防止返贫动态监测). Every value carries the policy
 * documents' Chinese term; the file names in brackets say where a term comes from
 * (000 = 000_ed3d1c40eab019cc.txt 望花区, 002 = 002_d5d8c2fb670d631c.txt 忻州市,
 * 003 = 003_6038825323505164.txt, 004 = 004_44e68c292b71f99b.txt 黑龙江省).
 */

export enum MonitoringCategory {
  UNSTABLE_LIFTED = 'UNSTABLE_LIFTED',
  MARGINAL = 'MARGINAL',
  SUDDEN_HARDSHIP = 'SUDDEN_HARDSHIP',
}

registerEnumType(MonitoringCategory, {
  name: 'MonitoringCategory',
  description: 'Category of monitored household (监测对象类别, "三类户": 000, 002, 004)',
  valuesConfig: {
    UNSTABLE_LIFTED: { description: 'Lifted out of poverty but unstable (脱贫不稳定户); only for a 脱贫户' },
    MARGINAL: { description: 'Marginal household easily falling into poverty (边缘易致贫户); not a 脱贫户' },
    SUDDEN_HARDSHIP: {
      description:
        'Household in sudden severe hardship (突发严重困难户): large rigid expenditure or sharply reduced income from illness, disaster or accident',
    },
  },
});

export enum RiskCause {
  ILLNESS = 'ILLNESS',
  DISABILITY = 'DISABILITY',
  EDUCATION = 'EDUCATION',
  DISASTER = 'DISASTER',
  ACCIDENT = 'ACCIDENT',
  EPIDEMIC = 'EPIDEMIC',
  UNSTABLE_WORK = 'UNSTABLE_WORK',
  LACK_OF_LABOUR = 'LACK_OF_LABOUR',
  INDUSTRY_FAILURE = 'INDUSTRY_FAILURE',
  HOUSING = 'HOUSING',
  DRINKING_WATER = 'DRINKING_WATER',
  HIGH_EXPENDITURE = 'HIGH_EXPENDITURE',
  INCOME_DROP = 'INCOME_DROP',
  OTHER = 'OTHER',
}

registerEnumType(RiskCause, {
  name: 'RiskCause',
  description: 'Cause of the risk of (re)falling into poverty (返贫致贫风险原因)',
  valuesConfig: {
    ILLNESS: { description: 'Illness (因病, 000/004)' },
    DISABILITY: { description: 'Disability (因残)' },
    EDUCATION: { description: 'Schooling costs (因学)' },
    DISASTER: { description: 'Natural disaster (因灾, 000/004)' },
    ACCIDENT: { description: 'Accident or family crisis (因意外事故/家庭重大变故, 000/004)' },
    EPIDEMIC: { description: 'Epidemic (因疫, 002)' },
    UNSTABLE_WORK: { description: 'Unstable work or employment (务工就业不稳)' },
    LACK_OF_LABOUR: { description: 'Lack of labour (缺劳动力)' },
    INDUSTRY_FAILURE: { description: 'Failed farming or business project (产业项目失败)' },
    HOUSING: { description: 'Unsafe housing (住房安全问题)' },
    DRINKING_WATER: { description: 'Unsafe drinking water (饮水安全问题)' },
    HIGH_EXPENDITURE: { description: 'Large rigid expenditure (刚性支出较大, 000/004)' },
    INCOME_DROP: { description: 'Sharply reduced income (收入大幅缩减, 000/004)' },
    OTHER: { description: 'Other (其他)' },
  },
});

export enum DiscoverySource {
  SELF_APPLICATION = 'SELF_APPLICATION',
  DEPARTMENT_DATA = 'DEPARTMENT_DATA',
  CADRE_VISIT = 'CADRE_VISIT',
}

registerEnumType(DiscoverySource, {
  name: 'DiscoverySource',
  description: 'How the household was discovered (发现方式, 000/004: 农户主动申请、部门信息比对、基层干部定期跟踪回访)',
  valuesConfig: {
    SELF_APPLICATION: { description: 'The household applied itself (农户主动申请)' },
    DEPARTMENT_DATA: { description: 'Cross-check of department data (部门信息比对)' },
    CADRE_VISIT: { description: 'Cadres’ regular follow-up visit or screening (基层干部定期跟踪回访/排查)' },
  },
});

export enum MonitoringCaseStatus {
  REPORTED = 'REPORTED',
  VILLAGE_REVIEWED = 'VILLAGE_REVIEWED',
  IN_NOTICE = 'IN_NOTICE',
  TOWNSHIP_REVIEWED = 'TOWNSHIP_REVIEWED',
  CONFIRMED = 'CONFIRMED',
  ASSISTING = 'ASSISTING',
  ELIMINATION_PROPOSED = 'ELIMINATION_PROPOSED',
  RISK_ELIMINATED = 'RISK_ELIMINATED',
  REJECTED = 'REJECTED',
}

registerEnumType(MonitoringCaseStatus, {
  name: 'MonitoringCaseStatus',
  description:
    'Where a monitoring case stands (监测状态): REPORTED → VILLAGE_REVIEWED → IN_NOTICE → TOWNSHIP_REVIEWED → CONFIRMED → ASSISTING → ELIMINATION_PROPOSED → IN_NOTICE → RISK_ELIMINATED, or REJECTED',
  valuesConfig: {
    REPORTED: { description: 'Reported, awaiting village review (已上报, 待村级评议)' },
    VILLAGE_REVIEWED: { description: 'Reviewed by the village (村级评议), awaiting the public notice' },
    IN_NOTICE: {
      description:
        'In public notice (公示中): for identification (纳入) or for risk elimination (风险消除); see `notice`',
    },
    TOWNSHIP_REVIEWED: { description: 'Reviewed by the township (乡镇审核), awaiting county confirmation' },
    CONFIRMED: { description: 'Confirmed by the county (县/区级确定); the plan (一户一案) is being made' },
    ASSISTING: { description: 'Assisted under its plan (帮扶中)' },
    ELIMINATION_PROPOSED: { description: 'Risk elimination proposed by the village (拟风险消除)' },
    RISK_ELIMINATED: { description: 'Risk eliminated (风险消除), approved by the county after the notice' },
    REJECTED: { description: 'Not included in monitoring (不予纳入), with a reason' },
  },
});

export enum MonitoringAction {
  REPORT = 'REPORT',
  VILLAGE_REVIEW = 'VILLAGE_REVIEW',
  START_NOTICE = 'START_NOTICE',
  TOWNSHIP_REVIEW = 'TOWNSHIP_REVIEW',
  CONFIRM = 'CONFIRM',
  START_ASSISTANCE = 'START_ASSISTANCE',
  PROPOSE_ELIMINATION = 'PROPOSE_ELIMINATION',
  START_ELIMINATION_NOTICE = 'START_ELIMINATION_NOTICE',
  MARK_RISK_ELIMINATED = 'MARK_RISK_ELIMINATED',
  REJECT = 'REJECT',
  WITHDRAW_ELIMINATION = 'WITHDRAW_ELIMINATION',
}

registerEnumType(MonitoringAction, {
  name: 'MonitoringAction',
  description: 'A step of the monitoring workflow (监测流程环节), each owned by one level: 村级, 乡级 or 县级',
  valuesConfig: {
    REPORT: { description: 'Report a household for monitoring (上报); any level acting for the village' },
    VILLAGE_REVIEW: { description: 'Village review (村级评议): REPORTED → VILLAGE_REVIEWED; village level' },
    START_NOTICE: {
      description:
        'Post the identification notice in the village (村内公示): VILLAGE_REVIEWED → IN_NOTICE; village level',
    },
    TOWNSHIP_REVIEW: {
      description: 'Township review after the notice has run (乡镇审核): IN_NOTICE → TOWNSHIP_REVIEWED; township level',
    },
    CONFIRM: { description: 'County confirmation (县/区级确定): TOWNSHIP_REVIEWED → CONFIRMED; county level' },
    START_ASSISTANCE: {
      description:
        'Start assistance under the plan (落实帮扶): CONFIRMED → ASSISTING; village level; needs a responsible person and a measure fitting the household',
    },
    PROPOSE_ELIMINATION: {
      description:
        'Propose risk elimination (拟风险消除): ASSISTING → ELIMINATION_PROPOSED; village level; rules checked',
    },
    START_ELIMINATION_NOTICE: {
      description:
        'Township reviews the proposal and posts the notice (风险消除公示): ELIMINATION_PROPOSED → IN_NOTICE; township level; rules checked',
    },
    MARK_RISK_ELIMINATED: {
      description:
        'County marks the risk eliminated after the notice (标注风险消除): IN_NOTICE → RISK_ELIMINATED; county level; rules checked',
    },
    REJECT: {
      description:
        'Do not include the household (不予纳入), with a reason: by the village (REPORTED, VILLAGE_REVIEWED), the township (IN_NOTICE) or the county (TOWNSHIP_REVIEWED)',
    },
    WITHDRAW_ELIMINATION: {
      description:
        'Send an elimination proposal back to assistance (退回继续帮扶), with a reason: by the township (ELIMINATION_PROPOSED) or the county (IN_NOTICE)',
    },
  },
});

export enum MonitoringLevel {
  VILLAGE = 'VILLAGE',
  TOWNSHIP = 'TOWNSHIP',
  COUNTY = 'COUNTY',
}

registerEnumType(MonitoringLevel, {
  name: 'MonitoringLevel',
  description: 'Level that owns a workflow step (监测层级, 002: 村有专员、乡有专干、县有专班)',
  valuesConfig: {
    VILLAGE: { description: 'Village (村级): the resident team or the village monitoring officer (村专员)' },
    TOWNSHIP: { description: 'Township (乡/镇/街道): the township officer (乡专干)' },
    COUNTY: { description: 'County or district (县/区级): the county monitoring team (县专班)' },
  },
});

export enum NoticeKind {
  IDENTIFICATION = 'IDENTIFICATION',
  ELIMINATION = 'ELIMINATION',
}

registerEnumType(NoticeKind, {
  name: 'NoticeKind',
  description: 'Kind of public notice (公示类别); its length in days is a setting per region (003: 公示期7天)',
  valuesConfig: {
    IDENTIFICATION: { description: 'Notice of inclusion in monitoring (纳入监测公示)' },
    ELIMINATION: { description: 'Notice of risk elimination (风险消除公示)' },
  },
});

export enum HouseholdRelation {
  HEAD = 'HEAD',
  SPOUSE = 'SPOUSE',
  CHILD = 'CHILD',
  CHILD_IN_LAW = 'CHILD_IN_LAW',
  GRANDCHILD = 'GRANDCHILD',
  PARENT = 'PARENT',
  GRANDPARENT = 'GRANDPARENT',
  SIBLING = 'SIBLING',
  OTHER = 'OTHER',
}

registerEnumType(HouseholdRelation, {
  name: 'HouseholdRelation',
  description: 'Relation to the head of household (与户主关系)',
  valuesConfig: {
    HEAD: { description: 'Head of household (户主); exactly one per household' },
    SPOUSE: { description: 'Spouse (配偶)' },
    CHILD: { description: 'Child (子女)' },
    CHILD_IN_LAW: { description: 'Child-in-law (儿媳/女婿)' },
    GRANDCHILD: { description: 'Grandchild (孙子女/外孙子女)' },
    PARENT: { description: 'Parent (父母)' },
    GRANDPARENT: { description: 'Grandparent (祖父母/外祖父母)' },
    SIBLING: { description: 'Sibling (兄弟姐妹)' },
    OTHER: { description: 'Other (其他)' },
  },
});

export enum LabourCapacity {
  NONE = 'NONE',
  WEAK = 'WEAK',
  FULL = 'FULL',
}

registerEnumType(LabourCapacity, {
  name: 'LabourCapacity',
  description: 'Labour capacity (劳动能力)',
  valuesConfig: {
    NONE: { description: 'No labour capacity (无劳动力/丧失劳动能力)' },
    WEAK: { description: 'Weak or partial labour capacity (弱劳动力/半劳动力)' },
    FULL: { description: 'Labour capacity (有劳动力)' },
  },
});

export enum HealthStatus {
  HEALTHY = 'HEALTHY',
  CHRONIC_ILLNESS = 'CHRONIC_ILLNESS',
  SERIOUS_ILLNESS = 'SERIOUS_ILLNESS',
  DISABLED = 'DISABLED',
}

registerEnumType(HealthStatus, {
  name: 'HealthStatus',
  description: 'Health (健康状况)',
  valuesConfig: {
    HEALTHY: { description: 'Healthy (健康)' },
    CHRONIC_ILLNESS: { description: 'Long-term chronic illness (长期慢性病)' },
    SERIOUS_ILLNESS: { description: 'Serious illness (患有大病)' },
    DISABLED: { description: 'Disabled (残疾)' },
  },
});

export enum SchoolingStatus {
  PRESCHOOL = 'PRESCHOOL',
  COMPULSORY = 'COMPULSORY',
  HIGH_SCHOOL = 'HIGH_SCHOOL',
  HIGHER_EDUCATION = 'HIGHER_EDUCATION',
  NOT_IN_SCHOOL = 'NOT_IN_SCHOOL',
  DROPPED_OUT = 'DROPPED_OUT',
}

registerEnumType(SchoolingStatus, {
  name: 'SchoolingStatus',
  description: 'Schooling (在校情况)',
  valuesConfig: {
    PRESCHOOL: { description: 'Pre-school age or kindergarten (学龄前)' },
    COMPULSORY: { description: 'In compulsory education (义务教育在校生)' },
    HIGH_SCHOOL: { description: 'In senior high or secondary vocational school (高中/中职在校生)' },
    HIGHER_EDUCATION: { description: 'In higher education (高等教育在校生)' },
    NOT_IN_SCHOOL: { description: 'Not in school: graduated or past school age (非在校)' },
    DROPPED_OUT: { description: 'Dropped out (辍学): 控辍保学 applies' },
  },
});

export enum EmploymentStatus {
  FARMING = 'FARMING',
  LOCAL_WORK = 'LOCAL_WORK',
  MIGRANT_WORK = 'MIGRANT_WORK',
  PUBLIC_WELFARE_POST = 'PUBLIC_WELFARE_POST',
  SELF_EMPLOYED = 'SELF_EMPLOYED',
  STUDENT = 'STUDENT',
  NOT_WORKING = 'NOT_WORKING',
}

registerEnumType(EmploymentStatus, {
  name: 'EmploymentStatus',
  description: 'Employment (就业情况)',
  valuesConfig: {
    FARMING: { description: 'Farming at home (务农)' },
    LOCAL_WORK: { description: 'Wage work nearby (就近务工)' },
    MIGRANT_WORK: { description: 'Migrant work (外出务工)' },
    PUBLIC_WELFARE_POST: { description: 'Public-welfare post (公益岗位)' },
    SELF_EMPLOYED: { description: 'Self-employed or own business (自主创业/个体经营)' },
    STUDENT: { description: 'Student (在校生)' },
    NOT_WORKING: { description: 'Not working (未就业/无业)' },
  },
});

export enum IncomeSource {
  WAGE = 'WAGE',
  BUSINESS = 'BUSINESS',
  PROPERTY = 'PROPERTY',
  TRANSFER = 'TRANSFER',
}

registerEnumType(IncomeSource, {
  name: 'IncomeSource',
  description: 'Source of the household’s annual net income (家庭年纯收入来源)',
  valuesConfig: {
    WAGE: { description: 'Wage income (工资性收入)' },
    BUSINESS: { description: 'Net income from production and business (生产经营性纯收入)' },
    PROPERTY: { description: 'Property income (财产性收入), e.g. asset dividends' },
    TRANSFER: { description: 'Transfer income (转移性收入): 低保, pensions, subsidies' },
  },
});

export enum GuaranteeItem {
  FOOD = 'FOOD',
  CLOTHING = 'CLOTHING',
  COMPULSORY_EDUCATION = 'COMPULSORY_EDUCATION',
  BASIC_MEDICAL = 'BASIC_MEDICAL',
  HOUSING_SAFETY = 'HOUSING_SAFETY',
  DRINKING_WATER = 'DRINKING_WATER',
}

registerEnumType(GuaranteeItem, {
  name: 'GuaranteeItem',
  description: '两不愁三保障 and drinking-water safety (两不愁三保障及饮水安全, 000/004)',
  valuesConfig: {
    FOOD: { description: 'Enough to eat (不愁吃)' },
    CLOTHING: { description: 'Enough to wear (不愁穿)' },
    COMPULSORY_EDUCATION: { description: 'Compulsory education secured (义务教育有保障)' },
    BASIC_MEDICAL: { description: 'Basic medical care secured (基本医疗有保障)' },
    HOUSING_SAFETY: { description: 'Safe housing (住房安全有保障)' },
    DRINKING_WATER: { description: 'Safe drinking water (饮水安全有保障)' },
  },
});

export enum MeasureType {
  INDUSTRY = 'INDUSTRY',
  EMPLOYMENT = 'EMPLOYMENT',
  PUBLIC_WELFARE_POST = 'PUBLIC_WELFARE_POST',
  MICRO_CREDIT = 'MICRO_CREDIT',
  MINIMUM_LIVING_ALLOWANCE = 'MINIMUM_LIVING_ALLOWANCE',
  EXTREME_POVERTY_SUPPORT = 'EXTREME_POVERTY_SUPPORT',
  CASE_BY_CASE = 'CASE_BY_CASE',
  MEDICAL_ASSISTANCE = 'MEDICAL_ASSISTANCE',
  EDUCATION_ASSISTANCE = 'EDUCATION_ASSISTANCE',
  HOUSING_RENOVATION = 'HOUSING_RENOVATION',
  DRINKING_WATER = 'DRINKING_WATER',
  PREVENTION_INSURANCE = 'PREVENTION_INSURANCE',
  TEMPORARY_ASSISTANCE = 'TEMPORARY_ASSISTANCE',
  OTHER = 'OTHER',
}

registerEnumType(MeasureType, {
  name: 'MeasureType',
  description: 'Kind of assistance measure (帮扶措施类型), grouped by the track it serves (004)',
  valuesConfig: {
    INDUSTRY: { description: 'Industry support (产业帮扶); development track (开发式帮扶)' },
    EMPLOYMENT: { description: 'Employment support (就业帮扶); development track' },
    PUBLIC_WELFARE_POST: { description: 'Public-welfare post (公益岗位); development track' },
    MICRO_CREDIT: { description: 'Micro-credit for lifted-out households (小额信贷); development track' },
    MINIMUM_LIVING_ALLOWANCE: { description: 'Minimum living allowance (低保); safety-net track (兜底保障)' },
    EXTREME_POVERTY_SUPPORT: { description: 'Support for the extremely poor (特困供养); safety-net track' },
    CASE_BY_CASE: {
      description: 'Case-by-case decision for a major disaster or family crisis (一事一议); case-by-case track',
    },
    MEDICAL_ASSISTANCE: { description: 'Medical assistance (医疗救助/健康帮扶)' },
    EDUCATION_ASSISTANCE: { description: 'Education assistance (教育资助)' },
    HOUSING_RENOVATION: { description: 'Renovation of unsafe housing (危房改造)' },
    DRINKING_WATER: { description: 'Drinking-water safety (饮水安全保障)' },
    PREVENTION_INSURANCE: { description: 'Poverty-prevention insurance (防贫保险, 002: 忻保障、晋忻保)' },
    TEMPORARY_ASSISTANCE: { description: 'Temporary assistance (临时救助)' },
    OTHER: { description: 'Other (其他)' },
  },
});

export enum AssistanceTrack {
  DEVELOPMENT = 'DEVELOPMENT',
  SAFETY_NET = 'SAFETY_NET',
  CASE_BY_CASE = 'CASE_BY_CASE',
}

registerEnumType(AssistanceTrack, {
  name: 'AssistanceTrack',
  description: 'How a household is helped, by labour capacity (分层分类帮扶, 004 (二))',
  valuesConfig: {
    DEVELOPMENT: { description: 'With labour: development help, industry and employment (有劳动能力的, 开发式帮扶)' },
    SAFETY_NET: { description: 'Without labour: the social safety net (无劳动能力的, 兜底保障)' },
    CASE_BY_CASE: { description: 'Major disaster or family crisis: case-by-case decision (一事一议)' },
  },
});

export enum FundSource {
  TRANSITION_FUND = 'TRANSITION_FUND',
  SOCIAL_ASSISTANCE = 'SOCIAL_ASSISTANCE',
  MEDICAL_INSURANCE = 'MEDICAL_INSURANCE',
  PREVENTION_INSURANCE = 'PREVENTION_INSURANCE',
  PAIRING_UNIT = 'PAIRING_UNIT',
  ENTERPRISE = 'ENTERPRISE',
  CREDIT = 'CREDIT',
  HOUSEHOLD = 'HOUSEHOLD',
  OTHER = 'OTHER',
}

registerEnumType(FundSource, {
  name: 'FundSource',
  description: 'Where a measure’s money comes from (资金来源)',
  valuesConfig: {
    TRANSITION_FUND: { description: 'Fiscal transition funds (财政衔接推进乡村振兴补助资金)' },
    SOCIAL_ASSISTANCE: { description: 'Social-assistance funds (社会救助资金: 低保、特困、临时救助)' },
    MEDICAL_INSURANCE: { description: 'Medical insurance and medical assistance (医保/医疗救助)' },
    PREVENTION_INSURANCE: { description: 'Poverty-prevention insurance (防贫保险)' },
    PAIRING_UNIT: { description: 'The pairing assistance unit (帮扶单位)' },
    ENTERPRISE: { description: 'Enterprises and social assistance (企业/社会帮扶)' },
    CREDIT: { description: 'Credit (信贷资金)' },
    HOUSEHOLD: { description: 'The household’s own money (农户自筹)' },
    OTHER: { description: 'Other (其他)' },
  },
});

export enum IdNumberVisibility {
  FULL = 'FULL',
  MASKED = 'MASKED',
  HIDDEN = 'HIDDEN',
}

registerEnumType(IdNumberVisibility, {
  name: 'IdNumberVisibility',
  description: 'How ID numbers are shown to you (身份证号显示方式)',
  valuesConfig: {
    FULL: { description: 'Whole (county monitoring roles); every read is written to the access log (查询留痕)' },
    MASKED: { description: 'Masked: the first 4 and the last 4 characters (脱敏显示)' },
    HIDDEN: { description: 'Not shown (不显示): assistance units reading through a household pairing' },
  },
});
