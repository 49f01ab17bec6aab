import { startTestServer, type TestServer } from './harness/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const NESTED = `query($regions: Int!, $villages: Int!) {
  regions(parentCode: "519902000000", first: $regions) {
    edges { node { name
      children(first: 5) { edges { node { name } } }
      villages(first: $villages) { totalCount edges { node {
        name designations { kind } township { name } county { name }
        indicators { year population } indicatorHistory { year }
        targetProgress { targetCode met }
      } } }
    } }
  }
}`;

describe('nested queries stay N+1-free', () => {
  it('sends the same number of SQL statements whatever the page sizes', async () => {
    const run = (regions: number, villages: number) =>
      server.countStatements(async () => {
        const response = await server.gql(NESTED, { regions, villages });
        expect(response.errors).toBeUndefined();
        return response.data!;
      });
    const small = await run(1, 1);
    const large = await run(3, 30);
    const villagesReturned = (data: any) =>
      data.regions.edges.reduce((n: number, e: any) => n + e.node.villages.edges.length, 0);
    // The larger page really covers more parents and children, so a per-row query would show.
    expect(villagesReturned(large.result)).toBeGreaterThanOrEqual(10);
    expect(villagesReturned(large.result)).toBeGreaterThan(villagesReturned(small.result));
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(12);
  });
});
