import { Campaign, Ownership, ProviderType, UnitKind } from '../../providers/provider.entity';
import { DesignationKind } from '../../villages/village.entity';
import { PairingMechanism, PairingStatus, PairingTargetLevel } from '../pairing.entity';
import { PAIRING_TRANSITIONS, mechanismMisfit, transitionRefusal, type ProviderFacts } from '../pairing.rules';

const { PROPOSED, ACTIVE, SUSPENDED, ENDED } = PairingStatus;

describe('status transitions', () => {
  it.each([
    [PROPOSED, ACTIVE],
    [PROPOSED, ENDED],
    [ACTIVE, SUSPENDED],
    [ACTIVE, ENDED],
    [SUSPENDED, ACTIVE],
    [SUSPENDED, ENDED],
  ])('allows %s → %s', (from, to) => expect(transitionRefusal(from, to)).toBeNull());

  it('refuses every other move, staying put included, and nothing leaves ENDED', () => {
    const statuses = Object.values(PairingStatus);
    const refused = statuses.flatMap((from) =>
      statuses.filter((to) => !PAIRING_TRANSITIONS[from].includes(to)).map((to) => [from, to] as const),
    );
    expect(refused).toHaveLength(16 - 6);
    for (const [from, to] of refused)
      expect(transitionRefusal(from, to)).toMatch(`a ${from} pairing cannot become ${to}`);
    expect(transitionRefusal(ENDED, ACTIVE)).toContain('it is final');
  });
});

const unit = (
  unitKind: UnitKind,
  homeCode: string | null = '510000000000',
  homeVillageDesignations: DesignationKind[] = [],
): ProviderFacts => ({
  type: ProviderType.ASSISTANCE_UNIT,
  unitKind,
  ownership: null,
  campaigns: [],
  homeCode,
  homeVillageDesignations,
});
const enterprise = (
  campaigns: Campaign[],
  ownership = Ownership.PRIVATE,
  homeCode = '519900000000',
): ProviderFacts => ({
  type: ProviderType.ENTERPRISE,
  unitKind: null,
  ownership,
  campaigns,
  homeCode,
  homeVillageDesignations: [],
});
const village = { code: '350423100202', level: PairingTargetLevel.VILLAGE };
const county = { code: '350423000000', level: PairingTargetLevel.COUNTY };
const fit = (mechanism: PairingMechanism, provider: ProviderFacts, target = village, partners: string[] = []) =>
  mechanismMisfit(mechanism, provider, target, partners);

describe('定点帮扶 (DESIGNATED): state units', () => {
  it.each([
    UnitKind.PARTY_GOVERNMENT_ORGAN,
    UnitKind.PUBLIC_INSTITUTION,
    UnitKind.STATE_OWNED_ENTERPRISE,
    UnitKind.CENTRAL_UNIT,
  ])('accepts a %s', (kind) => expect(fit(PairingMechanism.DESIGNATED, unit(kind, null))).toBeNull());
  it.each([UnitKind.SOCIAL_ORGANISATION, UnitKind.PARTNER_REGION, UnitKind.DEMONSTRATION_VILLAGE])(
    'refuses a %s',
    (kind) => expect(fit(PairingMechanism.DESIGNATED, unit(kind))).toMatchObject({ field: 'providerId' }),
  );
  it('accepts a state-owned enterprise and refuses a private one', () => {
    expect(fit(PairingMechanism.DESIGNATED, enterprise([], Ownership.STATE_OWNED))).toBeNull();
    expect(fit(PairingMechanism.DESIGNATED, enterprise([Campaign.WANQI_XING_WANCUN]))).toMatchObject({
      field: 'providerId',
    });
  });
});

describe.each([PairingMechanism.EAST_WEST, PairingMechanism.COUNTERPART])(
  '%s: the partner region and what is homed in it',
  (mechanism) => {
    const siming = '350203000000'; // 厦门市思明区, partner of 清流县

    it('accepts the partner region itself, homed outside the target county', () => {
      expect(fit(mechanism, unit(UnitKind.PARTNER_REGION, siming), county)).toBeNull();
      expect(fit(mechanism, unit(UnitKind.PARTNER_REGION, '350200000000'), village)).toBeNull();
    });

    it('refuses a partner-region unit homed in the target county, above the target, or nowhere', () => {
      expect(fit(mechanism, unit(UnitKind.PARTNER_REGION, '350423100000'), village)).toMatchObject({
        field: 'providerId',
      });
      expect(fit(mechanism, unit(UnitKind.PARTNER_REGION, '350400000000'), village)).toMatchObject({
        field: 'providerId',
      });
      expect(fit(mechanism, unit(UnitKind.PARTNER_REGION, null), village)).toMatchObject({ field: 'providerId' });
    });

    it('accepts units and enterprises homed inside a partner region of the target, and nothing else', () => {
      const hospital = unit(UnitKind.PUBLIC_INSTITUTION, siming);
      expect(fit(mechanism, hospital, village, [siming])).toBeNull();
      expect(fit(mechanism, enterprise([], Ownership.PRIVATE, siming), village, ['350200000000'])).toBeNull();
      expect(fit(mechanism, hospital, village, [])).toMatchObject({ field: 'providerId' });
      expect(fit(mechanism, hospital, village, ['350582000000'])).toMatchObject({ field: 'providerId' });
      expect(fit(mechanism, enterprise([], Ownership.PRIVATE, '350400000000'), village, [siming])).toMatchObject({
        field: 'providerId',
      });
    });
  },
);

describe('万企兴万村 (ENTERPRISE_VILLAGE): enterprises enrolled in that campaign', () => {
  it('accepts an enterprise in 万企兴万村, alone or with other campaigns', () => {
    expect(fit(PairingMechanism.ENTERPRISE_VILLAGE, enterprise([Campaign.WANQI_XING_WANCUN]))).toBeNull();
    expect(
      fit(PairingMechanism.ENTERPRISE_VILLAGE, enterprise([Campaign.BAIQI_BANG_BAICUN, Campaign.WANQI_XING_WANCUN])),
    ).toBeNull();
  });
  it('refuses an enterprise only in 千企兴千村 or 百企帮百村, or in none', () => {
    for (const campaigns of [[Campaign.QIANQI_XING_QIANCUN], [Campaign.BAIQI_BANG_BAICUN], []])
      expect(fit(PairingMechanism.ENTERPRISE_VILLAGE, enterprise(campaigns))).toMatchObject({ field: 'providerId' });
  });
  it('refuses an assistance unit, naming the mechanism', () => {
    expect(fit(PairingMechanism.ENTERPRISE_VILLAGE, unit(UnitKind.STATE_OWNED_ENTERPRISE))).toMatchObject({
      field: 'mechanism',
    });
  });
});

describe('强村带弱村 (STRONG_HELPS_WEAK): demonstration villages', () => {
  const demo = unit(UnitKind.DEMONSTRATION_VILLAGE, '519902100203', [DesignationKind.DEMONSTRATION]);
  const target = { code: '519902100202', level: PairingTargetLevel.VILLAGE };
  it('accepts a demonstration-village unit homed in a 示范村 helping another village', () => {
    expect(fit(PairingMechanism.STRONG_HELPS_WEAK, demo, target)).toBeNull();
  });
  it('refuses a village unit whose village is not a 示范村, and other kinds of unit', () => {
    expect(
      fit(
        PairingMechanism.STRONG_HELPS_WEAK,
        unit(UnitKind.DEMONSTRATION_VILLAGE, '519902100204', [DesignationKind.MERGED]),
        target,
      ),
    ).toMatchObject({ field: 'providerId' });
    expect(fit(PairingMechanism.STRONG_HELPS_WEAK, unit(UnitKind.PUBLIC_INSTITUTION), target)).toMatchObject({
      field: 'providerId',
    });
  });
  it('refuses a county target and the village itself', () => {
    expect(
      fit(PairingMechanism.STRONG_HELPS_WEAK, demo, { code: '519902000000', level: PairingTargetLevel.COUNTY }),
    ).toMatchObject({
      field: 'targetId',
    });
    expect(
      fit(PairingMechanism.STRONG_HELPS_WEAK, demo, { code: '519902100203', level: PairingTargetLevel.VILLAGE }),
    ).toMatchObject({
      field: 'targetId',
    });
  });
});

describe('社会力量参与帮扶 (SOCIAL_PARTICIPATION): social organisations and enterprises', () => {
  it('accepts a social organisation and an enterprise in any campaign or none', () => {
    expect(fit(PairingMechanism.SOCIAL_PARTICIPATION, unit(UnitKind.SOCIAL_ORGANISATION))).toBeNull();
    expect(fit(PairingMechanism.SOCIAL_PARTICIPATION, enterprise([Campaign.QIANQI_XING_QIANCUN]))).toBeNull();
    expect(fit(PairingMechanism.SOCIAL_PARTICIPATION, enterprise([]))).toBeNull();
  });
  it('refuses a government organ', () => {
    expect(fit(PairingMechanism.SOCIAL_PARTICIPATION, unit(UnitKind.PARTY_GOVERNMENT_ORGAN))).toMatchObject({
      field: 'providerId',
    });
  });
});
