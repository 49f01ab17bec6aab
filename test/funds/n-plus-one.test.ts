import { startTestServer, type TestServer } from '../harness/server';

/**
 * The nested fields of funds, projects, assets and posts are batched: the number of SQL
 * statements a query sends does not grow with the page size.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  // Three older copies of every demo project with all it holds, so a large page has many parents
  // of every shape (payments, assets with income and an open disposal) and a small one has them too.
  for (const copy of ['-a', '-b', '-c']) await cloneProjects(copy);
});

/** New ids derived from the old ones, so children follow their parents. */
const id = (column: string) => `md5(${column}::text || $1)::uuid`;

async function cloneProjects(suffix: string): Promise<void> {
  await server.sql(
    `INSERT INTO project (id, county_code, year, name, category, status, description, planned_start, actual_start,
       announcement_start, announcement_end, beneficiary_households, beneficiary_people, monitored_households, status_changed_on)
     SELECT ${id('id')}, county_code, year - 10, name || $1, category, status, description, planned_start - 3650, actual_start - 3650,
       announcement_start - 3650, announcement_end - 3650, beneficiary_households, beneficiary_people, monitored_households, status_changed_on - 3650
     FROM project WHERE year >= 2024`,
    [suffix],
  );
  await server.sql(
    `INSERT INTO project_village SELECT ${id('project_id')}, village_code FROM project_village pv
    JOIN project p ON p.id = pv.project_id WHERE p.year >= 2024`,
    [suffix],
  );
  await server.sql(
    `INSERT INTO project_budget_line (id, project_id, source, provider_id, amount)
    SELECT ${id('b.id')}, ${id('b.project_id')}, source, provider_id, amount FROM project_budget_line b
    JOIN project p ON p.id = b.project_id WHERE p.year >= 2024`,
    [suffix],
  );
  await server.sql(
    `INSERT INTO project_status_change (id, project_id, from_status, to_status, changed_on, actor_role)
    SELECT ${id('h.id')}, ${id('h.project_id')}, from_status, to_status, changed_on - 3650, actor_role FROM project_status_change h
    JOIN project p ON p.id = h.project_id WHERE p.year >= 2024`,
    [suffix],
  );
  await server.sql(
    `INSERT INTO project_payment (id, project_id, allocation_id, amount, paid_on, stage)
    SELECT ${id('pp.id')}, ${id('pp.project_id')}, allocation_id, amount, paid_on, stage FROM project_payment pp
    JOIN project p ON p.id = pp.project_id WHERE p.year >= 2024`,
    [suffix],
  );
  await server.sql(
    `INSERT INTO project_asset (id, project_id, village_code, name, type, owner_kind, owner_name, operator, upkeep_body, value, benefit_link, formed_on)
    SELECT ${id('a.id')}, ${id('a.project_id')}, village_code, a.name || $1, type, owner_kind, owner_name, operator, upkeep_body, value, benefit_link, formed_on
    FROM project_asset a JOIN project p ON p.id = a.project_id WHERE p.year >= 2024`,
    [suffix],
  );
  await server.sql(
    `INSERT INTO asset_income SELECT ${id('i.asset_id')}, i.year, i.amount, monitored_households_percent, upkeep_percent,
      public_works_percent, to_monitored_households, to_upkeep, to_public_works
    FROM asset_income i JOIN project_asset a ON a.id = i.asset_id JOIN project p ON p.id = a.project_id WHERE p.year >= 2024`,
    [suffix],
  );
  await server.sql(
    `INSERT INTO asset_disposal (id, asset_id, kind, reason, requested_on, requested_by_role)
    SELECT ${id('d.id')}, ${id('d.asset_id')}, kind, reason, requested_on, requested_by_role
    FROM asset_disposal d JOIN project_asset a ON a.id = d.asset_id JOIN project p ON p.id = a.project_id WHERE p.year >= 2024`,
    [suffix],
  );
}
afterAll(() => server.close());

/** `small` and `large` page sizes: the small page already holds a parent of every shape. */
const QUERIES: Record<
  string,
  { query: string; rows: (data: any) => number; limit: number; small: number; large: number }
> = {
  // Each loader is reached from one depth only: one reached from two (a project's villages and its
  // assets' village) batches once or twice depending on which query answers first, which is not
  // growth with the page but would make the count timing-dependent. The assets query covers it.
  projects: {
    query: `query($first: Int!) { projects(first: $first) { totalCount edges { node { name
      county { name } villages { name designations { kind } } keyVillagesOnly totalBudget paidAmount nextStatuses
      budget { source amount paid provider { name } } history { to date actorRole }
      payments(first: 5) { totalCount edges { node { amount allocation { source inPlaceByDeadline paidAmount } project { name } } } }
      assets(first: 5) { totalCount edges { node { name incomes { amount toMonitoredHouseholds } disposals { status asset { name } } } } }
    } } } }`,
    rows: (d) => d.projects.edges.length,
    limit: 20,
    small: 9,
    large: 36,
  },
  allocations: {
    query: `query($first: Int!) { fundAllocations(first: $first) { edges { node { amount county { name } provider { name }
      paidAmount remainingAmount payments(first: 3) { totalCount edges { node { amount project { name totalBudget } } } } } } } }`,
    rows: (d) => d.fundAllocations.edges.length,
    limit: 10,
    small: 6,
    large: 12,
  },
  assets: {
    query: `query($first: Int!) { assets(first: $first) { edges { node { name project { name status } village { name }
      incomes { year amount } disposals { status } } } }
      villages(first: $first, filter: { regionCode: "519902" }) { edges { node { name assets(first: 3) { totalCount edges { node { name } } } } } } }`,
    rows: (d) => d.assets.edges.length + d.villages.edges.length,
    limit: 10,
    small: 2,
    large: 20,
  },
  posts: {
    query: `query($first: Int!) { welfarePosts(first: $first) { edges { node { title village { name }
      agreements { holderName status post { title } checks(first: 5) { totalCount edges { node { checkedOn agreement { status } } } }
        monthlyFees(year: 2026) { month payable } } } } } }`,
    rows: (d) => d.welfarePosts.edges.length,
    limit: 10,
    small: 2,
    large: 20,
  },
};

describe('funds and posts nested queries stay N+1-free', () => {
  it.each(Object.entries(QUERIES))(
    '%s: the same statements for a small page and a large one',
    async (_, { query, rows, limit, small: smallPage, large: largePage }) => {
      const run = (first: number) =>
        server.countStatements(async () => {
          const response = await server.gql(query, { first });
          expect(response.errors).toBeUndefined();
          return response.data!;
        });
      const small = await run(smallPage);
      const large = await run(largePage);
      // The larger page really covers more parents, so a per-row query would show.
      expect(rows(large.result)).toBeGreaterThanOrEqual(4);
      expect(rows(large.result)).toBeGreaterThan(rows(small.result));
      expect(large.statements).toBe(small.statements);
      expect(large.statements).toBeLessThanOrEqual(limit);
    },
  );
});
