import type { Context } from '../../core/context';
import { badInput, conflict, notFound } from '../../core/errors';
import { and, type SqlFragment } from '../../core/sql';
import { isUuid, uuidKeyFromInput } from '../../core/relay/global-id';
import { readPage, type ConnectionData, type PageInput } from '../../core/relay/connection';
import { addDays } from '../../core/dates';
import { prefixOfCode } from '../../core/region-codes';
import { regionCodeArg } from '../regions/region.service';
import { villageCodeFromId, villageService } from '../villages/village.service';
import { amountArg, notFuture, textArg, yearArg } from '../funds/arguments';
import { postPolicy } from './post.policy';
import { AgreementEndReason, AgreementStatus, PostKind, PRIORITY_CATEGORIES } from './post.enums';
import { ABSENCES_PROPOSING_TERMINATION, isMajorFire, monthlyFee, RANGER_ANNUAL_FEE } from './ranger-fee';
import {
  MonthlyPostFeeType,
  type PostAgreementFilter,
  type PostAgreementNode,
  type PostCheckNode,
  type WelfarePostFilter,
  type WelfarePostNode,
} from './post.types';
import type {
  CreateWelfarePostInput,
  EndPostAgreementInput,
  KeepPostAgreementInput,
  RecordPostCheckInput,
  SignPostAgreementInput,
} from './post.inputs';
import { forgetReads } from '../funds/write';
import * as posts from './post.repository';

const idArg = (type: string) => (id: string, field: string) => uuidKeyFromInput(id, [type], field);
const postIdArg = idArg('WelfarePost');
const agreementIdArg = idArg('PostAgreement');

const IN_FORCE: readonly AgreementStatus[] = [AgreementStatus.ACTIVE, AgreementStatus.TERMINATION_PROPOSED];

/** A month's last day (YYYY-MM-DD) is followed by a first. */
const isLastOfMonth = (date: string) => addDays(date, 1).endsWith('-01');

export class PostService {
  private scope(ctx: Context): SqlFragment {
    return postPolicy.readable(ctx.viewer, 'wp.village_code');
  }

  // ---- reads ---------------------------------------------------------------------------------

  async postsByKeys(ctx: Context, ids: readonly string[]): Promise<(WelfarePostNode | null)[]> {
    const wellFormed = ids.filter(isUuid);
    const rows = wellFormed.length ? await posts.postsByIds(ctx.em, wellFormed, this.scope(ctx)) : [];
    const byId = new Map(rows.map((row) => [row.id, posts.toPostNode(row)]));
    return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
  }

  postByKey(ctx: Context, id: string): Promise<WelfarePostNode | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return ctx.loaders
      .get<string, WelfarePostNode | null>('post.byKey', (ids) => this.postsByKeys(ctx, ids))
      .load(id.toLowerCase());
  }

  async agreementsByKeys(ctx: Context, ids: readonly string[]): Promise<(PostAgreementNode | null)[]> {
    const wellFormed = ids.filter(isUuid);
    const rows = wellFormed.length ? await posts.agreementsByIds(ctx.em, wellFormed, this.scope(ctx)) : [];
    const byId = new Map(rows.map((row) => [row.id, posts.toAgreementNode(row)]));
    return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
  }

  agreementByKey(ctx: Context, id: string): Promise<PostAgreementNode | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return ctx.loaders
      .get<string, PostAgreementNode | null>('post.agreementByKey', (ids) => this.agreementsByKeys(ctx, ids))
      .load(id.toLowerCase());
  }

  async checkByKey(ctx: Context, id: string): Promise<PostCheckNode | null> {
    if (!isUuid(id)) return null;
    const [row] = await posts.checksByIds(ctx.em, [id.toLowerCase()], this.scope(ctx));
    return row ? posts.toCheckNode(row) : null;
  }

  /** `welfarePosts(filter)`: by village, keyset-paginated, scoped. */
  listPosts(
    ctx: Context,
    filter: WelfarePostFilter | undefined,
    args: PageInput,
  ): Promise<ConnectionData<WelfarePostNode>> {
    const page = readPage(args);
    const conditions: SqlFragment[] = [this.scope(ctx)];
    if (filter?.regionCode) conditions.push(this.inRegion(filter.regionCode));
    if (filter?.kind) conditions.push({ sql: 'wp.kind = ?', bindings: [filter.kind] });
    return posts.postPage(ctx, and(...conditions), page);
  }

  /** `postAgreements(filter)`: newest first, keyset-paginated, scoped. */
  listAgreements(
    ctx: Context,
    filter: PostAgreementFilter | undefined,
    args: PageInput,
  ): Promise<ConnectionData<PostAgreementNode>> {
    const page = readPage(args);
    const conditions: SqlFragment[] = [this.scope(ctx)];
    if (filter?.regionCode) conditions.push(this.inRegion(filter.regionCode));
    if (filter?.kind) conditions.push({ sql: 'wp.kind = ?', bindings: [filter.kind] });
    if (filter?.status) conditions.push({ sql: 'pa.status = ?', bindings: [filter.status] });
    if (filter?.holderCategory) conditions.push({ sql: 'pa.holder_category = ?', bindings: [filter.holderCategory] });
    return posts.agreementPage(ctx, and(...conditions), page);
  }

  private inRegion(regionCode: string): SqlFragment {
    return {
      sql: 'wp.village_code LIKE ?',
      bindings: [`${prefixOfCode(regionCodeArg(regionCode, 'filter.regionCode'))}%`],
    };
  }

  /** `WelfarePost.agreements`, batched over the posts of a request. */
  agreementsOf(ctx: Context, postId: string): Promise<PostAgreementNode[]> {
    return ctx.loaders
      .get<string, PostAgreementNode[]>('post.agreementsOf', async (ids) => {
        const rows = await posts.agreementsOfPosts(ctx.em, ids);
        return ids.map((id) => rows.filter((r) => r.post_id === id).map(posts.toAgreementNode));
      })
      .load(postId);
  }

  /** `PostAgreement.checks`, batched over the agreements of a request. */
  checks(ctx: Context, agreementId: string, args: PageInput): Promise<ConnectionData<PostCheckNode>> {
    const page = readPage(args);
    return ctx.loaders
      .get<string, ConnectionData<PostCheckNode>>(`post.checks:${JSON.stringify(page)}`, (keys) =>
        posts.checkPages(ctx, keys, this.scope(ctx), page),
      )
      .load(agreementId);
  }

  /**
   * `PostAgreement.monthlyFees(year)`: every month of the agreement in the year, up to the month it
   * ended, with the fee by the rule of ranger-fee.ts (rangers) or the base alone (other posts).
   * The month an agreement ends in counts whole.
   */
  async monthlyFees(ctx: Context, agreement: PostAgreementNode, year: number): Promise<MonthlyPostFeeType[]> {
    yearArg(year);
    const tallies = await ctx.loaders
      .get<string, posts.MonthTallyRow[]>(`post.tallies:${year}`, async (ids) => {
        const rows = await posts.monthTallies(ctx.em, ids, year);
        return ids.map((id) => rows.filter((r) => r.agreement_id === id));
      })
      .load(agreement.uuid);
    const first = agreement.startsOn.slice(0, 7);
    const last = (agreement.endedOn ?? agreement.endsOn).slice(0, 7);
    const ranger = agreement.postKind === PostKind.FOREST_RANGER;
    const fees: MonthlyPostFeeType[] = [];
    for (let m = 1; m <= 12; m++) {
      const month = `${year}-${String(m).padStart(2, '0')}`;
      if (month < first || month > last) continue;
      const tally = tallies.find((t) => t.month === month);
      const fee = monthlyFee(
        agreement.annualFee,
        m,
        tally?.absences ?? 0,
        // The tally keeps the largest fire found through neglect only.
        isMajorFire(tally?.neglect_fire_mu ?? null, true),
        ranger,
      );
      fees.push(
        Object.assign(new MonthlyPostFeeType(), {
          month,
          checks: tally?.checks ?? 0,
          absences: tally?.absences ?? 0,
          ...fee,
        }),
      );
    }
    return fees;
  }

  // ---- writes --------------------------------------------------------------------------------

  /** `createWelfarePost`: a post set as needed (按需设岗) in a village of the caller's region. */
  async createPost(ctx: Context, input: CreateWelfarePostInput): Promise<WelfarePostNode> {
    const villageCode = villageCodeFromId(input.villageId, 'villageId');
    postPolicy.requireWrite(ctx.viewer, villageCode);
    if (!(await villageService.byKey(ctx, villageCode))) throw notFound('Village not found', 'villageId');
    notFuture(input.setOn, 'setOn');
    const id = await ctx.em.transactional((em) =>
      posts.insertPost(em, {
        villageCode,
        kind: input.kind,
        title: textArg(input.title, 'title'),
        duties: input.duties ? textArg(input.duties, 'duties') : null,
        setOn: input.setOn,
      }),
    );
    forgetReads(ctx);
    return (await this.postsByKeys(ctx, [id]))[0]!;
  }

  /**
   * `signPostAgreement`: hires a holder for whole months (以岗聘任). One agreement in force per post,
   * not overlapping the post's earlier ones; a holder outside 脱贫不稳定户 and 边缘易致贫户 needs a
   * reason on record (priority, `004_…` (六)). Rangers manage an area and are paid 10,000 yuan a year
   * unless the agreement says otherwise.
   */
  async signAgreement(ctx: Context, input: SignPostAgreementInput): Promise<PostAgreementNode> {
    const post = await this.postByKey(ctx, postIdArg(input.postId, 'postId'));
    if (!post) throw notFound('Post not found', 'postId');
    postPolicy.requireWrite(ctx.viewer, post.villageCode);
    const holderName = textArg(input.holderName, 'holderName');
    const waiver = input.priorityWaiverReason ? textArg(input.priorityWaiverReason, 'priorityWaiverReason') : null;
    if (!PRIORITY_CATEGORIES.includes(input.holderCategory) && !waiver)
      throw badInput(
        'priorityWaiverReason',
        '脱贫不稳定户 and 边缘易致贫户 are hired first: give the reason for hiring a holder of another category',
      );
    if (!input.startsOn.endsWith('-01')) throw badInput('startsOn', 'startsOn must be the first day of a month');
    if (!isLastOfMonth(input.endsOn)) throw badInput('endsOn', 'endsOn must be the last day of a month');
    if (input.endsOn <= input.startsOn) throw badInput('endsOn', 'endsOn must be after startsOn');
    const ranger = post.kind === PostKind.FOREST_RANGER;
    if (ranger && !input.areaMu) throw badInput('areaMu', 'a ranger agreement names the area managed (管护面积)');
    const areaMu = input.areaMu ? amountArg(input.areaMu, 'areaMu') : null;
    if (!input.annualFee && !ranger) throw badInput('annualFee', 'give the annual fee of this post');
    const annualFee = input.annualFee ? amountArg(input.annualFee, 'annualFee') : RANGER_ANNUAL_FEE;
    const id = await ctx.em.transactional(async (em) => {
      if (!(await posts.lockPost(em, post.uuid))) throw notFound('Post not found', 'postId');
      const earlier = (await posts.agreementsOfPosts(em, [post.uuid])).find((a) => IN_FORCE.includes(a.status));
      if (earlier) throw conflict('The post already has a holder under an agreement in force', ['postId']);
      const lastDay = await posts.lastAgreementDay(em, post.uuid);
      if (lastDay && input.startsOn <= lastDay)
        throw badInput('startsOn', `startsOn must come after the post’s previous agreement (${lastDay})`);
      return posts.insertAgreement(em, {
        postId: post.uuid,
        holderName,
        holderCategory: input.holderCategory,
        priorityWaiverReason: waiver,
        areaMu,
        bounds: input.bounds ? textArg(input.bounds, 'bounds') : null,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        annualFee,
      });
    });
    forgetReads(ctx);
    return this.mustSeeAgreement(ctx, id);
  }

  /**
   * `recordPostCheck`: one check a day inside the agreement. For rangers, the third absence found
   * in a calendar month proposes termination (可立即终止), and a fire of 15 mu or more through
   * neglect ends the agreement that day (立即终止); both in the transaction of the check.
   */
  async recordCheck(
    ctx: Context,
    input: RecordPostCheckInput,
  ): Promise<{ check: PostCheckNode; agreement: PostAgreementNode }> {
    const agreement = await this.requireAgreement(ctx, input.agreementId);
    postPolicy.requireWrite(ctx.viewer, agreement.villageCode);
    notFuture(input.checkedOn, 'checkedOn');
    const fireAreaMu = input.fireAreaMu ? amountArg(input.fireAreaMu, 'fireAreaMu', { allowZero: true }) : null;
    const neglect = input.fireThroughNeglect ?? false;
    if (neglect && fireAreaMu === null) throw badInput('fireAreaMu', 'fireThroughNeglect needs the fire’s area');
    const checkId = await ctx.em.transactional(async (em) => {
      const current = await posts.lockAgreement(em, agreement.uuid);
      if (!current) throw notFound('Agreement not found', 'agreementId');
      if (!IN_FORCE.includes(current.status))
        throw badInput('agreementId', `the agreement is ${current.status}; checks are recorded while it is in force`);
      if (input.checkedOn < current.starts_on || input.checkedOn > current.ends_on)
        throw badInput(
          'checkedOn',
          `checkedOn must lie inside the agreement (${current.starts_on} to ${current.ends_on})`,
        );
      const id = await posts.insertCheck(em, {
        agreementId: current.id,
        checkedOn: input.checkedOn,
        onPost: input.onPost,
        fireAreaMu,
        fireThroughNeglect: neglect,
        note: input.note ? textArg(input.note, 'note') : null,
        role: ctx.viewer.role,
      });
      if (current.post_kind !== PostKind.FOREST_RANGER) return id;
      if (isMajorFire(fireAreaMu, neglect)) {
        await posts.endAgreement(em, current.id, {
          status: AgreementStatus.TERMINATED,
          on: input.checkedOn,
          reason: AgreementEndReason.FOREST_FIRE,
          note: `较大森林火灾 ${fireAreaMu} 亩（管护不力）`,
        });
        return id;
      }
      if (current.status === AgreementStatus.ACTIVE && !input.onPost) {
        const month = input.checkedOn.slice(0, 7);
        const tallies = await posts.monthTallies(em, [current.id], Number(month.slice(0, 4)));
        const absences = tallies.find((t) => t.month === month)?.absences ?? 0;
        if (absences >= ABSENCES_PROPOSING_TERMINATION) await posts.proposeTermination(em, current.id, input.checkedOn);
      }
      return id;
    });
    forgetReads(ctx);
    const check = await this.checkByKey(ctx, checkId);
    return { check: check!, agreement: await this.mustSeeAgreement(ctx, agreement.uuid) };
  }

  /**
   * `endPostAgreement`: confirm a proposed termination (THREE_ABSENCES) or record an orderly exit
   * (ORDERLY_EXIT, 有序退岗). Fires end agreements by themselves when the check is recorded.
   */
  async endAgreement(ctx: Context, input: EndPostAgreementInput): Promise<PostAgreementNode> {
    const agreement = await this.requireAgreement(ctx, input.agreementId);
    postPolicy.requireWrite(ctx.viewer, agreement.villageCode);
    if (input.reason === AgreementEndReason.FOREST_FIRE)
      throw badInput('reason', 'a fire ends the agreement when the check that found it is recorded');
    notFuture(input.endedOn, 'endedOn');
    await ctx.em.transactional(async (em) => {
      const current = await posts.lockAgreement(em, agreement.uuid);
      if (!current) throw notFound('Agreement not found', 'agreementId');
      if (!IN_FORCE.includes(current.status))
        throw badInput('agreementId', `the agreement is already ${current.status}`);
      if (input.reason === AgreementEndReason.THREE_ABSENCES && current.status !== AgreementStatus.TERMINATION_PROPOSED)
        throw badInput('reason', 'THREE_ABSENCES confirms a termination proposed after a third absence in a month');
      const from =
        current.proposed_on && input.reason === AgreementEndReason.THREE_ABSENCES
          ? current.proposed_on
          : current.starts_on;
      if (input.endedOn < from || input.endedOn > current.ends_on)
        throw badInput('endedOn', `endedOn must lie between ${from} and ${current.ends_on}`);
      await posts.endAgreement(em, current.id, {
        status: input.reason === AgreementEndReason.ORDERLY_EXIT ? AgreementStatus.EXITED : AgreementStatus.TERMINATED,
        on: input.endedOn,
        reason: input.reason,
        note: input.note ? textArg(input.note, 'note') : null,
      });
    });
    forgetReads(ctx);
    return this.mustSeeAgreement(ctx, agreement.uuid);
  }

  /** `keepPostAgreement`: withdraws a proposed termination; the holder stays on post. */
  async keepAgreement(ctx: Context, input: KeepPostAgreementInput): Promise<PostAgreementNode> {
    const agreement = await this.requireAgreement(ctx, input.agreementId);
    postPolicy.requireWrite(ctx.viewer, agreement.villageCode);
    await ctx.em.transactional(async (em) => {
      const current = await posts.lockAgreement(em, agreement.uuid);
      if (!current) throw notFound('Agreement not found', 'agreementId');
      if (current.status !== AgreementStatus.TERMINATION_PROPOSED)
        throw badInput('agreementId', 'only a proposed termination can be withdrawn');
      await posts.keepAgreement(em, current.id);
    });
    forgetReads(ctx);
    return this.mustSeeAgreement(ctx, agreement.uuid);
  }

  private async requireAgreement(ctx: Context, id: string): Promise<PostAgreementNode> {
    const agreement = await this.agreementByKey(ctx, agreementIdArg(id, 'agreementId'));
    if (!agreement) throw notFound('Agreement not found', 'agreementId');
    return agreement;
  }

  private async mustSeeAgreement(ctx: Context, id: string): Promise<PostAgreementNode> {
    const [agreement] = await this.agreementsByKeys(ctx, [id]);
    if (!agreement) throw notFound(`Agreement ${id} is not visible`);
    return agreement;
  }
}

export const postService = new PostService();
