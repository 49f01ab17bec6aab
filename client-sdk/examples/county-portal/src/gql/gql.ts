/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query PortalRecentPurchases($regionCode: String!, $first: Int!) {\n    purchases(filter: { regionCode: $regionCode }, first: $first) {\n      totalCount\n      edges {\n        node { id status channel purchasedOn recordedAt totalAmount buyer { name } originVillage { name } }\n      }\n    }\n  }\n": typeof types.PortalRecentPurchasesDocument,
    "\n  query PortalAttendanceDays($regionCode: String!, $from: Date!, $to: Date!) {\n    residentTeams(filter: { regionCode: $regionCode, status: ACTIVE }, first: 100) {\n      edges {\n        node {\n          id\n          members(status: ON_DUTY) { id attendance(from: $from, to: $to) { date } }\n        }\n      }\n    }\n  }\n": typeof types.PortalAttendanceDaysDocument,
    "\n  query PortalFundShares($regionCode: String!) {\n    y2021: fundShare(regionCode: $regionCode, year: 2021) { ...PortalFundShare }\n    y2022: fundShare(regionCode: $regionCode, year: 2022) { ...PortalFundShare }\n    y2023: fundShare(regionCode: $regionCode, year: 2023) { ...PortalFundShare }\n    y2024: fundShare(regionCode: $regionCode, year: 2024) { ...PortalFundShare }\n    y2025: fundShare(regionCode: $regionCode, year: 2025) { ...PortalFundShare }\n  }\n  fragment PortalFundShare on FundShare { year total keyVillages share thresholdPercent met }\n": typeof types.PortalFundSharesDocument,
    "\n  query PortalOverdueNotices($regionCode: String!, $first: Int!) {\n    monitoringCases(filter: { regionCode: $regionCode, noticeOverdue: true }, first: $first) {\n      totalCount\n      edges { node { id status category notice { kind endsOn } village { name } household { headName } } }\n    }\n  }\n": typeof types.PortalOverdueNoticesDocument,
};
const documents: Documents = {
    "\n  query PortalRecentPurchases($regionCode: String!, $first: Int!) {\n    purchases(filter: { regionCode: $regionCode }, first: $first) {\n      totalCount\n      edges {\n        node { id status channel purchasedOn recordedAt totalAmount buyer { name } originVillage { name } }\n      }\n    }\n  }\n": types.PortalRecentPurchasesDocument,
    "\n  query PortalAttendanceDays($regionCode: String!, $from: Date!, $to: Date!) {\n    residentTeams(filter: { regionCode: $regionCode, status: ACTIVE }, first: 100) {\n      edges {\n        node {\n          id\n          members(status: ON_DUTY) { id attendance(from: $from, to: $to) { date } }\n        }\n      }\n    }\n  }\n": types.PortalAttendanceDaysDocument,
    "\n  query PortalFundShares($regionCode: String!) {\n    y2021: fundShare(regionCode: $regionCode, year: 2021) { ...PortalFundShare }\n    y2022: fundShare(regionCode: $regionCode, year: 2022) { ...PortalFundShare }\n    y2023: fundShare(regionCode: $regionCode, year: 2023) { ...PortalFundShare }\n    y2024: fundShare(regionCode: $regionCode, year: 2024) { ...PortalFundShare }\n    y2025: fundShare(regionCode: $regionCode, year: 2025) { ...PortalFundShare }\n  }\n  fragment PortalFundShare on FundShare { year total keyVillages share thresholdPercent met }\n": types.PortalFundSharesDocument,
    "\n  query PortalOverdueNotices($regionCode: String!, $first: Int!) {\n    monitoringCases(filter: { regionCode: $regionCode, noticeOverdue: true }, first: $first) {\n      totalCount\n      edges { node { id status category notice { kind endsOn } village { name } household { headName } } }\n    }\n  }\n": types.PortalOverdueNoticesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalRecentPurchases($regionCode: String!, $first: Int!) {\n    purchases(filter: { regionCode: $regionCode }, first: $first) {\n      totalCount\n      edges {\n        node { id status channel purchasedOn recordedAt totalAmount buyer { name } originVillage { name } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalRecentPurchases($regionCode: String!, $first: Int!) {\n    purchases(filter: { regionCode: $regionCode }, first: $first) {\n      totalCount\n      edges {\n        node { id status channel purchasedOn recordedAt totalAmount buyer { name } originVillage { name } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalAttendanceDays($regionCode: String!, $from: Date!, $to: Date!) {\n    residentTeams(filter: { regionCode: $regionCode, status: ACTIVE }, first: 100) {\n      edges {\n        node {\n          id\n          members(status: ON_DUTY) { id attendance(from: $from, to: $to) { date } }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalAttendanceDays($regionCode: String!, $from: Date!, $to: Date!) {\n    residentTeams(filter: { regionCode: $regionCode, status: ACTIVE }, first: 100) {\n      edges {\n        node {\n          id\n          members(status: ON_DUTY) { id attendance(from: $from, to: $to) { date } }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalFundShares($regionCode: String!) {\n    y2021: fundShare(regionCode: $regionCode, year: 2021) { ...PortalFundShare }\n    y2022: fundShare(regionCode: $regionCode, year: 2022) { ...PortalFundShare }\n    y2023: fundShare(regionCode: $regionCode, year: 2023) { ...PortalFundShare }\n    y2024: fundShare(regionCode: $regionCode, year: 2024) { ...PortalFundShare }\n    y2025: fundShare(regionCode: $regionCode, year: 2025) { ...PortalFundShare }\n  }\n  fragment PortalFundShare on FundShare { year total keyVillages share thresholdPercent met }\n"): (typeof documents)["\n  query PortalFundShares($regionCode: String!) {\n    y2021: fundShare(regionCode: $regionCode, year: 2021) { ...PortalFundShare }\n    y2022: fundShare(regionCode: $regionCode, year: 2022) { ...PortalFundShare }\n    y2023: fundShare(regionCode: $regionCode, year: 2023) { ...PortalFundShare }\n    y2024: fundShare(regionCode: $regionCode, year: 2024) { ...PortalFundShare }\n    y2025: fundShare(regionCode: $regionCode, year: 2025) { ...PortalFundShare }\n  }\n  fragment PortalFundShare on FundShare { year total keyVillages share thresholdPercent met }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalOverdueNotices($regionCode: String!, $first: Int!) {\n    monitoringCases(filter: { regionCode: $regionCode, noticeOverdue: true }, first: $first) {\n      totalCount\n      edges { node { id status category notice { kind endsOn } village { name } household { headName } } }\n    }\n  }\n"): (typeof documents)["\n  query PortalOverdueNotices($regionCode: String!, $first: Int!) {\n    monitoringCases(filter: { regionCode: $regionCode, noticeOverdue: true }, first: $first) {\n      totalCount\n      edges { node { id status category notice { kind endsOn } village { name } household { headName } } }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;