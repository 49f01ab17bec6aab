import { startTestServer, tokenFor, type TestServer } from './harness/server';
import { subscribe, settle } from './harness/live-client';
import { Role } from '../server/src/core/auth/viewer';
import { toGlobalId } from '../server/src/core/relay/global-id';
import { seedId } from '../seeds/load';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const memberId = (key: string) => toGlobalId('TeamMember', seedId('team-member', key));
const teamId = (key: string) => toGlobalId('ResidentTeam', seedId('resident-team', key));
const sichuanOrg = tokenFor({ role: Role.ORG_DEPARTMENT, region: '519900000000' });
const SUBSCRIPTION = `subscription { teamEvent { cursor kind weekStart team { village { code } } member { person { name } } inspection { consequence } } }`;
const RECORD = `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { day { date } } }`;
const checks = ['IDENTITY', 'ARCHIVE', 'RESIDENCE', 'PLAN', 'RESULTS'].map((item) => ({
  item,
  passed: item !== 'RESIDENCE',
}));

describe('teamEvent', () => {
  it('announces a week short of 五天四夜 once, and inspection consequences, to the region and the dispatching units only', async () => {
    const region = subscribeAs(sichuanOrg, SUBSCRIPTION);
    const dispatcher = subscribeAs(
      tokenFor({ role: Role.ASSISTANCE_UNIT, provider: seedId('provider', 'sc-agri-dept') }),
      SUBSCRIPTION,
    );
    const otherUnit = subscribeAs(
      tokenFor({ role: Role.ASSISTANCE_UNIT, provider: seedId('provider', 'sc-energy-soe') }),
      SUBSCRIPTION,
    );
    const otherCity = subscribeAs(tokenFor({ role: Role.ORG_DEPARTMENT, region: '350400000000' }), SUBSCRIPTION);
    const enterprise = subscribeAs(
      tokenFor({ role: Role.ENTERPRISE, provider: seedId('provider', 'tea-co') }),
      SUBSCRIPTION,
    );
    await settle(300);

    // The seeded week of 2026-11-09 has three nights so far; recording its Sunday closes it short.
    const sunday = await server.gql(
      RECORD,
      { input: { memberId: memberId('key1-tl'), date: '2026-11-15', presentByDay: false, stayedNight: false } },
      sichuanOrg,
    );
    expect(sunday.errors).toBeUndefined();
    // Correcting another day of the same week does not announce it again.
    await server.gql(
      RECORD,
      { input: { memberId: memberId('key1-tl'), date: '2026-11-14', presentByDay: false, stayedNight: false } },
      sichuanOrg,
    );
    const notice = await server.gql(
      `mutation($input: RecordInspectionInput!) { recordInspection(input: $input) { inspection { id } } }`,
      {
        input: {
          teamId: teamId('team-key1'),
          date: '2026-11-18',
          checks,
          consequence: 'NOTICE',
          memberId: memberId('key1-fs'),
        },
      },
      sichuanOrg,
    );
    expect(notice.errors).toBeUndefined();

    const events = await region.waitFor(2);
    expect(events.map((e) => e.teamEvent.kind)).toEqual(['WEEK_SHORT', 'INSPECTION_CONSEQUENCE']);
    expect(events[0].teamEvent).toMatchObject({ weekStart: '2026-11-09', team: { village: { code: '519902100201' } } });
    expect(events[1].teamEvent.inspection).toEqual({ consequence: 'NOTICE' });
    expect((await dispatcher.waitFor(2)).map((e) => e.teamEvent.kind)).toEqual([
      'WEEK_SHORT',
      'INSPECTION_CONSEQUENCE',
    ]);
    await settle();
    expect(region.received).toHaveLength(2);
    expect(otherUnit.received).toHaveLength(0);
    expect(otherCity.received).toHaveLength(0);
    expect(JSON.stringify(enterprise.errors)).toContain(`"code":"FORBIDDEN"`);
    await Promise.all([region, dispatcher, otherUnit, otherCity, enterprise].map((s) => s.close()));
  });
});

function subscribeAs(token: string, query: string) {
  return subscribe(server.url, token, query);
}
