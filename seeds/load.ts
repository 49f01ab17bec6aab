import fs from 'node:fs';
import crypto from 'node:crypto';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Knex } from '@mikro-orm/knex';
import { linkPairings } from '../server/src/modules/consumption/purchase-import';

/**
 * Loads the demo data set from seeds/data into a migrated database. Idempotent: every row is an
 * upsert on its natural key, so running it twice changes nothing and a corrected data file
 * updates the rows it describes. Runs in one transaction: a bad file leaves nothing half-loaded.
 */

const DATA_DIR = path.resolve(__dirname, '..', '..', 'seeds', 'data');

function dataFile<T>(name: string): T {
  // Compiled code runs from dist/seeds; the data files stay in seeds/data at the project root.
  const candidates = [path.join(DATA_DIR, name), path.resolve(__dirname, 'data', name)];
  const file = candidates.find((candidate) => fs.existsSync(candidate));
  if (!file) throw new Error(`seed data file ${name} not found (looked in ${candidates.join(', ')})`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

interface RegionRecord {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  formerPovertyCounty?: boolean;
  keyAssistedCounty?: string | null;
  source: string;
}

interface VillageRecord {
  code: string;
  source: string;
  leadingIndustry: string | null;
  mainIndustries: string[];
  specialtyIndustries: string[];
  datedIndustries: { name: string; sinceYear: number; source: string }[];
  designations: { kind: string; level: string | null; sinceYear: number | null; source: string }[];
  indicators: {
    year: number;
    households: number | null;
    population: number | null;
    perCapitaDisposableIncome: string | null;
    collectiveIncome: string | null;
    farmlandMu: string | null;
    forestMu: string | null;
    highStandardFarmlandShare?: string | null;
    tapWaterCoverage: string | null;
    sanitaryToiletCoverage: string | null;
    source: string;
  }[];
}

interface TargetRecord {
  code: string;
  metric: string;
  comparison: string;
  threshold: string;
  unit: string;
  measures: string;
  dueYear: number | null;
  fromYear?: number;
  toYear?: number;
  appliesTo: string;
  description: string;
  source: string;
}

export type SeedCounts = Record<string, number>;

/** A step of the seed; later modules (providers, teams, purchases) add theirs. */
export type SeedStep = (trx: Knex.Transaction, counts: SeedCounts) => Promise<void>;

async function seedRegistry(trx: Knex.Transaction, counts: SeedCounts): Promise<void> {
  const regions = dataFile<RegionRecord[]>('regions.json');
  for (const region of regions) {
    await trx('region')
      .insert({
        code: region.code,
        name: region.name,
        level: region.level,
        parent_code: region.parentCode,
        former_poverty_county: region.formerPovertyCounty ?? false,
        key_assisted_county: region.keyAssistedCounty ?? null,
        source: region.source,
      })
      .onConflict('code')
      .merge(['name', 'level', 'parent_code', 'former_poverty_county', 'key_assisted_county', 'source']);
  }
  counts.regions = regions.length;

  const villages = dataFile<VillageRecord[]>('villages.json');
  for (const village of villages) {
    await trx('village')
      .insert({
        code: village.code,
        leading_industry: village.leadingIndustry,
        specialty_industries: village.specialtyIndustries,
        main_industries: village.mainIndustries,
        source: village.source,
      })
      .onConflict('code')
      .merge(['leading_industry', 'specialty_industries', 'main_industries', 'source']);
    for (const d of village.designations) {
      await trx('village_designation')
        .insert({ village_code: village.code, kind: d.kind, level: d.level, since_year: d.sinceYear, source: d.source })
        .onConflict(['village_code', 'kind'])
        .merge(['level', 'since_year', 'source']);
    }
    for (const industry of village.datedIndustries) {
      await trx('village_industry')
        .insert({
          village_code: village.code,
          name: industry.name,
          since_year: industry.sinceYear,
          source: industry.source,
        })
        .onConflict(['village_code', 'name'])
        .merge(['since_year', 'source']);
    }
    for (const i of village.indicators) {
      await trx('village_indicators')
        .insert({
          village_code: village.code,
          year: i.year,
          households: i.households,
          population: i.population,
          per_capita_disposable_income: i.perCapitaDisposableIncome,
          collective_income: i.collectiveIncome,
          farmland_mu: i.farmlandMu,
          forest_mu: i.forestMu,
          high_standard_farmland_share: i.highStandardFarmlandShare ?? null,
          tap_water_coverage: i.tapWaterCoverage,
          sanitary_toilet_coverage: i.sanitaryToiletCoverage,
          source: i.source,
        })
        .onConflict(['village_code', 'year'])
        .merge();
    }
  }
  counts.villages = villages.length;

  const targets = dataFile<TargetRecord[]>('policy-targets.json');
  for (const t of targets) {
    await trx('policy_target')
      .insert({
        code: t.code,
        metric: t.metric,
        comparison: t.comparison,
        threshold: t.threshold,
        unit: t.unit,
        measures: t.measures,
        due_year: t.dueYear,
        from_year: t.fromYear ?? null,
        to_year: t.toYear ?? null,
        applies_to: t.appliesTo,
        description: t.description,
        source: t.source,
      })
      .onConflict('code')
      .merge();
  }
  counts.policyTargets = targets.length;
}

/**
 * Seed rows get ids derived from their data-file key, so re-running the seed updates the same
 * rows and other data files (pairings, teams, purchases) can refer to them by key.
 */
export function seedId(kind: string, key: string): string {
  const hex = crypto.createHash('sha256').update(`${kind}:${key}`).digest('hex');
  // Shaped as a version-4/variant-1 UUID so every uuid validator accepts it.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

interface ProvidersFile {
  assistanceUnits: {
    key: string;
    name: string;
    kind: string;
    level: string;
    regionCode: string | null;
    source: string;
  }[];
  enterprises: {
    key: string;
    name: string;
    creditCode: string;
    ownership: string;
    industry: string;
    federationMember: boolean;
    campaigns: string[];
    regionCode: string | null;
    source: string;
  }[];
}

async function seedProviders(trx: Knex.Transaction, counts: SeedCounts): Promise<void> {
  const file = dataFile<ProvidersFile>('providers.json');
  for (const unit of file.assistanceUnits) {
    await trx('provider')
      .insert({
        id: seedId('provider', unit.key),
        type: 'ASSISTANCE_UNIT',
        name: unit.name,
        region_code: unit.regionCode,
        unit_kind: unit.kind,
        unit_level: unit.level,
        source: unit.source,
      })
      .onConflict('id')
      .merge();
  }
  for (const e of file.enterprises) {
    await trx('provider')
      .insert({
        id: seedId('provider', e.key),
        type: 'ENTERPRISE',
        name: e.name,
        region_code: e.regionCode,
        credit_code: e.creditCode,
        ownership: e.ownership,
        industry: e.industry,
        federation_member: e.federationMember,
        campaigns: e.campaigns,
        source: e.source,
      })
      .onConflict('id')
      .merge();
  }
  counts.assistanceUnits = file.assistanceUnits.length;
  counts.enterprises = file.enterprises.length;
}

interface PairingsFile {
  pairings: {
    key: string;
    provider: string;
    target: string;
    mechanism: string;
    cooperationAreas: string[];
    startDate: string;
    endDate: string | null;
    status: string;
    source: string;
    contributions: {
      key: string;
      kind: string;
      stage: string;
      amount: string | null;
      count: number | null;
      date: string;
      note: string | null;
      source: string;
    }[];
  }[];
}

async function seedPairings(trx: Knex.Transaction, counts: SeedCounts): Promise<void> {
  const file = dataFile<PairingsFile>('pairings.json');
  let contributions = 0;
  for (const pairing of file.pairings) {
    const id = seedId('pairing', pairing.key);
    // A village code ends in a non-zero segment; everything else a pairing may target is a county.
    const targetLevel = pairing.target.endsWith('000') ? 'COUNTY' : 'VILLAGE';
    await trx('pairing')
      .insert({
        id,
        provider_id: seedId('provider', pairing.provider),
        target_code: pairing.target,
        target_level: targetLevel,
        mechanism: pairing.mechanism,
        cooperation_areas: pairing.cooperationAreas,
        start_date: pairing.startDate,
        end_date: pairing.endDate,
        status: pairing.status,
        source: pairing.source,
      })
      .onConflict('id')
      .merge();
    for (const c of pairing.contributions) {
      await trx('contribution')
        .insert({
          id: seedId('contribution', c.key),
          pairing_id: id,
          kind: c.kind,
          stage: c.stage,
          amount: c.amount,
          count: c.count,
          contributed_on: c.date,
          note: c.note,
          source: c.source,
        })
        .onConflict('id')
        .merge();
      contributions++;
    }
  }
  counts.pairings = file.pairings.length;
  counts.contributions = contributions;
}

interface ConsumptionFile {
  suppliers: { key: string; name: string; kind: string; villageCode: string; creditCode?: string }[];
  products: {
    key: string;
    name: string;
    category: string;
    supplierKey: string;
    unit: string;
    unitPrice: string;
    certificateNumber: string | null;
    certifiedFrom: string | null;
    certifiedUntil: string | null;
  }[];
}

/** A small deterministic generator, so the demo ledger is the same on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const CHANNELS = ['E_COMMERCE_PLATFORM', 'CANTEEN', 'TRADE_UNION', 'EXPO', 'LIVE_STREAM', 'DIRECT'];
export const LEDGER_START = '2025-11-01';
export const LEDGER_DAYS = 365;

/**
 * Suppliers, products, and a year of generated purchases (from LEDGER_START) by every seeded
 * unit and enterprise over every channel; every 25th purchase is voided with a reason.
 */
async function seedConsumption(trx: Knex.Transaction, counts: SeedCounts): Promise<void> {
  const file = dataFile<ConsumptionFile>('consumption.json');
  const providers = dataFile<ProvidersFile>('providers.json');
  for (const s of file.suppliers) {
    await trx('supplier')
      .insert({
        id: seedId('supplier', s.key),
        name: s.name,
        kind: s.kind,
        village_code: s.villageCode,
        credit_code: s.creditCode ?? null,
      })
      .onConflict('id')
      .merge();
  }
  const villageOfSupplier = new Map(file.suppliers.map((s) => [s.key, s.villageCode]));
  for (const p of file.products) {
    await trx('product')
      .insert({
        id: seedId('product', p.key),
        name: p.name,
        category: p.category,
        supplier_id: seedId('supplier', p.supplierKey),
        origin_village_code: villageOfSupplier.get(p.supplierKey),
        certificate_number: p.certificateNumber,
        certified_from: p.certifiedFrom,
        certified_until: p.certifiedUntil,
      })
      .onConflict('id')
      .merge();
  }
  counts.suppliers = file.suppliers.length;
  counts.products = file.products.length;

  // Buyers buy mostly where they help (消费协作): from villages their active pairings cover; a
  // buyer without such products sticks to one product picked from its key.
  const pairings = dataFile<PairingsFile>('pairings.json').pairings.filter((p) => p.status === 'ACTIVE');
  const covered = (providerKey: string, village: string) =>
    pairings.some(
      (p) =>
        p.provider === providerKey &&
        (p.target === village || (p.target.endsWith('000000') && village.startsWith(p.target.slice(0, 6)))),
    );
  const buyerKeys = [...providers.assistanceUnits, ...providers.enterprises].map((p) => p.key);
  const productsOf = new Map(
    buyerKeys.map((key, i) => {
      const own = file.products.filter((p) => covered(key, villageOfSupplier.get(p.supplierKey)!));
      return [key, own.length ? own : [file.products[i % file.products.length]]];
    }),
  );
  const next = random(20251101);
  const start = Date.parse(`${LEDGER_START}T00:00:00Z`);
  const purchases: Record<string, unknown>[] = [];
  const lines: Record<string, unknown>[] = [];
  for (let n = 0; n < 1200; n++) {
    const buyerKey = buyerKeys[n % buyerKeys.length];
    const candidates = productsOf.get(buyerKey)!;
    const product = candidates[Math.floor(next() * candidates.length)];
    const second = file.products.filter((p) => p.supplierKey === product.supplierKey && p.key !== product.key)[0];
    const chosen = second && next() < 0.3 ? [product, second] : [product];
    const id = seedId('purchase', String(n));
    let totalFen = 0n;
    chosen.forEach((p, i) => {
      const quantity = 1 + Math.floor(next() * 40);
      const amountFen = BigInt(Math.round(Number(p.unitPrice) * 100)) * BigInt(quantity);
      totalFen += amountFen;
      lines.push({
        purchase_id: id,
        line_no: i + 1,
        product_id: seedId('product', p.key),
        category: p.category,
        quantity,
        unit: p.unit,
        amount: `${amountFen / 100n}.${String(amountFen % 100n).padStart(2, '0')}`,
      });
    });
    const village = villageOfSupplier.get(product.supplierKey)!;
    const voided = n % 25 === 24;
    purchases.push({
      id,
      buyer_id: seedId('provider', buyerKey),
      client_reference: `seed-${n}`,
      origin_village_code: village,
      county_code: village.slice(0, 6).padEnd(12, '0'),
      channel: CHANNELS[n % CHANNELS.length],
      purchased_on: new Date(start + Math.floor(next() * LEDGER_DAYS) * 86_400_000).toISOString().slice(0, 10),
      status: voided ? 'VOIDED' : n % 3 === 0 ? 'VERIFIED' : 'RECORDED',
      total_amount: `${totalFen / 100n}.${String(totalFen % 100n).padStart(2, '0')}`,
      line_count: chosen.length,
      recorded_by: 'seed',
      void_reason: voided ? '重复登记（示例）' : null,
      voided_at: voided ? new Date(start) : null,
    });
  }
  for (let i = 0; i < purchases.length; i += 500) {
    await trx('purchase')
      .insert(purchases.slice(i, i + 500))
      .onConflict('id')
      .ignore();
  }
  for (let i = 0; i < lines.length; i += 500) {
    await trx('purchase_line')
      .insert(lines.slice(i, i + 500))
      .onConflict(['purchase_id', 'line_no'])
      .ignore();
  }
  // The same rule as live recording decides which pairing each purchase counts toward.
  for (let i = 0; i < purchases.length; i += 500)
    await linkPairings(
      trx,
      purchases.slice(i, i + 500).map((p) => p.id as string),
    );
  counts.purchases = purchases.length;
}

interface TeamsFile {
  people: {
    key: string;
    name: string;
    gender: string;
    partyMember: boolean;
    phone: string;
    unit: string;
    post: string | null;
  }[];
  teams: {
    key: string;
    villageCode: string;
    dispatchingUnits: string[];
    leadUnit: string;
    termStart: string;
    termEnd: string;
    status: string;
    members: {
      key: string;
      person: string;
      role: string;
      status: string;
      onDutyFrom: string;
      onDutyTo: string;
      attendance?: Record<string, string>;
    }[];
  }[];
  workPlans: { key: string; team: string; year: number; content: string }[];
  inspections: {
    key: string;
    team: string;
    date: string;
    inspector: string | null;
    checks: { item: string; passed: boolean; note?: string }[];
    consequence: string;
    member?: string;
    consequenceNote?: string;
  }[];
  assessments: { key: string; member: string; year: number; stars: number; points: string; note?: string }[];
}

/** YYYY-MM-DD plus `days`, in calendar arithmetic. */
function plusDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Resident teams (驻村工作队). Attendance comes as one 7-character pattern per member and week
 * (N day and night, D day only, L approved leave, - absent); a RECALL inspection must name a
 * member recorded as RECALLED on the inspection date, so the data set tells one story.
 */
async function seedTeams(trx: Knex.Transaction, counts: SeedCounts): Promise<void> {
  const file = dataFile<TeamsFile>('teams.json');
  for (const p of file.people) {
    await trx('person')
      .insert({
        id: seedId('person', p.key),
        name: p.name,
        gender: p.gender,
        party_member: p.partyMember,
        phone: p.phone,
        unit_id: seedId('provider', p.unit),
        post: p.post,
      })
      .onConflict('id')
      .merge();
  }
  const members = new Map<string, TeamsFile['teams'][number]['members'][number]>();
  let days = 0;
  for (const team of file.teams) {
    const teamId = seedId('resident-team', team.key);
    await trx('resident_team')
      .insert({
        id: teamId,
        village_code: team.villageCode,
        term_start: team.termStart,
        term_end: team.termEnd,
        status: team.status,
      })
      .onConflict('id')
      .merge();
    for (const unit of team.dispatchingUnits) {
      await trx('resident_team_unit')
        .insert({ team_id: teamId, unit_id: seedId('provider', unit), lead: unit === team.leadUnit })
        .onConflict(['team_id', 'unit_id'])
        .merge();
    }
    for (const member of team.members) {
      members.set(member.key, member);
      const memberId = seedId('team-member', member.key);
      await trx('team_member')
        .insert({
          id: memberId,
          team_id: teamId,
          person_id: seedId('person', member.person),
          role: member.role,
          status: member.status,
          on_duty_from: member.onDutyFrom,
          on_duty_to: member.onDutyTo,
        })
        .onConflict('id')
        .merge();
      for (const [monday, pattern] of Object.entries(member.attendance ?? {})) {
        if (!/^[NDL-]{7}$/.test(pattern) || new Date(`${monday}T00:00:00Z`).getUTCDay() !== 1)
          throw new Error(`teams.json: bad attendance week ${monday} "${pattern}" of ${member.key}`);
        for (let i = 0; i < 7; i++) {
          const mark = pattern[i];
          if (mark === '-') continue;
          const date = plusDays(monday, i);
          if (date < member.onDutyFrom || (member.status !== 'ON_DUTY' && date > member.onDutyTo))
            throw new Error(`teams.json: attendance ${date} of ${member.key} is outside the duty`);
          await trx('attendance_day')
            .insert({
              member_id: memberId,
              date,
              kind: mark === 'L' ? 'APPROVED_LEAVE' : 'ON_SITE',
              present_by_day: mark !== 'L',
              stayed_night: mark === 'N',
              location: mark === 'L' ? null : '村委会',
              note: mark === 'L' ? '经派出单位批准请假（示例）' : null,
            })
            .onConflict(['member_id', 'date'])
            .merge();
          days += 1;
        }
      }
    }
  }
  for (const plan of file.workPlans) {
    await trx('team_work_plan')
      .insert({
        id: seedId('team-work-plan', plan.key),
        team_id: seedId('resident-team', plan.team),
        year: plan.year,
        content: plan.content,
      })
      .onConflict('id')
      .merge(['team_id', 'year', 'content']);
  }
  const columns: Record<string, string> = {
    IDENTITY: 'identity',
    ARCHIVE: 'archive',
    RESIDENCE: 'residence',
    PLAN: 'plan',
    RESULTS: 'results',
  };
  for (const inspection of file.inspections) {
    const row: Record<string, unknown> = {
      id: seedId('team-inspection', inspection.key),
      team_id: seedId('resident-team', inspection.team),
      date: inspection.date,
      inspector: inspection.inspector,
      consequence: inspection.consequence,
      member_id: inspection.member ? seedId('team-member', inspection.member) : null,
      consequence_note: inspection.consequenceNote ?? null,
    };
    for (const check of inspection.checks) {
      row[`${columns[check.item]}_passed`] = check.passed;
      row[`${columns[check.item]}_note`] = check.note ?? null;
    }
    if (inspection.consequence === 'RECALL') {
      const member = members.get(inspection.member ?? '');
      if (member?.status !== 'RECALLED' || member.onDutyTo !== inspection.date) {
        throw new Error(
          `teams.json: recall ${inspection.key} needs member ${inspection.member} RECALLED with onDutyTo ${inspection.date}`,
        );
      }
    }
    await trx('team_inspection').insert(row).onConflict('id').merge();
  }
  for (const a of file.assessments) {
    await trx('team_member_assessment')
      .insert({
        id: seedId('team-member-assessment', a.key),
        member_id: seedId('team-member', a.member),
        year: a.year,
        stars: a.stars,
        points: a.points,
        note: a.note ?? null,
      })
      .onConflict('id')
      .merge();
  }
  counts.people = file.people.length;
  counts.residentTeams = file.teams.length;
  counts.teamMembers = members.size;
  counts.attendanceDays = days;
  counts.workPlans = file.workPlans.length;
  counts.inspections = file.inspections.length;
  counts.assessments = file.assessments.length;
}

export const seedSteps: SeedStep[] = [seedRegistry, seedProviders, seedPairings, seedTeams, seedConsumption];

export async function seedDemoData(orm: MikroORM): Promise<SeedCounts> {
  const counts: SeedCounts = {};
  const knex = orm.em.getConnection().getKnex();
  await knex.transaction(async (trx) => {
    for (const step of seedSteps) await step(trx, counts);
  });
  return counts;
}

/** True for a database without any region: a fresh one, which `npm start` seeds. */
export async function isDatabaseEmpty(orm: MikroORM): Promise<boolean> {
  const rows = await orm.em.getConnection().execute<{ n: number }[]>('SELECT count(*)::int AS n FROM region');
  return rows[0].n === 0;
}
