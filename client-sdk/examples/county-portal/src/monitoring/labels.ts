/** Chinese names of the monitoring vocabulary, as the policy documents use them. */

export const CATEGORIES: Record<string, string> = {
  UNSTABLE_LIFTED: '脱贫不稳定户',
  MARGINAL: '边缘易致贫户',
  SUDDEN_HARDSHIP: '突发严重困难户',
};

export const STATUSES: Record<string, string> = {
  REPORTED: '已上报',
  VILLAGE_REVIEWED: '村级评议',
  IN_NOTICE: '公示中',
  TOWNSHIP_REVIEWED: '乡镇审核',
  CONFIRMED: '县级确定',
  ASSISTING: '帮扶中',
  ELIMINATION_PROPOSED: '拟风险消除',
  RISK_ELIMINATED: '风险消除',
  REJECTED: '不予纳入',
};

export const ACTIONS: Record<string, string> = {
  REPORT: '上报',
  VILLAGE_REVIEW: '村级评议',
  START_NOTICE: '村内公示',
  TOWNSHIP_REVIEW: '乡镇审核',
  CONFIRM: '县级确定',
  START_ASSISTANCE: '落实帮扶',
  PROPOSE_ELIMINATION: '拟风险消除',
  START_ELIMINATION_NOTICE: '风险消除公示',
  MARK_RISK_ELIMINATED: '标注风险消除',
  REJECT: '不予纳入',
  WITHDRAW_ELIMINATION: '退回继续帮扶',
};

export const CHANGES: Record<string, string> = {
  STEP: '流程',
  PLAN: '帮扶计划',
  MEASURE: '帮扶措施',
  VISIT: '跟踪回访',
};

export const NOTICES: Record<string, string> = { IDENTIFICATION: '纳入监测公示', ELIMINATION: '风险消除公示' };

export const CAUSES: Record<string, string> = {
  ILLNESS: '因病',
  DISABILITY: '因残',
  EDUCATION: '因学',
  DISASTER: '因灾',
  ACCIDENT: '因意外事故',
  EPIDEMIC: '因疫',
  UNSTABLE_WORK: '务工就业不稳',
  LACK_OF_LABOUR: '缺劳动力',
  INDUSTRY_FAILURE: '产业失败',
  HOUSING: '住房安全',
  DRINKING_WATER: '饮水安全',
  HIGH_EXPENDITURE: '刚性支出大',
  INCOME_DROP: '收入大幅缩减',
  OTHER: '其他',
};
