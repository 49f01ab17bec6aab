import { Arg, Authorized, Ctx, Field, FieldResolver, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../core/context';
import type { StoredEvent } from '../../core/events/event-store';
import { LIVE_AFTER_ARG, LIVE_FILTER_ARG, LiveFilter, liveStream } from '../live/live.filter';
import { PurchaseStatus } from './consumption.enums';
import { PurchaseNode } from './consumption.types';
import { purchaseService } from './purchase.service';
import { PURCHASE_RECORDED, PURCHASE_STATUS_CHANGED } from './consumption.events';
import { purchasePolicy } from './purchase.policy';

@ObjectType({ description: 'A purchase was recorded (新增消费帮扶采购)' })
export class PurchaseRecordedEvent {
  @Field({ description: 'Position in the event stream; pass it as `after` to resume' })
  cursor: string;
  purchaseKey: string;
}

@ObjectType({ description: 'A purchase was verified or voided (采购状态变更)' })
export class PurchaseStatusChangedEvent {
  @Field({ description: 'Position in the event stream; pass it as `after` to resume' })
  cursor: string;

  @Field(() => PurchaseStatus, { description: 'Status before' })
  from: PurchaseStatus;

  @Field(() => PurchaseStatus, { description: 'Status after' })
  to: PurchaseStatus;

  purchaseKey: string;
}

const purchaseOf = (ctx: Context, key: string) => purchaseService.byKey(ctx, key);

@Resolver(() => PurchaseRecordedEvent)
export class PurchaseRecordedResolver {
  @Authorized(purchasePolicy.roles.read)
  @Subscription(() => PurchaseRecordedEvent, {
    description:
      'Purchases recorded inside your scope (partners: their own); with `after`, missed ones first (采购实时推送)',
    subscribe: ({ args, context }) =>
      liveStream(context as Context, PURCHASE_RECORDED, args.filter, args.after, purchasePolicy.roles.read),
  })
  purchaseRecorded(
    @Root() event: StoredEvent,
    @Arg('filter', () => LiveFilter, { nullable: true, description: LIVE_FILTER_ARG }) _filter?: LiveFilter,
    @Arg('after', () => String, { nullable: true, description: LIVE_AFTER_ARG }) _after?: string,
  ): PurchaseRecordedEvent {
    return { cursor: event.cursor, purchaseKey: event.payload.purchaseId as string };
  }

  @FieldResolver(() => PurchaseNode, { nullable: true, description: 'The purchase as it stands now' })
  purchase(@Ctx() ctx: Context, @Root() event: PurchaseRecordedEvent): Promise<PurchaseNode | null> {
    return purchaseOf(ctx, event.purchaseKey);
  }
}

@Resolver(() => PurchaseStatusChangedEvent)
export class PurchaseStatusChangedResolver {
  @Authorized(purchasePolicy.roles.read)
  @Subscription(() => PurchaseStatusChangedEvent, {
    description: 'Purchases verified or voided inside your scope; with `after`, missed ones first (采购状态实时推送)',
    subscribe: ({ args, context }) =>
      liveStream(context as Context, PURCHASE_STATUS_CHANGED, args.filter, args.after, purchasePolicy.roles.read),
  })
  purchaseStatusChanged(
    @Root() event: StoredEvent,
    @Arg('filter', () => LiveFilter, { nullable: true, description: LIVE_FILTER_ARG }) _filter?: LiveFilter,
    @Arg('after', () => String, { nullable: true, description: LIVE_AFTER_ARG }) _after?: string,
  ): PurchaseStatusChangedEvent {
    return {
      cursor: event.cursor,
      purchaseKey: event.payload.purchaseId as string,
      from: event.payload.from as PurchaseStatus,
      to: event.payload.to as PurchaseStatus,
    };
  }

  @FieldResolver(() => PurchaseNode, {
    nullable: true,
    description: 'The purchase as it stands now; null if you may no longer see it',
  })
  purchase(@Ctx() ctx: Context, @Root() event: PurchaseStatusChangedEvent): Promise<PurchaseNode | null> {
    return purchaseOf(ctx, event.purchaseKey);
  }
}
