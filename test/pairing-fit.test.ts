import { startTestServer, codesOf, type TestServer } from './harness/server';
import { toGlobalId } from '../server/src/core/relay/global-id';
import { seedId } from '../seeds/load';

/**
 * Which providers fit each pairing mechanism (pairing.rules.ts has the rule table and its unit
 * tests); here the same rules through the API, on createPairing and on every activation. Its own
 * file: the cases end partnerships and change designations of the seeded data.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const provider = (key: string) => seedId('provider', key);
const village = (code: string) => toGlobalId('Village', code);
const region = (code: string) => toGlobalId('Region', code);
const CREATE = `mutation($input: CreatePairingInput!) { createPairing(input: $input) { pairing { id status } } }`;
const CHANGE = `mutation($input: ChangePairingStatusInput!) { changePairingStatus(input: $input) { pairing { id status } } }`;

describe('mechanism fit, on create and again on activation', () => {
  const pair = (providerId: string, targetId: string, mechanism: string, status = 'PROPOSED') =>
    server.gql(CREATE, { input: { providerId, targetId, mechanism, startDate: '2024-01-01', status } });
  const refusedOn = async (response: any, field: string) => {
    expect(codesOf(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].extensions!.fields).toEqual([field]);
  };
  const unitId = (key: string) => toGlobalId('AssistanceUnit', provider(key));
  const enterpriseId = (key: string) => toGlobalId('Enterprise', provider(key));

  it('keeps every seeded pairing within its mechanism', async () => {
    // Re-proposing each seeded pairing under its own mechanism passes the same check a new one does.
    const seeded = await server.sql<{
      provider_id: string;
      type: string;
      target_code: string;
      target_level: string;
      mechanism: string;
    }>(
      `SELECT p.provider_id, pr.type, p.target_code, p.target_level, p.mechanism FROM pairing p JOIN provider pr ON pr.id = p.provider_id
       WHERE p.status <> 'ENDED'`,
    );
    expect(seeded.length).toBeGreaterThanOrEqual(15);
    for (const p of seeded) {
      const response = await pair(
        toGlobalId(p.type === 'ENTERPRISE' ? 'Enterprise' : 'AssistanceUnit', p.provider_id),
        p.target_level === 'VILLAGE' ? village(p.target_code) : region(p.target_code),
        p.mechanism,
      );
      expect({ ...p, errors: response.errors }).toEqual({ ...p, errors: undefined });
    }
  });

  it('定点帮扶 takes state units and state-owned enterprises, not social organisations or private enterprises', async () => {
    const target = village('519902100204');
    expect((await pair(unitId('central-unit'), target, 'DESIGNATED')).errors).toBeUndefined();
    expect((await pair(unitId('sc-energy-soe'), target, 'DESIGNATED')).errors).toBeUndefined();
    await refusedOn(await pair(unitId('rural-foundation'), target, 'DESIGNATED'), 'providerId');
    await refusedOn(await pair(enterpriseId('tea-co'), target, 'DESIGNATED'), 'providerId');
  });

  it('万企兴万村 takes an enterprise enrolled in it, not one only in 千企兴千村', async () => {
    const target = village('210404100202');
    expect((await pair(enterpriseId('sanming-food'), target, 'ENTERPRISE_VILLAGE')).errors).toBeUndefined();
    await refusedOn(await pair(enterpriseId('fushun-logistics'), target, 'ENTERPRISE_VILLAGE'), 'providerId');
    // 社会力量参与帮扶 is where a 千企兴千村 enterprise fits.
    expect((await pair(enterpriseId('fushun-logistics'), target, 'SOCIAL_PARTICIPATION')).errors).toBeUndefined();
  });

  it('强村带弱村 takes a unit of a 示范村 and loses it when the village loses the designation', async () => {
    const target = village('519902101201');
    const proposed = await pair(unitId('demo-village-jia'), target, 'STRONG_HELPS_WEAK');
    expect(proposed.errors).toBeUndefined();
    await refusedOn(await pair(unitId('city-hospital'), target, 'STRONG_HELPS_WEAK'), 'providerId');
    await refusedOn(await pair(unitId('demo-village-jia'), region('519902000000'), 'STRONG_HELPS_WEAK'), 'targetId');

    const revoke = `mutation($input: RevokeVillageDesignationInput!) { revokeVillageDesignation(input: $input) { village { code } } }`;
    expect(
      (await server.gql(revoke, { input: { villageId: village('519902100203'), kind: 'DEMONSTRATION' } })).errors,
    ).toBeUndefined();
    const activation = await server.gql(CHANGE, {
      input: { pairingId: proposed.data!.createPairing.pairing.id, status: 'ACTIVE' },
    });
    await refusedOn(activation, 'status');
    expect(activation.errors![0].message).toContain('示范村');
    await refusedOn(await pair(unitId('demo-village-jia'), target, 'STRONG_HELPS_WEAK'), 'providerId');
    const designate = `mutation($input: DesignateVillageInput!) { designateVillage(input: $input) { village { code } } }`;
    await server.gql(designate, {
      input: { villageId: village('519902100203'), kind: 'DEMONSTRATION', level: 'PROVINCIAL' },
    });
    const again = await server.gql(CHANGE, {
      input: { pairingId: proposed.data!.createPairing.pairing.id, status: 'ACTIVE' },
    });
    expect(again.errors).toBeUndefined();
  });

  it('东西部协作/对口帮扶 take the partner region and what is homed in it, while the partnership is active', async () => {
    // A hospital of 思明区, the partner region of 清流县 (its unit holds active EAST_WEST and COUNTERPART pairings there).
    const created = await server.gql(
      `mutation { createAssistanceUnit(input: { name: "思明区人民医院（示例）", kind: PUBLIC_INSTITUTION, level: COUNTY, regionCode: "350203" }) { assistanceUnit { id } } }`,
    );
    expect(created.errors).toBeUndefined();
    const hospital = created.data!.createAssistanceUnit.assistanceUnit.id;
    const qingliuVillage = village('350423100201');
    const proposed = await pair(hospital, qingliuVillage, 'COUNTERPART');
    expect(proposed.errors).toBeUndefined();
    expect((await pair(hospital, region('350423000000'), 'EAST_WEST')).errors).toBeUndefined();
    // Not a partner of 望花区, and a unit homed in 三明 is not of the partner region.
    await refusedOn(await pair(hospital, village('210404100202'), 'COUNTERPART'), 'providerId');
    await refusedOn(await pair(unitId('city-hospital'), qingliuVillage, 'EAST_WEST'), 'providerId');

    // The partnership ends: the hospital's proposed pairing can no longer be activated.
    for (const key of ['siming-qingliu', 'siming-longjin2'])
      expect(
        (
          await server.gql(CHANGE, {
            input: { pairingId: toGlobalId('Pairing', seedId('pairing', key)), status: 'ENDED' },
          })
        ).errors,
      ).toBeUndefined();
    const activation = await server.gql(CHANGE, {
      input: { pairingId: proposed.data!.createPairing.pairing.id, status: 'ACTIVE' },
    });
    await refusedOn(activation, 'status');
    expect(activation.errors![0].message).toContain('no partner region');
    const [{ status }] = await server.sql(`SELECT status FROM pairing WHERE id = $1`, [
      Buffer.from(proposed.data!.createPairing.pairing.id, 'base64url').toString().split(':')[1],
    ]);
    expect(status).toBe('PROPOSED');
  });

  it('refuses activating the pairing of an enterprise that left 万企兴万村', async () => {
    const proposed = await pair(enterpriseId('xinzhou-grain'), village('210404100203'), 'ENTERPRISE_VILLAGE');
    expect(proposed.errors).toBeUndefined();
    const update = await server.gql(
      `mutation($id: ID!) { updateEnterprise(input: { enterpriseId: $id, campaigns: [QIANQI_XING_QIANCUN] }) { enterprise { campaigns } } }`,
      { id: enterpriseId('xinzhou-grain') },
    );
    expect(update.errors).toBeUndefined();
    await refusedOn(
      await server.gql(CHANGE, { input: { pairingId: proposed.data!.createPairing.pairing.id, status: 'ACTIVE' } }),
      'status',
    );
  });
});
