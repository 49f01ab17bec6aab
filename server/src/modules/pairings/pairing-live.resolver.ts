import { Arg, Authorized, Ctx, Field, FieldResolver, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../core/context';
import type { StoredEvent } from '../../core/events/event-store';
import { LIVE_AFTER_ARG, LIVE_FILTER_ARG, LiveFilter, liveStream } from '../live/live.filter';
import { PairingStatus } from './pairing.entity';
import { PairingNode } from './pairing.types';
import { pairingService } from './pairing.service';
import { PAIRING_CHANGED } from './pairing.events';
import { pairingPolicy } from './pairing.policy';

@ObjectType({ description: 'A pairing was created or changed status (结对帮扶变更)' })
export class PairingChangedEvent {
  @Field({ description: 'Position in the event stream; pass it as `after` to resume' })
  cursor: string;

  @Field(() => PairingStatus, { nullable: true, description: 'Status before; null when the pairing was created' })
  from: PairingStatus | null;

  @Field(() => PairingStatus, { description: 'Status after' })
  to: PairingStatus;

  pairingKey: string;
}

@Resolver(() => PairingChangedEvent)
export class PairingLiveResolver {
  @Authorized(pairingPolicy.roles.read)
  @Subscription(() => PairingChangedEvent, {
    description:
      'Pairings created or changed inside your scope (partners: their own); with `after`, missed ones first (结对实时推送)',
    subscribe: ({ args, context }) =>
      liveStream(context as Context, PAIRING_CHANGED, args.filter, args.after, pairingPolicy.roles.read),
  })
  pairingChanged(
    @Root() event: StoredEvent,
    @Arg('filter', () => LiveFilter, { nullable: true, description: LIVE_FILTER_ARG }) _filter?: LiveFilter,
    @Arg('after', () => String, { nullable: true, description: LIVE_AFTER_ARG }) _after?: string,
  ): PairingChangedEvent {
    return {
      cursor: event.cursor,
      pairingKey: event.payload.pairingId as string,
      from: event.payload.from as PairingStatus | null,
      to: event.payload.to as PairingStatus,
    };
  }

  @FieldResolver(() => PairingNode, { nullable: true, description: 'The pairing as it stands now' })
  pairing(@Ctx() ctx: Context, @Root() event: PairingChangedEvent): Promise<PairingNode | null> {
    return pairingService.byKey(ctx, event.pairingKey);
  }
}
