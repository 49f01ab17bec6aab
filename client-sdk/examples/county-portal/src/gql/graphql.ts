/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
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

/** Kind of public notice (公示类别); its length in days is a setting per region (003: 公示期7天) */
export type NoticeKind =
  /** Notice of risk elimination (风险消除公示) */
  | 'ELIMINATION'
  /** Notice of inclusion in monitoring (纳入监测公示) */
  | 'IDENTIFICATION';

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

/** Purchase status (采购记录状态) */
export type PurchaseStatus =
  /** Recorded by the buyer or an official (已登记) */
  | 'RECORDED'
  /** Verified by an official of the origin region (已核实) */
  | 'VERIFIED'
  /** Voided with a reason; kept, never deleted, excluded from statistics (已作废) */
  | 'VOIDED';

export type PortalRecentPurchasesQueryVariables = Exact<{
  regionCode: string;
  first: number;
}>;


export type PortalRecentPurchasesQuery = { purchases: { totalCount: number, edges: Array<{ node: { id: string, status: PurchaseStatus, channel: PurchaseChannel, purchasedOn: string, recordedAt: string, totalAmount: string, buyer:
          | { name: string }
          | { name: string }
         | null, originVillage: { name: string } | null } }> } };

export type PortalAttendanceDaysQueryVariables = Exact<{
  regionCode: string;
  from: string;
  to: string;
}>;


export type PortalAttendanceDaysQuery = { residentTeams: { edges: Array<{ node: { id: string, members: Array<{ id: string, attendance: Array<{ date: string }> }> } }> } };

export type PortalFundSharesQueryVariables = Exact<{
  regionCode: string;
}>;


export type PortalFundSharesQuery = { y2021: { year: number, total: string, keyVillages: string, share: string | null, thresholdPercent: string, met: boolean | null }, y2022: { year: number, total: string, keyVillages: string, share: string | null, thresholdPercent: string, met: boolean | null }, y2023: { year: number, total: string, keyVillages: string, share: string | null, thresholdPercent: string, met: boolean | null }, y2024: { year: number, total: string, keyVillages: string, share: string | null, thresholdPercent: string, met: boolean | null }, y2025: { year: number, total: string, keyVillages: string, share: string | null, thresholdPercent: string, met: boolean | null } };

export type PortalFundShareFragment = { year: number, total: string, keyVillages: string, share: string | null, thresholdPercent: string, met: boolean | null };

export type PortalOverdueNoticesQueryVariables = Exact<{
  regionCode: string;
  first: number;
}>;


export type PortalOverdueNoticesQuery = { monitoringCases: { totalCount: number, edges: Array<{ node: { id: string, status: MonitoringCaseStatus, category: MonitoringCategory, notice: { kind: NoticeKind, endsOn: string } | null, village: { name: string }, household: { headName: string } } }> } };

export const PortalFundShareFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PortalFundShare"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FundShare"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"keyVillages"}},{"kind":"Field","name":{"kind":"Name","value":"share"}},{"kind":"Field","name":{"kind":"Name","value":"thresholdPercent"}},{"kind":"Field","name":{"kind":"Name","value":"met"}}]}}]} as unknown as DocumentNode<PortalFundShareFragment, unknown>;
export const PortalRecentPurchasesDocument = {"__meta__":{"hash":"sha256:90b3819ca4a540381c43e81b0e55c933e55e7de7f6452c31a638922e56895950"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalRecentPurchases"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"purchases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"purchasedOn"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"totalAmount"}},{"kind":"Field","name":{"kind":"Name","value":"buyer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"originVillage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PortalRecentPurchasesQuery, PortalRecentPurchasesQueryVariables>;
export const PortalAttendanceDaysDocument = {"__meta__":{"hash":"sha256:ac05e0ebd520285a5fac99a908a64a45e21f47ab1af0d3de02e0fd244c298059"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalAttendanceDays"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"residentTeams"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"ACTIVE"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"ON_DUTY"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"attendance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PortalAttendanceDaysQuery, PortalAttendanceDaysQueryVariables>;
export const PortalFundSharesDocument = {"__meta__":{"hash":"sha256:b3dde11672edde13fba1454d9c322ae7c5f0ddc5238885176cc5c2f7f88a1925"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalFundShares"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"y2021"},"name":{"kind":"Name","value":"fundShare"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"IntValue","value":"2021"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PortalFundShare"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"y2022"},"name":{"kind":"Name","value":"fundShare"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"IntValue","value":"2022"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PortalFundShare"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"y2023"},"name":{"kind":"Name","value":"fundShare"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"IntValue","value":"2023"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PortalFundShare"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"y2024"},"name":{"kind":"Name","value":"fundShare"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"IntValue","value":"2024"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PortalFundShare"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"y2025"},"name":{"kind":"Name","value":"fundShare"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"IntValue","value":"2025"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PortalFundShare"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PortalFundShare"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FundShare"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"keyVillages"}},{"kind":"Field","name":{"kind":"Name","value":"share"}},{"kind":"Field","name":{"kind":"Name","value":"thresholdPercent"}},{"kind":"Field","name":{"kind":"Name","value":"met"}}]}}]} as unknown as DocumentNode<PortalFundSharesQuery, PortalFundSharesQueryVariables>;
export const PortalOverdueNoticesDocument = {"__meta__":{"hash":"sha256:66a6260501381bbf5350a97ec6cc9f3adf991faab8515be15524c38788b5f718"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalOverdueNotices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monitoringCases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"noticeOverdue"},"value":{"kind":"BooleanValue","value":true}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"notice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"village"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"household"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"headName"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PortalOverdueNoticesQuery, PortalOverdueNoticesQueryVariables>;