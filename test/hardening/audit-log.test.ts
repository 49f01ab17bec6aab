import { startTestServer, codesOf, tokenFor, type TestServer } from '../harness/server';
import { Role } from '../../server/src/core/auth/viewer';
import { toGlobalId } from '../../server/src/core/relay/global-id';
import { seedId } from '../../seeds/load';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const sichuanOfficial = tokenFor({ role: Role.REGION_OFFICIAL, region: '519902000000', sub: 'official.sc' });
const wanghuaOfficial = tokenFor({ role: Role.REGION_OFFICIAL, region: '210404000000', sub: 'official.wh' });
const sichuanOrg = tokenFor({ role: Role.ORG_DEPARTMENT, region: '519902000000', sub: 'org.sc' });
const teaCo = tokenFor({ role: Role.ENTERPRISE, provider: seedId('provider', 'tea-co'), sub: 'tea.clerk' });
const AUDIT = `query($filter: AuditLogFilter) { auditLog(first: 100, filter: $filter) { totalCount edges { node {
  actor role scopeRegion scopeProviderId operation operationName targetIds outcome requestId input } } } }`;

async function post(query: string, variables: Record<string, unknown>, token: string, requestId: string) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': requestId },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: any[] };
}

describe('audit log', () => {
  it('appends one row per mutation, successful or refused, with actor, scope, targets, outcome and request id', async () => {
    const village = toGlobalId('Village', '519902100201');
    const ok = await post(
      `mutation Record($input: RecordVillageIndicatorsInput!) { recordVillageIndicators(input: $input) { indicators { year } } }`,
      { input: { villageId: village, year: 2024, population: 3600 } },
      sichuanOfficial,
      'req-audit-ok',
    );
    expect(ok.errors).toBeUndefined();
    const refused = await post(
      `mutation { createVillage(input: { code: "519902100298", name: "越权" }) { village { id } } }`,
      {},
      teaCo,
      'req-audit-forbidden',
    );
    expect(refused.errors![0].extensions.code).toBe('FORBIDDEN');
    const bad = await post(
      `mutation($input: CreateVillageInput!) { createVillage(input: $input) { village { id } } }`,
      { input: { code: '519902100297', name: '' } },
      sichuanOfficial,
      'req-audit-bad',
    );
    expect(bad.errors![0].extensions.code).toBe('BAD_USER_INPUT');

    const rows = await server.sql(
      `SELECT actor, role, scope_region, scope_provider, operation, operation_name, target_ids, outcome
         FROM audit_log WHERE request_id = ANY($1) ORDER BY id`,
      [['req-audit-ok', 'req-audit-forbidden', 'req-audit-bad']],
    );
    expect(rows).toEqual([
      {
        actor: 'official.sc',
        role: 'REGION_OFFICIAL',
        scope_region: '519902000000',
        scope_provider: null,
        operation: 'recordVillageIndicators',
        operation_name: 'Record',
        target_ids: [village],
        outcome: 'OK',
      },
      {
        actor: 'tea.clerk',
        role: 'ENTERPRISE',
        scope_region: null,
        scope_provider: seedId('provider', 'tea-co'),
        operation: 'createVillage',
        operation_name: null,
        target_ids: [],
        outcome: 'FORBIDDEN',
      },
      expect.objectContaining({ operation: 'createVillage', outcome: 'BAD_USER_INPUT', actor: 'official.sc' }),
    ]);
  });

  it('masks phone numbers in the recorded input', async () => {
    const team = await server.sql<{ id: string }>(
      `SELECT t.id FROM resident_team t WHERE t.village_code = '519902100201' AND t.status = 'ACTIVE'`,
    );
    const response = await post(
      `mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { member { id } } }`,
      {
        input: {
          teamId: toGlobalId('ResidentTeam', team[0].id),
          role: 'MEMBER',
          onDutyFrom: '2026-10-01',
          person: {
            name: '审计员',
            gender: 'MALE',
            partyMember: false,
            phone: '13912345678',
            unitId: toGlobalId('AssistanceUnit', seedId('provider', 'sc-agri-dept')),
          },
        },
      },
      sichuanOrg,
      'req-audit-phone',
    );
    expect(response.errors).toBeUndefined();
    const [row] = await server.sql<{ input: any; target_ids: string[] }>(
      `SELECT input, target_ids FROM audit_log WHERE request_id = 'req-audit-phone'`,
    );
    expect(row.input.input.person.phone).toBe('*******5678');
    expect(JSON.stringify(row.input)).not.toContain('13912345678');
    expect(row.target_ids).toContain(response.data.addTeamMember.member.id);
  });

  it('refuses to change or remove entries, whoever asks', async () => {
    await expect(server.sql(`UPDATE audit_log SET outcome = 'OK'`)).rejects.toThrow(/append-only/);
    await expect(server.sql(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(server.sql(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  });

  it('lets ADMIN read everything, an official its region’s accounts, a partner its own actions', async () => {
    await post(
      `mutation { createRegion(input: { code: "210404198000", name: "望花审计街道" }) { region { code } } }`,
      {},
      wanghuaOfficial,
      'req-wh',
    );
    const all = await server.gql(AUDIT);
    const actors = new Set(all.data!.auditLog.edges.map((e: any) => e.node.actor));
    expect(actors).toEqual(new Set(['official.sc', 'tea.clerk', 'org.sc', 'official.wh']));

    const sichuan = await server.gql(AUDIT, {}, sichuanOfficial);
    expect(new Set(sichuan.data!.auditLog.edges.map((e: any) => e.node.scopeRegion))).toEqual(
      new Set(['519902000000']),
    );
    const wanghua = await server.gql(AUDIT, {}, wanghuaOfficial);
    expect(wanghua.data!.auditLog.edges.map((e: any) => e.node.actor)).toEqual(['official.wh']);

    const own = await server.gql(AUDIT, {}, teaCo);
    expect(own.data!.auditLog.edges.map((e: any) => [e.node.actor, e.node.outcome])).toEqual([
      ['tea.clerk', 'FORBIDDEN'],
    ]);
    const other = await server.gql(
      AUDIT,
      {},
      tokenFor({ role: Role.ENTERPRISE, provider: seedId('provider', 'citrus-co') }),
    );
    expect(other.data!.auditLog.totalCount).toBe(0);

    const filtered = await server.gql(AUDIT, { filter: { outcome: 'BAD_USER_INPUT', operation: 'createVillage' } });
    expect(filtered.data!.auditLog.edges.map((e: any) => e.node.requestId)).toEqual(['req-audit-bad']);
    expect(codesOf(await server.gql(AUDIT, { filter: { actor: 'x'.repeat(300) } }))).toEqual(['BAD_USER_INPUT']);
  });
});
