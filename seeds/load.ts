import fs from 'node:fs';
import crypto from 'node:crypto';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Knex } from '@mikro-orm/knex';
import { seedConsumption } from './consumption.seed';

/**
 * Loads the demo data set from seeds/data into a migrated database. Idempotent: every row is an
 * upsert on its natural key, so running it twice changes nothing and a corrected data file
 * updates the rows it describes. Runs in one transaction: a bad file leaves nothing half-loaded.
 */

const DATA_DIR = path.resolve(__dirname, '..', '..', 'seeds', 'data');

export function dataFile<T>(name: string): T {
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
