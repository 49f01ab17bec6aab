import { Field, ID, InputType } from 'type-graphql';
import { IsOptional } from 'class-validator';
import type { Context } from '../../core/context';
import type { Role } from '../../core/auth/viewer';
import { requireRole } from '../../core/access/policy';
import { providerPolicy } from '../providers/provider.policy';
import { badInput } from '../../core/errors';
import { fromGlobalId } from '../../core/relay/global-id';
import type { EventFilter } from '../../core/events/event-hub';
import type { StoredEvent, Topic } from '../../core/events/event-store';
import { isCaughtUp, reportCaughtUp } from '../../core/events/live-position';
import { regionService } from '../regions/region.service';
import { villageService } from '../villages/village.service';

/** The `filter` argument of every live subscription. */
export const LIVE_FILTER_ARG =
  'Narrows the stream; a region or village outside your scope is refused with NOT_FOUND, and a partner may only name itself as provider';

/** The `after` argument of every live subscription. */
export const LIVE_AFTER_ARG =
  'Resume point: the `cursor` of the last event you received. Events after it are replayed first, then live ones follow; without it only new events arrive';

@InputType({ description: 'Narrows a live subscription; your scope always applies on top (实时订阅筛选)' })
export class LiveFilter {
  @Field({ nullable: true, description: 'Only events inside this region (12-digit code or prefix)' })
  @IsOptional()
  regionCode?: string;

  @Field(() => ID, { nullable: true, description: 'Only events about this village' })
  @IsOptional()
  villageId?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Only events this provider (assistance unit or enterprise) takes part in',
  })
  @IsOptional()
  providerId?: string;
}

/** Provider global ids are "AssistanceUnit:<uuid>" or "Enterprise:<uuid>". */
function providerKey(id: string): string {
  const decoded = fromGlobalId(id);
  if (!decoded || !['AssistanceUnit', 'Enterprise'].includes(decoded.type))
    throw badInput('filter.providerId', 'filter.providerId is not a provider id');
  return decoded.key;
}

/**
 * Checks a subscription's filter against the caller's scope when it subscribes: a region or
 * village outside the scope is NOT_FOUND, a partner may filter on itself only. Each event is
 * checked again as it passes (the topic's receive rule in its resource policy).
 */
export async function resolveLiveFilter(ctx: Context, filter: LiveFilter | undefined | null): Promise<EventFilter> {
  const resolved: EventFilter = {};
  if (filter?.regionCode)
    resolved.regionPrefix = await regionService.requireVisiblePrefix(ctx, filter.regionCode, 'filter.regionCode');
  if (filter?.villageId)
    resolved.villageCode = (await villageService.require(ctx, filter.villageId, 'filter.villageId')).code;
  if (filter?.providerId) {
    resolved.providerId = providerKey(filter.providerId);
    providerPolicy.requireFollow(ctx.viewer, resolved.providerId);
  }
  return resolved;
}

export function parseAfter(after: string | undefined | null): string | undefined {
  if (after === undefined || after === null) return undefined;
  if (!/^\d{1,18}$/.test(after)) throw badInput('after', 'after must be a cursor received from this subscription');
  return after;
}

/**
 * The async iterator behind a subscription field: the hub's stream for the topic (each event is
 * then resolved by core/events/fanout.ts with a fresh context). The hub's caught-up marker is not an event:
 * it goes to the transport (see core/events/live-position.ts), which tells the client its cursor.
 */
export async function liveStream(
  ctx: Context,
  topic: Topic,
  filter: LiveFilter | undefined | null,
  after: string | undefined | null,
  roles: readonly Role[],
): Promise<AsyncIterable<StoredEvent>> {
  // Checked here, when subscribing: @Authorized on a subscription field guards each event only.
  requireRole(ctx.viewer, roles, `follow ${topic}`);
  const resolved = await resolveLiveFilter(ctx, filter);
  const stream = ctx.events.subscribe(topic, ctx.viewer, resolved, parseAfter(after));
  return {
    [Symbol.asyncIterator]: () => ({
      next: async (): Promise<IteratorResult<StoredEvent>> => {
        for (;;) {
          const result = await stream.next();
          if (result.done) return result;
          if (isCaughtUp(result.value)) {
            reportCaughtUp(ctx, result.value.cursor);
            continue;
          }
          return { done: false, value: result.value };
        }
      },
      return: async (): Promise<IteratorResult<StoredEvent>> => {
        await stream.return!();
        return { done: true, value: undefined };
      },
    }),
  };
}
