import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  Int,
  ObjectType,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import type { Context } from '../../core/context';
import type { StoredEvent } from '../../core/events/event-store';
import { LIVE_AFTER_ARG, LIVE_FILTER_ARG, LiveFilter, liveStream } from '../live/live.filter';
import { villageService } from './village.service';
import { VillageIndicatorsType, VillageNode } from './village.types';
import { VILLAGE_INDICATORS_UPDATED } from './village.events';
import { villagePolicy } from './village.policy';

@ObjectType({ description: 'Village indicators were recorded (村级指标更新)' })
export class VillageIndicatorsUpdate {
  @Field({ description: 'Position in the event stream; pass it as `after` to resume' })
  cursor: string;

  @Field(() => Int, { description: 'Year recorded' })
  year: number;

  villageCode: string;
}

@Resolver(() => VillageIndicatorsUpdate)
export class VillageLiveResolver {
  @Authorized(villagePolicy.roles.read)
  @Subscription(() => VillageIndicatorsUpdate, {
    description: 'Indicators recorded for villages you may see; with `after`, missed events first (村级指标实时推送)',
    subscribe: ({ args, context }) =>
      liveStream(context as Context, VILLAGE_INDICATORS_UPDATED, args.filter, args.after, villagePolicy.roles.read),
  })
  villageIndicatorsUpdated(
    @Root() event: StoredEvent,
    @Arg('filter', () => LiveFilter, { nullable: true, description: LIVE_FILTER_ARG }) _filter?: LiveFilter,
    @Arg('after', () => String, { nullable: true, description: LIVE_AFTER_ARG }) _after?: string,
  ): VillageIndicatorsUpdate {
    return {
      cursor: event.cursor,
      year: event.payload.year as number,
      villageCode: event.payload.villageCode as string,
    };
  }

  @FieldResolver(() => VillageNode, {
    nullable: true,
    description: 'The village (行政村); null if it left your scope since the event',
  })
  village(@Ctx() ctx: Context, @Root() update: VillageIndicatorsUpdate): Promise<VillageNode | null> {
    return villageService.byKey(ctx, update.villageCode);
  }

  @FieldResolver(() => VillageIndicatorsType, {
    nullable: true,
    description: 'The indicators as they stand now for that year',
  })
  indicators(@Ctx() ctx: Context, @Root() update: VillageIndicatorsUpdate): Promise<VillageIndicatorsType | null> {
    return villageService.indicators(ctx, update.villageCode, update.year);
  }
}
