import type { Knex } from '@mikro-orm/knex';
import { dataFile, seedId, type SeedCounts } from './load';
import { toFen } from '../server/src/modules/consumption/decimal';
import { stepRefusal } from '../server/src/modules/funds/project-workflow';
import { distributeIncome, sharesRefusal } from '../server/src/modules/funds/income-distribution';
import { ABSENCES_PROPOSING_TERMINATION, isMajorFire, RANGER_ANNUAL_FEE } from '../server/src/modules/posts/ranger-fee';
import type { ProjectStatus } from '../server/src/modules/funds/funds.enums';

/**
 * Demo funds, projects, assets and posts for the six-village county 519902 (seeds/data/funds.json,
 * all marked 示例). The loader applies the modules' own rules to the file, so the data set tells
 * one story: steps follow the workflow, payments stay within their budget line and allocation and
 * come after the money was in place, income distributions add up, and each ranger agreement's
 * status is what its checks make it (a third absence in a month proposes termination, a fire of
 * 15 mu or more through neglect ends it). A file that breaks a rule stops the seed.
 */

interface FundsFile {
  allocations: {
    key: string;
    /** Provenance: DEMO (every record here is invented). */
    source: string;
    countyCode: string;
    year: number;
    fundSource: string;
    provider?: string;
    amount: string;
    allocatedOn: string;
    inPlaceOn: string | null;
    documentNumber: string | null;
    note: string | null;
  }[];
  projects: {
    key: string;
    name: string;
    year: number;
    category: string;
    villages: string[];
    plannedStart: string;
    beneficiaryHouseholds: number;
    beneficiaryPeople: number;
    monitoredHouseholds: number;
    description: string;
    budget: { fundSource: string; provider?: string; amount: string }[];
    steps: { to: ProjectStatus; date: string; announcementEnd?: string; note?: string }[];
    payments: { key: string; allocation: string; amount: string; paidOn: string; stage: string }[];
  }[];
  assets: {
    key: string;
    project: string;
    village: string;
    name: string;
    type: string;
    ownerName: string;
    operator: string | null;
    upkeepBody: string;
    value: string;
    benefitLink: string | null;
    formedOn: string;
    incomes: {
      year: number;
      amount: string;
      monitoredHouseholdsPercent: string;
      upkeepPercent: string;
      publicWorksPercent: string;
    }[];
    disposals: { key: string; kind: string; reason: string; requestedOn: string }[];
  }[];
  posts: {
    key: string;
    village: string;
    kind: string;
    title: string;
    duties: string;
    setOn: string;
    agreements: {
      key: string;
      holderName: string;
      holderCategory: string;
      priorityWaiverReason?: string;
      areaMu: string | null;
      bounds: string | null;
      startsOn: string;
      endsOn: string;
      annualFee?: string;
      checks: { on: string; onPost: boolean; fireAreaMu?: string; fireThroughNeglect?: boolean; note?: string }[];
    }[];
  }[];
}

const fail = (message: string): never => {
  throw new Error(`funds.json: ${message}`);
};

export async function seedFunds(trx: Knex.Transaction, counts: SeedCounts): Promise<void> {
  const file = dataFile<FundsFile>('funds.json');
  const allocations = new Map(file.allocations.map((a) => [a.key, a]));
  const paidFrom = new Map<string, bigint>();
  for (const a of file.allocations) {
    await trx('fund_allocation')
      .insert({
        id: seedId('fund-allocation', a.key),
        county_code: a.countyCode,
        year: a.year,
        source: a.fundSource,
        provider_id: a.provider ? seedId('provider', a.provider) : null,
        amount: a.amount,
        document_number: a.documentNumber,
        allocated_on: a.allocatedOn,
        in_place_on: a.inPlaceOn,
        note: a.note,
      })
      .onConflict('id')
      .merge();
  }

  let payments = 0;
  for (const p of file.projects) {
    const id = seedId('project', p.key);
    const last = p.steps.at(-1)!;
    p.steps.forEach((step, i) => {
      if (i === 0 ? step.to !== 'PROPOSED' : stepRefusal(p.steps[i - 1].to, step.to))
        fail(`project ${p.key}: step ${i} to ${step.to} breaks the workflow`);
      if (i > 0 && step.date < p.steps[i - 1].date) fail(`project ${p.key}: step ${i} goes back in time`);
    });
    const announced = p.steps.find((s) => s.to === 'ANNOUNCED');
    const started = p.steps.find((s) => s.to === 'STARTED');
    if (started && announced && started.date <= announced.announcementEnd!)
      fail(`project ${p.key}: starts before its announcement ends`);
    await trx('project')
      .insert({
        id,
        county_code: `${p.villages[0].slice(0, 6)}000000`,
        year: p.year,
        name: p.name,
        category: p.category,
        status: last.to,
        description: p.description,
        planned_start: p.plannedStart,
        actual_start: started?.date ?? null,
        announcement_start: announced?.date ?? null,
        announcement_end: announced?.announcementEnd ?? null,
        beneficiary_households: p.beneficiaryHouseholds,
        beneficiary_people: p.beneficiaryPeople,
        monitored_households: p.monitoredHouseholds,
        status_changed_on: last.date,
      })
      .onConflict('id')
      .merge();
    for (const village of p.villages)
      await trx('project_village').insert({ project_id: id, village_code: village }).onConflict().ignore();
    for (const [i, line] of p.budget.entries())
      await trx('project_budget_line')
        .insert({
          id: seedId('project-budget-line', `${p.key}:${i}`),
          project_id: id,
          source: line.fundSource,
          provider_id: line.provider ? seedId('provider', line.provider) : null,
          amount: line.amount,
        })
        .onConflict('id')
        .merge();
    for (const [i, step] of p.steps.entries())
      await trx('project_status_change')
        .insert({
          id: seedId('project-status-change', `${p.key}:${i}`),
          project_id: id,
          from_status: i === 0 ? null : p.steps[i - 1].to,
          to_status: step.to,
          changed_on: step.date,
          actor_role: 'REGION_OFFICIAL',
          actor_region: step.to === 'STARTED' || step.to === 'PROPOSED' ? null : '519902000000',
          actor_subject: 'seed',
          note: step.note ?? null,
        })
        .onConflict('id')
        .merge();
    const paidOnLine = new Map<number, bigint>();
    for (const pay of p.payments) {
      const a = allocations.get(pay.allocation) ?? fail(`payment ${pay.key}: no allocation ${pay.allocation}`);
      const line = p.budget.findIndex(
        (l) => l.fundSource === a.fundSource && (l.provider ?? null) === (a.provider ?? null),
      );
      if (line < 0) fail(`payment ${pay.key}: the budget of ${p.key} has no line for ${a.fundSource}`);
      if (!a.inPlaceOn || a.inPlaceOn > pay.paidOn)
        fail(`payment ${pay.key}: ${a.key} is not in place by ${pay.paidOn}`);
      if (!started || pay.paidOn < started.date) fail(`payment ${pay.key}: ${p.key} has not started by then`);
      const onLine = (paidOnLine.get(line) ?? 0n) + toFen(pay.amount);
      const fromAllocation = (paidFrom.get(a.key) ?? 0n) + toFen(pay.amount);
      if (onLine > toFen(p.budget[line].amount)) fail(`payment ${pay.key}: exceeds the budget line`);
      if (fromAllocation > toFen(a.amount)) fail(`payment ${pay.key}: exceeds allocation ${a.key}`);
      paidOnLine.set(line, onLine);
      paidFrom.set(a.key, fromAllocation);
      await trx('project_payment')
        .insert({
          id: seedId('project-payment', pay.key),
          project_id: id,
          allocation_id: seedId('fund-allocation', a.key),
          amount: pay.amount,
          paid_on: pay.paidOn,
          stage: pay.stage,
        })
        .onConflict('id')
        .merge();
      payments++;
    }
  }

  let incomes = 0;
  for (const a of file.assets) {
    const id = seedId('project-asset', a.key);
    const project = file.projects.find((p) => p.key === a.project) ?? fail(`asset ${a.key}: no project ${a.project}`);
    const accepted = project.steps.find((s) => s.to === 'ACCEPTED');
    if (!accepted || a.formedOn < accepted.date) fail(`asset ${a.key}: formed before ${project.key} was accepted`);
    if (!project.villages.includes(a.village)) fail(`asset ${a.key}: ${project.key} does not serve ${a.village}`);
    await trx('project_asset')
      .insert({
        id,
        project_id: seedId('project', a.project),
        village_code: a.village,
        name: a.name,
        type: a.type,
        owner_kind: a.type === 'HOUSEHOLD' ? 'HOUSEHOLD' : 'VILLAGE_COLLECTIVE',
        owner_name: a.ownerName,
        operator: a.operator,
        upkeep_body: a.upkeepBody,
        value: a.value,
        benefit_link: a.benefitLink,
        formed_on: a.formedOn,
        status: 'IN_USE',
      })
      .onConflict('id')
      .merge();
    for (const income of a.incomes) {
      const refusal = sharesRefusal(income);
      if (refusal) fail(`asset ${a.key} ${income.year}: ${refusal.message}`);
      await trx('asset_income')
        .insert({ asset_id: id, ...snake(income), ...snake(distributeIncome(income.amount, income)) })
        .onConflict(['asset_id', 'year'])
        .merge();
      incomes++;
    }
    // Disposal requests are seeded open: the county decides them in the demo.
    for (const d of a.disposals)
      await trx('asset_disposal')
        .insert({
          id: seedId('asset-disposal', d.key),
          asset_id: id,
          kind: d.kind,
          reason: d.reason,
          requested_on: d.requestedOn,
          requested_by_role: 'REGION_OFFICIAL',
        })
        .onConflict('id')
        .merge();
  }

  let agreements = 0;
  let checks = 0;
  for (const post of file.posts) {
    const postId = seedId('welfare-post', post.key);
    await trx('welfare_post')
      .insert({
        id: postId,
        village_code: post.village,
        kind: post.kind,
        title: post.title,
        duties: post.duties,
        set_on: post.setOn,
      })
      .onConflict('id')
      .merge();
    for (const ag of post.agreements) {
      const id = seedId('post-agreement', ag.key);
      // The status the checks make it, by the module's rules (rangers only).
      let status = 'ACTIVE';
      let proposedOn: string | null = null;
      let ended: { on: string; reason: string } | null = null;
      const absences = new Map<string, number>();
      for (const check of [...ag.checks].sort((x, y) => x.on.localeCompare(y.on))) {
        if (ended) fail(`agreement ${ag.key}: check ${check.on} after the agreement ended`);
        if (check.on < ag.startsOn || check.on > ag.endsOn) fail(`agreement ${ag.key}: check ${check.on} outside it`);
        if (post.kind !== 'FOREST_RANGER') continue;
        if (isMajorFire(check.fireAreaMu ?? null, check.fireThroughNeglect ?? false)) {
          ended = { on: check.on, reason: 'FOREST_FIRE' };
          status = 'TERMINATED';
          continue;
        }
        if (!check.onPost) {
          const month = check.on.slice(0, 7);
          absences.set(month, (absences.get(month) ?? 0) + 1);
          if (status === 'ACTIVE' && absences.get(month)! >= ABSENCES_PROPOSING_TERMINATION) {
            status = 'TERMINATION_PROPOSED';
            proposedOn = check.on;
          }
        }
      }
      await trx('post_agreement')
        .insert({
          id,
          post_id: postId,
          holder_name: ag.holderName,
          holder_category: ag.holderCategory,
          priority_waiver_reason: ag.priorityWaiverReason ?? null,
          area_mu: ag.areaMu,
          bounds: ag.bounds,
          starts_on: ag.startsOn,
          ends_on: ag.endsOn,
          annual_fee: ag.annualFee ?? (post.kind === 'FOREST_RANGER' ? RANGER_ANNUAL_FEE : fail(`${ag.key}: no fee`)),
          status,
          proposed_on: proposedOn,
          ended_on: ended?.on ?? null,
          end_reason: ended?.reason ?? null,
        })
        .onConflict('id')
        .merge();
      for (const check of ag.checks) {
        await trx('post_check')
          .insert({
            id: seedId('post-check', `${ag.key}:${check.on}`),
            agreement_id: id,
            checked_on: check.on,
            on_post: check.onPost,
            fire_area_mu: check.fireAreaMu ?? null,
            fire_through_neglect: check.fireThroughNeglect ?? false,
            note: check.note ?? null,
            recorded_by_role: 'REGION_OFFICIAL',
          })
          .onConflict('id')
          .merge();
        checks++;
      }
      agreements++;
    }
  }

  counts.fundAllocations = file.allocations.length;
  counts.projects = file.projects.length;
  counts.projectPayments = payments;
  counts.projectAssets = file.assets.length;
  counts.assetIncomes = incomes;
  counts.welfarePosts = file.posts.length;
  counts.postAgreements = agreements;
  counts.postChecks = checks;
}

/** camelCase keys to the table's snake_case columns. */
function snake(record: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]),
  );
}
