import { Arg, Authorized, Ctx, Field, FieldResolver, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../core/context';
import type { StoredEvent } from '../../core/events/event-store';
import { DateScalar } from '../../core/scalars';
import { LIVE_AFTER_ARG, LIVE_FILTER_ARG, LiveFilter, liveStream } from '../live/live.filter';
import { TEAM_EVENT, TeamEventKind } from './team.events';
import { ResidentTeamNode, TeamMemberNode } from './team.types';
import { InspectionNode } from './inspection.types';
import { teamService } from './team.service';
import { inspectionService } from './inspection.service';
import { memberService } from './member.service';
import { teamPolicy } from './team.policy';

@ObjectType({
  description:
    'Something happened in a resident team: rotation, recall, inspection consequence, a week short of 五天四夜 (驻村工作队动态)',
})
export class TeamEvent {
  @Field({ description: 'Position in the event stream; pass it as `after` to resume' })
  cursor: string;

  @Field(() => TeamEventKind, { description: 'What happened (事件类别)' })
  kind: TeamEventKind;

  @Field(() => DateScalar, { nullable: true, description: 'Monday of the week, for WEEK_SHORT' })
  weekStart: string | null;

  teamKey: string;
  memberKey: string | null;
  outgoingMemberKey: string | null;
  inspectionKey: string | null;
}

@Resolver(() => TeamEvent)
export class TeamLiveResolver {
  @Authorized(teamPolicy.roles.read)
  @Subscription(() => TeamEvent, {
    description:
      'Team events inside your region, or of the teams your unit dispatched; with `after`, missed ones first (驻村动态实时推送)',
    subscribe: ({ args, context }) =>
      liveStream(context as Context, TEAM_EVENT, args.filter, args.after, teamPolicy.roles.read),
  })
  teamEvent(
    @Root() event: StoredEvent,
    @Arg('filter', () => LiveFilter, { nullable: true, description: LIVE_FILTER_ARG }) _filter?: LiveFilter,
    @Arg('after', () => String, { nullable: true, description: LIVE_AFTER_ARG }) _after?: string,
  ): TeamEvent {
    const p = event.payload as Record<string, string | null>;
    return {
      cursor: event.cursor,
      kind: p.kind as TeamEventKind,
      weekStart: p.weekStart ?? null,
      teamKey: p.teamId!,
      memberKey: p.memberId ?? null,
      outgoingMemberKey: p.outgoingMemberId ?? null,
      inspectionKey: p.inspectionId ?? null,
    };
  }

  @FieldResolver(() => ResidentTeamNode, {
    nullable: true,
    description: 'The team (驻村工作队); null if you may no longer see it',
  })
  team(@Ctx() ctx: Context, @Root() event: TeamEvent): Promise<ResidentTeamNode | null> {
    return teamService.byKey(ctx, event.teamKey);
  }

  @FieldResolver(() => TeamMemberNode, {
    nullable: true,
    description: 'The member concerned (for ROTATION: the one rotating in)',
  })
  member(@Ctx() ctx: Context, @Root() event: TeamEvent): Promise<TeamMemberNode | null> | null {
    return event.memberKey ? memberService.byKey(ctx, event.memberKey) : null;
  }

  @FieldResolver(() => TeamMemberNode, { nullable: true, description: 'For ROTATION: the member rotating out' })
  outgoingMember(@Ctx() ctx: Context, @Root() event: TeamEvent): Promise<TeamMemberNode | null> | null {
    return event.outgoingMemberKey ? memberService.byKey(ctx, event.outgoingMemberKey) : null;
  }

  @FieldResolver(() => InspectionNode, {
    nullable: true,
    description: 'For RECALL and INSPECTION_CONSEQUENCE: the inspection',
  })
  inspection(@Ctx() ctx: Context, @Root() event: TeamEvent): Promise<InspectionNode | null> | null {
    return event.inspectionKey ? inspectionService.byKey(ctx, event.inspectionKey) : null;
  }
}
