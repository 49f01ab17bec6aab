import { Arg, Authorized, Ctx, Field, FieldResolver, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../core/context';
import type { StoredEvent } from '../../core/events/event-store';
import { LIVE_AFTER_ARG, LIVE_FILTER_ARG, LiveFilter, liveStream } from '../live/live.filter';
import { MonitoringAction, MonitoringCaseStatus } from './monitoring.enums';
import { MONITORING_CASE_CHANGED, MonitoringChange } from './monitoring.events';
import { MonitoringCaseNode } from './monitoring.types';
import { monitoringCaseService } from './monitoring-case.service';
import { monitoringCasePolicy } from './monitoring-case.policy';

@ObjectType('MonitoringCaseChange', { description: 'A monitoring case changed (监测动态)' })
export class MonitoringCaseChangeType {
  @Field({ description: 'Position in the event stream; pass it as `after` to resume' })
  cursor: string;

  @Field(() => MonitoringChange, { description: 'What changed (变更类别)' })
  change: MonitoringChange;

  @Field(() => MonitoringAction, { nullable: true, description: 'The workflow step, for STEP' })
  action: MonitoringAction | null;

  @Field(() => MonitoringCaseStatus, { nullable: true, description: 'Status before; null when reported' })
  from: MonitoringCaseStatus | null;

  @Field(() => MonitoringCaseStatus, { description: 'Status after' })
  to: MonitoringCaseStatus;

  caseKey: string;
}

@Resolver(() => MonitoringCaseChangeType)
export class MonitoringLiveResolver {
  @Authorized(monitoringCasePolicy.roles.read)
  @Subscription(() => MonitoringCaseChangeType, {
    description:
      'Changes of the monitoring cases you may see; with `after`, missed ones first (监测动态实时推送). Carries ids only: the case resolves in your scope',
    subscribe: ({ args, context }) =>
      liveStream(context as Context, MONITORING_CASE_CHANGED, args.filter, args.after, monitoringCasePolicy.roles.read),
  })
  monitoringCaseChanged(
    @Root() event: StoredEvent,
    @Arg('filter', () => LiveFilter, { nullable: true, description: LIVE_FILTER_ARG }) _filter?: LiveFilter,
    @Arg('after', () => String, { nullable: true, description: LIVE_AFTER_ARG }) _after?: string,
  ): MonitoringCaseChangeType {
    const p = event.payload as Record<string, string | null>;
    return {
      cursor: event.cursor,
      change: p.change as MonitoringChange,
      action: (p.action as MonitoringAction | null) ?? null,
      from: (p.from as MonitoringCaseStatus | null) ?? null,
      to: p.to as MonitoringCaseStatus,
      caseKey: p.caseId!,
    };
  }

  @FieldResolver(() => MonitoringCaseNode, {
    name: 'case',
    nullable: true,
    description: 'The case as it stands now; null if it has left your scope since',
  })
  monitoringCase(@Ctx() ctx: Context, @Root() change: MonitoringCaseChangeType): Promise<MonitoringCaseNode | null> {
    return monitoringCaseService.byKey(ctx, change.caseKey);
  }
}
