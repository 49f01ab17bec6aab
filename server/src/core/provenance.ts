/**
 * Provenance (数据来源) of registry rows. Demonstration data is loaded next to facts copied from
 * the policy documents, so every seeded row says which it is, and the API passes it on: a client
 * can mark examples and never mistake them for recorded figures.
 */

/** `source` of invented demonstration rows (示例数据). */
export const DEMO_SOURCE = 'DEMO';

/** Description of every `source` field in the schema. */
export const SOURCE_DESCRIPTION =
  'Where this record comes from (数据来源): `DEMO` for invented demonstration data (示例数据), a policy document and its section (e.g. `003_6038825323505164.txt 第四篇 二、(一)`) for figures copied from it, null for data recorded through the platform';
