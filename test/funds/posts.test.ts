import { startTestServer, codesOf, type TestServer } from '../harness/server';
import { toGlobalId } from '../../server/src/core/relay/global-id';
import { seedId } from '../../seeds/load';
import { toFen } from '../../server/src/modules/consumption/decimal';
import { KEY_VILLAGE_1, countyOfficial, otherCountyOfficial, townshipOfficial, villageId } from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const agreementId = (key: string) => toGlobalId('PostAgreement', seedId('post-agreement', key));
const FEES = `query($id: ID!, $year: Int!) { node(id: $id) { ... on PostAgreement { status endReason endedOn proposedOn
  monthlyFees(year: $year) { month checks absences base deductionPercent deduction payable forfeited } } } }`;
const CHECK = `mutation($input: RecordPostCheckInput!) { recordPostCheck(input: $input) { check { checkedOn onPost } agreement { status proposedOn endedOn endReason } } }`;
const SIGN = `mutation($input: SignPostAgreementInput!) { signPostAgreement(input: $input) { agreement { id annualFee status priorityHolder } } }`;

async function rangerPost(title: string): Promise<string> {
  const response = await server.gql(
    `mutation($input: CreateWelfarePostInput!) { createWelfarePost(input: $input) { post { id kind } } }`,
    { input: { villageId: villageId(KEY_VILLAGE_1), kind: 'FOREST_RANGER', title, setOn: '2025-12-01' } },
    townshipOfficial(),
  );
  return response.data!.createWelfarePost.post.id;
}

async function hire(postId: string, startsOn = '2025-01-01', endsOn = '2025-12-31'): Promise<string> {
  const response = await server.gql(
    SIGN,
    { input: { postId, holderName: '护林员（测试）', holderCategory: 'MARGINAL', areaMu: '300', startsOn, endsOn } },
    townshipOfficial(),
  );
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.signPostAgreement.agreement.id;
}

const check = (agreementId: string, checkedOn: string, extra: Record<string, unknown> = {}) =>
  server.gql(CHECK, { input: { agreementId, checkedOn, onPost: false, ...extra } }, townshipOfficial());

describe('forest rangers (生态护林员, 003_6038825323505164.txt 第三篇)', () => {
  it('are paid 10,000 yuan a year, less 5% for one absence and 10% for two in a month, exact to the fen', async () => {
    const fees = (await server.gql(FEES, { id: agreementId('ag-ranger-1'), year: 2026 }, countyOfficial())).data!.node;
    expect(fees.status).toBe('ACTIVE');
    expect(fees.monthlyFees).toHaveLength(12);
    const [jan, feb, mar, apr] = fees.monthlyFees;
    expect(jan).toEqual({
      month: '2026-01',
      checks: 1,
      absences: 0,
      base: '833.34',
      deductionPercent: 0,
      deduction: '0.00',
      payable: '833.34',
      forfeited: false,
    });
    expect(feb).toEqual({
      month: '2026-02',
      checks: 2,
      absences: 1,
      base: '833.34',
      deductionPercent: 5,
      deduction: '41.67',
      payable: '791.67',
      forfeited: false,
    });
    expect(mar).toEqual({
      month: '2026-03',
      checks: 2,
      absences: 2,
      base: '833.34',
      deductionPercent: 10,
      deduction: '83.33',
      payable: '750.01',
      forfeited: false,
    });
    expect(apr).toMatchObject({ absences: 0, payable: '833.34' });
    // A fire through neglect below 15 mu (3.5 mu in September) changes nothing by rule.
    expect(fees.monthlyFees[8]).toMatchObject({
      month: '2026-09',
      base: '833.33',
      payable: '833.33',
      forfeited: false,
    });
    const base = fees.monthlyFees.reduce((n: bigint, m: any) => n + toFen(m.base), 0n);
    expect(base).toBe(toFen('10000.00'));
    for (const m of fees.monthlyFees) expect(toFen(m.deduction) + toFen(m.payable)).toBe(toFen(m.base));
  });

  it('proposes termination at the third absence in a month, which the station confirms or withdraws', async () => {
    const post = await rangerPost('三次不在岗测试（示例）');
    const agreement = await hire(post);
    expect((await check(agreement, '2025-06-03')).data!.recordPostCheck.agreement.status).toBe('ACTIVE');
    expect((await check(agreement, '2025-06-10')).data!.recordPostCheck.agreement.status).toBe('ACTIVE');
    // Absences in other months do not add up with June's.
    expect((await check(agreement, '2025-07-01')).data!.recordPostCheck.agreement.status).toBe('ACTIVE');
    const third = await check(agreement, '2025-06-24');
    expect(third.data!.recordPostCheck.agreement).toEqual({
      status: 'TERMINATION_PROPOSED',
      proposedOn: '2025-06-24',
      endedOn: null,
      endReason: null,
    });
    const fees = (await server.gql(FEES, { id: agreement, year: 2025 }, countyOfficial())).data!.node.monthlyFees;
    expect(fees.find((m: any) => m.month === '2025-06')).toMatchObject({
      absences: 3,
      deductionPercent: 10,
      base: '833.33',
      deduction: '83.33',
      payable: '750.00',
    });
    expect(fees.find((m: any) => m.month === '2025-07')).toMatchObject({
      absences: 1,
      deductionPercent: 5,
      deduction: '41.67',
      payable: '791.66',
    });
    expect(fees.find((m: any) => m.month === '2025-05')).toMatchObject({
      absences: 0,
      deduction: '0.00',
      payable: '833.33',
    });

    const END = `mutation($input: EndPostAgreementInput!) { endPostAgreement(input: $input) { agreement { status endedOn endReason } } }`;
    const KEEP = `mutation($input: KeepPostAgreementInput!) { keepPostAgreement(input: $input) { agreement { status proposedOn } } }`;
    // "可立即终止": the station may keep the ranger …
    expect(
      (await server.gql(KEEP, { input: { agreementId: agreement } }, townshipOfficial())).data!.keepPostAgreement
        .agreement,
    ).toEqual({ status: 'ACTIVE', proposedOn: null });
    const premature = await server.gql(
      END,
      { input: { agreementId: agreement, reason: 'THREE_ABSENCES', endedOn: '2025-07-02' } },
      townshipOfficial(),
    );
    expect(premature.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: ['reason'] });
    // … and a fourth absence in the month proposes it again; confirmed, no check may follow.
    expect((await check(agreement, '2025-06-27')).data!.recordPostCheck.agreement.status).toBe('TERMINATION_PROPOSED');
    const ended = await server.gql(
      END,
      { input: { agreementId: agreement, reason: 'THREE_ABSENCES', endedOn: '2025-06-28' } },
      townshipOfficial(),
    );
    expect(ended.data!.endPostAgreement.agreement).toEqual({
      status: 'TERMINATED',
      endedOn: '2025-06-28',
      endReason: 'THREE_ABSENCES',
    });
    expect((await check(agreement, '2025-06-30', { onPost: true })).errors![0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['agreementId'],
    });
    const after = (await server.gql(FEES, { id: agreement, year: 2025 }, countyOfficial())).data!.node.monthlyFees;
    expect(after.map((m: any) => m.month).at(-1)).toBe('2025-06'); // no fee after the month it ended
    // The post is free again for an agreement after the old one.
    expect(
      (
        await server.gql(
          SIGN,
          {
            input: {
              postId: post,
              holderName: '接任者',
              holderCategory: 'UNSTABLE_LIFTED',
              areaMu: '300',
              startsOn: '2025-06-01',
              endsOn: '2025-12-31',
            },
          },
          townshipOfficial(),
        )
      ).errors![0].extensions!.fields,
    ).toEqual(['startsOn']);
    expect(await hire(post, '2025-07-01', '2025-12-31')).toBeTruthy();
  });

  it('forfeits the month and ends the agreement at once for a fire of 15 mu or more through neglect, not for 14.99 mu', async () => {
    const agreement = await hire(await rangerPost('火灾测试（示例）'));
    const small = await check(agreement, '2025-08-05', { onPost: true, fireAreaMu: '14.99', fireThroughNeglect: true });
    expect(small.data!.recordPostCheck.agreement.status).toBe('ACTIVE');
    const notNeglect = await check(agreement, '2025-08-06', {
      onPost: true,
      fireAreaMu: '40',
      fireThroughNeglect: false,
    });
    expect(notNeglect.data!.recordPostCheck.agreement.status).toBe('ACTIVE');
    expect((await check(agreement, '2025-08-07', { fireThroughNeglect: true })).errors![0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['fireAreaMu'],
    });
    const fire = await check(agreement, '2025-08-20', { onPost: true, fireAreaMu: '15', fireThroughNeglect: true });
    expect(fire.data!.recordPostCheck.agreement).toEqual({
      status: 'TERMINATED',
      proposedOn: null,
      endedOn: '2025-08-20',
      endReason: 'FOREST_FIRE',
    });
    const fees = (await server.gql(FEES, { id: agreement, year: 2025 }, countyOfficial())).data!.node.monthlyFees;
    expect(fees.at(-1)).toEqual({
      month: '2025-08',
      checks: 3,
      absences: 0,
      base: '833.33',
      deductionPercent: 100,
      deduction: '833.33',
      payable: '0.00',
      forfeited: true,
    });
    expect(fees.at(-2)).toMatchObject({ month: '2025-07', payable: '833.33' });
    // The seeded ranger of 重点三村 lost September 2026 to a 16-mu fire.
    const seeded = (await server.gql(FEES, { id: agreementId('ag-ranger-3'), year: 2026 }, countyOfficial())).data!
      .node;
    expect(seeded).toMatchObject({ status: 'TERMINATED', endReason: 'FOREST_FIRE', endedOn: '2026-09-14' });
    expect(seeded.monthlyFees.at(-1)).toMatchObject({ month: '2026-09', forfeited: true, payable: '0.00' });
    const proposed = (await server.gql(FEES, { id: agreementId('ag-ranger-6'), year: 2026 }, countyOfficial())).data!
      .node;
    expect(proposed).toMatchObject({ status: 'TERMINATION_PROPOSED', proposedOn: '2026-10-27' });
  });

  it('hires 脱贫不稳定户 and 边缘易致贫户 first, in whole months, one holder at a time', async () => {
    const post = await rangerPost('聘任规则（示例）');
    const base = {
      postId: post,
      holderName: '候选人',
      holderCategory: 'MARGINAL',
      areaMu: '100',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
    };
    const refusals: [Record<string, unknown>, string][] = [
      [{ holderCategory: 'LIFTED' }, 'priorityWaiverReason'],
      [{ startsOn: '2026-01-02' }, 'startsOn'],
      [{ endsOn: '2026-12-30' }, 'endsOn'],
      [{ endsOn: '2025-12-31' }, 'endsOn'],
      [{ areaMu: null }, 'areaMu'],
      [{ annualFee: '0' }, 'annualFee'],
    ];
    for (const [change, field] of refusals) {
      const response = await server.gql(SIGN, { input: { ...base, ...change } }, townshipOfficial());
      expect({ change, extensions: response.errors?.[0].extensions }).toEqual({
        change,
        extensions: { code: 'BAD_USER_INPUT', fields: [field] },
      });
    }
    const waived = await server.gql(
      SIGN,
      { input: { ...base, holderCategory: 'LIFTED', priorityWaiverReason: '无优先户报名（示例）' } },
      townshipOfficial(),
    );
    expect(waived.data!.signPostAgreement.agreement).toMatchObject({
      annualFee: '10000.00',
      status: 'ACTIVE',
      priorityHolder: false,
    });
    const second = await server.gql(SIGN, { input: base }, townshipOfficial());
    expect(second.errors![0].extensions).toEqual({ code: 'CONFLICT', fields: ['postId'] });
    const checkTwice = [
      await check(waived.data!.signPostAgreement.agreement.id, '2026-03-03'),
      await check(waived.data!.signPostAgreement.agreement.id, '2026-03-03'),
    ];
    expect(checkTwice[1].errors![0].extensions).toEqual({ code: 'CONFLICT', fields: ['checkedOn'] });
    expect(codesOf(await server.gql(SIGN, { input: base }, otherCountyOfficial()))).toEqual(['NOT_FOUND']);
  });

  it('pays other posts their monthly share without the ranger deductions (no document sets any)', async () => {
    const fees = (await server.gql(FEES, { id: agreementId('ag-cleaner-2'), year: 2026 }, countyOfficial())).data!.node
      .monthlyFees;
    expect(fees.find((m: any) => m.month === '2026-06')).toEqual({
      month: '2026-06',
      checks: 1,
      absences: 1,
      base: '600.00',
      deductionPercent: 0,
      deduction: '0.00',
      payable: '600.00',
      forfeited: false,
    });
  });
});
