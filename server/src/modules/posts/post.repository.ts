import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../core/context';
import { and, inList, query, withWhere, type SqlFragment } from '../../core/sql';
import { toGlobalId } from '../../core/relay/global-id';
import { keysetPage } from '../../core/relay/keyset-page';
import { pagesByParent } from '../../core/relay/batched-pages';
import type { ConnectionData, Page } from '../../core/relay/connection';
import type { SortColumn } from '../../core/relay/keyset';
import { write } from '../funds/write';
import {
  PRIORITY_CATEGORIES,
  type AgreementEndReason,
  type AgreementStatus,
  type HolderCategory,
  type PostKind,
} from './post.enums';
import { PostAgreementNode, PostCheckNode, WelfarePostNode } from './post.types';

/** The named queries of public-welfare posts (公益岗位), their agreements and checks. */

// ---- posts -----------------------------------------------------------------------------------

export interface PostRow {
  id: string;
  village_code: string;
  kind: PostKind;
  title: string;
  duties: string | null;
  set_on: string;
}

const POST_COLUMNS = 'wp.id, wp.village_code, wp.kind, wp.title, wp.duties, wp.set_on::text AS set_on';

export function toPostNode(row: PostRow): WelfarePostNode {
  const node = new WelfarePostNode();
  node.id = toGlobalId('WelfarePost', row.id);
  node.uuid = row.id;
  node.villageCode = row.village_code;
  node.kind = row.kind;
  node.title = row.title;
  node.duties = row.duties;
  node.setOn = row.set_on;
  return node;
}

const POST_SORT: SortColumn[] = [
  { expr: 'wp.village_code', direction: 'asc' },
  { expr: 'wp.set_on', direction: 'asc' },
  { expr: 'wp.id', direction: 'asc' },
];

export function postsByIds(em: EntityManager, ids: readonly string[], scope: SqlFragment): Promise<PostRow[]> {
  return query<PostRow>(em, withWhere(`SELECT ${POST_COLUMNS} FROM welfare_post wp`, and(inList('wp.id', ids), scope)));
}

export function postPage(ctx: Context, where: SqlFragment, page: Page): Promise<ConnectionData<WelfarePostNode>> {
  return keysetPage(ctx, {
    columns: POST_COLUMNS,
    from: 'welfare_post wp',
    where,
    sort: POST_SORT,
    page,
    cursorOf: (row: PostRow) => [row.village_code, row.set_on, row.id],
    toNode: toPostNode,
  });
}

export async function insertPost(
  em: EntityManager,
  post: { villageCode: string; kind: PostKind; title: string; duties: string | null; setOn: string },
): Promise<string> {
  const [{ id }] = await write<{ id: string }>(em, {
    sql: 'INSERT INTO welfare_post (village_code, kind, title, duties, set_on) VALUES (?, ?, ?, ?, ?) RETURNING id',
    bindings: [post.villageCode, post.kind, post.title, post.duties, post.setOn],
  });
  return id;
}

/** The post row, locked so hires of the same post apply one after another. */
export async function lockPost(em: EntityManager, id: string): Promise<PostRow | undefined> {
  const [row] = await query<PostRow>(em, {
    sql: `SELECT ${POST_COLUMNS} FROM welfare_post wp WHERE wp.id = ? FOR UPDATE`,
    bindings: [id],
  });
  return row;
}

// ---- agreements ------------------------------------------------------------------------------

export interface AgreementRow {
  id: string;
  post_id: string;
  post_kind: PostKind;
  village_code: string;
  holder_name: string;
  holder_category: HolderCategory;
  priority_waiver_reason: string | null;
  area_mu: string | null;
  bounds: string | null;
  starts_on: string;
  ends_on: string;
  annual_fee: string;
  status: AgreementStatus;
  proposed_on: string | null;
  ended_on: string | null;
  end_reason: AgreementEndReason | null;
}

const AGREEMENT_COLUMNS = `pa.id, pa.post_id, wp.kind AS post_kind, wp.village_code, pa.holder_name, pa.holder_category,
  pa.priority_waiver_reason, pa.area_mu::text AS area_mu, pa.bounds, pa.starts_on::text AS starts_on,
  pa.ends_on::text AS ends_on, pa.annual_fee::text AS annual_fee, pa.status, pa.proposed_on::text AS proposed_on,
  pa.ended_on::text AS ended_on, pa.end_reason`;
const AGREEMENT_FROM = 'post_agreement pa JOIN welfare_post wp ON wp.id = pa.post_id';
const AGREEMENT_SORT: SortColumn[] = [
  { expr: 'pa.starts_on', direction: 'desc' },
  { expr: 'pa.id', direction: 'asc' },
];
const agreementCursor = (row: AgreementRow) => [row.starts_on, row.id];

export function toAgreementNode(row: AgreementRow): PostAgreementNode {
  const node = new PostAgreementNode();
  node.id = toGlobalId('PostAgreement', row.id);
  node.uuid = row.id;
  node.postId = row.post_id;
  node.postKind = row.post_kind;
  node.villageCode = row.village_code;
  node.holderName = row.holder_name;
  node.holderCategory = row.holder_category;
  node.priorityHolder = PRIORITY_CATEGORIES.includes(row.holder_category);
  node.priorityWaiverReason = row.priority_waiver_reason;
  node.areaMu = row.area_mu;
  node.bounds = row.bounds;
  node.startsOn = row.starts_on;
  node.endsOn = row.ends_on;
  node.annualFee = row.annual_fee;
  node.status = row.status;
  node.proposedOn = row.proposed_on;
  node.endedOn = row.ended_on;
  node.endReason = row.end_reason;
  return node;
}

/** Agreements by id; `scope` is a condition over their post `wp`. */
export function agreementsByIds(
  em: EntityManager,
  ids: readonly string[],
  scope: SqlFragment,
): Promise<AgreementRow[]> {
  return query<AgreementRow>(
    em,
    withWhere(`SELECT ${AGREEMENT_COLUMNS} FROM ${AGREEMENT_FROM}`, and(inList('pa.id', ids), scope)),
  );
}

export function agreementPage(
  ctx: Context,
  where: SqlFragment,
  page: Page,
): Promise<ConnectionData<PostAgreementNode>> {
  return keysetPage(ctx, {
    columns: AGREEMENT_COLUMNS,
    from: AGREEMENT_FROM,
    where,
    sort: AGREEMENT_SORT,
    page,
    cursorOf: agreementCursor,
    toNode: toAgreementNode,
  });
}

/** Every agreement of many posts, newest first (a post has few: one at a time). */
export function agreementsOfPosts(em: EntityManager, postIds: readonly string[]): Promise<AgreementRow[]> {
  return query<AgreementRow>(
    em,
    withWhere(
      `SELECT ${AGREEMENT_COLUMNS} FROM ${AGREEMENT_FROM}`,
      inList('pa.post_id', postIds),
      'ORDER BY pa.starts_on DESC, pa.id',
    ),
  );
}

/** The latest last day of the post's earlier agreements (the day each ended, or its planned end). */
export async function lastAgreementDay(em: EntityManager, postId: string): Promise<string | null> {
  const [row] = await query<{ day: string | null }>(em, {
    sql: 'SELECT max(coalesce(ended_on, ends_on))::text AS day FROM post_agreement WHERE post_id = ?',
    bindings: [postId],
  });
  return row.day;
}

export async function insertAgreement(
  em: EntityManager,
  agreement: {
    postId: string;
    holderName: string;
    holderCategory: HolderCategory;
    priorityWaiverReason: string | null;
    areaMu: string | null;
    bounds: string | null;
    startsOn: string;
    endsOn: string;
    annualFee: string;
  },
): Promise<string> {
  const [{ id }] = await write<{ id: string }>(em, {
    sql: `INSERT INTO post_agreement (post_id, holder_name, holder_category, priority_waiver_reason, area_mu, bounds, starts_on, ends_on, annual_fee)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    bindings: [
      agreement.postId,
      agreement.holderName,
      agreement.holderCategory,
      agreement.priorityWaiverReason,
      agreement.areaMu,
      agreement.bounds,
      agreement.startsOn,
      agreement.endsOn,
      agreement.annualFee,
    ],
  });
  return id;
}

export async function lockAgreement(em: EntityManager, id: string): Promise<AgreementRow | undefined> {
  const [row] = await query<AgreementRow>(em, {
    sql: `SELECT ${AGREEMENT_COLUMNS} FROM ${AGREEMENT_FROM} WHERE pa.id = ? FOR UPDATE OF pa`,
    bindings: [id],
  });
  return row;
}

export async function proposeTermination(em: EntityManager, id: string, on: string): Promise<void> {
  await write(em, {
    sql: `UPDATE post_agreement SET status = 'TERMINATION_PROPOSED', proposed_on = ? WHERE id = ?`,
    bindings: [on, id],
  });
}

export async function keepAgreement(em: EntityManager, id: string): Promise<void> {
  await write(em, {
    sql: `UPDATE post_agreement SET status = 'ACTIVE', proposed_on = NULL WHERE id = ?`,
    bindings: [id],
  });
}

export async function endAgreement(
  em: EntityManager,
  id: string,
  end: { status: AgreementStatus; on: string; reason: AgreementEndReason; note: string | null },
): Promise<void> {
  await write(em, {
    sql: 'UPDATE post_agreement SET status = ?, ended_on = ?, end_reason = ?, end_note = ? WHERE id = ?',
    bindings: [end.status, end.on, end.reason, end.note, id],
  });
}

// ---- checks ----------------------------------------------------------------------------------

export interface CheckRow {
  id: string;
  agreement_id: string;
  checked_on: string;
  on_post: boolean;
  fire_area_mu: string | null;
  fire_through_neglect: boolean;
  note: string | null;
}

const CHECK_COLUMNS = `pc.id, pc.agreement_id, pc.checked_on::text AS checked_on, pc.on_post, pc.fire_area_mu::text AS fire_area_mu,
  pc.fire_through_neglect, pc.note`;
const CHECK_FROM =
  'post_check pc JOIN post_agreement pa ON pa.id = pc.agreement_id JOIN welfare_post wp ON wp.id = pa.post_id';

export function toCheckNode(row: CheckRow): PostCheckNode {
  const node = new PostCheckNode();
  node.id = toGlobalId('PostCheck', row.id);
  node.agreementId = row.agreement_id;
  node.checkedOn = row.checked_on;
  node.onPost = row.on_post;
  node.fireAreaMu = row.fire_area_mu;
  node.fireThroughNeglect = row.fire_through_neglect;
  node.note = row.note;
  return node;
}

/** Checks by id; `scope` is a condition over their post `wp`. */
export function checksByIds(em: EntityManager, ids: readonly string[], scope: SqlFragment): Promise<CheckRow[]> {
  return query<CheckRow>(em, withWhere(`SELECT ${CHECK_COLUMNS} FROM ${CHECK_FROM}`, and(inList('pc.id', ids), scope)));
}

export function checkPages(
  ctx: Context,
  agreementIds: readonly string[],
  scope: SqlFragment,
  page: Page,
): Promise<ConnectionData<PostCheckNode>[]> {
  return pagesByParent<CheckRow, PostCheckNode>(ctx, {
    keys: agreementIds,
    keyExpr: 'pc.agreement_id',
    columns: CHECK_COLUMNS,
    from: CHECK_FROM,
    where: scope,
    sort: [
      { expr: 'pc.checked_on', direction: 'asc' },
      { expr: 'pc.id', direction: 'asc' },
    ],
    page,
    cursorOf: (row) => [row.checked_on, row.id],
    toNode: toCheckNode,
  });
}

export async function insertCheck(
  em: EntityManager,
  check: {
    agreementId: string;
    checkedOn: string;
    onPost: boolean;
    fireAreaMu: string | null;
    fireThroughNeglect: boolean;
    note: string | null;
    role: string;
  },
): Promise<string> {
  const [{ id }] = await write<{ id: string }>(em, {
    sql: `INSERT INTO post_check (agreement_id, checked_on, on_post, fire_area_mu, fire_through_neglect, note, recorded_by_role)
      VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    bindings: [
      check.agreementId,
      check.checkedOn,
      check.onPost,
      check.fireAreaMu,
      check.fireThroughNeglect,
      check.note,
      check.role,
    ],
  });
  return id;
}

/** Per agreement and month (YYYY-MM): checks, absences, and the largest fire through neglect. */
export interface MonthTallyRow {
  agreement_id: string;
  month: string;
  checks: number;
  absences: number;
  neglect_fire_mu: string | null;
}

export function monthTallies(
  em: EntityManager,
  agreementIds: readonly string[],
  year: number | null,
): Promise<MonthTallyRow[]> {
  return query<MonthTallyRow>(
    em,
    withWhere(
      `SELECT pc.agreement_id, to_char(pc.checked_on, 'YYYY-MM') AS month, count(*)::int AS checks,
        count(*) FILTER (WHERE NOT pc.on_post)::int AS absences,
        max(pc.fire_area_mu) FILTER (WHERE pc.fire_through_neglect)::text AS neglect_fire_mu
       FROM post_check pc`,
      and(inList('pc.agreement_id', agreementIds), {
        sql: '(?::int IS NULL OR extract(year FROM pc.checked_on) = ?::int)',
        bindings: [year, year],
      }),
      'GROUP BY 1, 2',
    ),
  );
}
