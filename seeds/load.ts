import fs from 'node:fs';
import crypto from 'node:crypto';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Knex } from '@mikro-orm/knex';
import { seedConsumption } from './consumption.seed';
import { seedTeams } from './teams.seed';
import { seedMonitoring } from './monitoring.seed';
import { seedFunds } from './funds.seed';

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

export const seedSteps: SeedStep[] = [seedRegistry, seedProviders, seedPairings, seedTeams, seedConsumption];
seedSteps.push(seedMonitoring);
seedSteps.push(seedFunds);

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
