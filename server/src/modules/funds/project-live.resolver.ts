import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ObjectType,
  Resolver,
  Root,
  Subscription,
  registerEnumType,
} from 'type-graphql';
import type { Context } from '../../core/context';
import type { StoredEvent } from '../../core/events/event-store';
import { DecimalScalar } from '../../core/scalars';
import { LIVE_AFTER_ARG, LIVE_FILTER_ARG, LiveFilter, liveStream } from '../live/live.filter';
import { ProjectStatus } from './funds.enums';
import { ProjectNode } from './project.types';
import { projectService, type ProjectChangeKind } from './project.service';
import { PROJECT_CHANGED } from './funds.events';
import { projectPolicy } from './project.policy';

const PROJECT_CHANGE_KINDS: Record<ProjectChangeKind, ProjectChangeKind> = {
  PROPOSED: 'PROPOSED',
  STATUS_CHANGED: 'STATUS_CHANGED',
  PAID: 'PAID',
};

registerEnumType(PROJECT_CHANGE_KINDS, {
  name: 'ProjectChangeKind',
  description: 'What happened to a project (项目动态)',
  valuesConfig: {
    PROPOSED: { description: 'Entered the library (入库)' },
    STATUS_CHANGED: { description: 'Moved a step (状态变更)' },
    PAID: { description: 'Received a payment (拨付)' },
  },
});

@ObjectType({ description: 'A project entered the library, moved a step, or was paid (项目动态)' })
export class ProjectChangedEvent {
  @Field({ description: 'Position in the event stream; pass it as `after` to resume' })
  cursor: string;

  @Field(() => PROJECT_CHANGE_KINDS, { description: 'What changed (变更类别)' })
  kind: ProjectChangeKind;

  @Field(() => ProjectStatus, { nullable: true, description: 'Status before; null when it entered the library' })
  from: ProjectStatus | null;

  @Field(() => ProjectStatus, { description: 'Status after' })
  to: ProjectStatus;

  @Field(() => DecimalScalar, { nullable: true, description: 'Amount paid, yuan, for PAID' })
  amount: string | null;

  projectKey: string;
}

@Resolver(() => ProjectChangedEvent)
export class ProjectLiveResolver {
  @Authorized(projectPolicy.roles.read)
  @Subscription(() => ProjectChangedEvent, {
    description:
      'Projects changing inside your scope (partners: the projects they fund); with `after`, missed ones first (项目实时推送)',
    subscribe: ({ args, context }) =>
      liveStream(context as Context, PROJECT_CHANGED, args.filter, args.after, projectPolicy.roles.read),
  })
  projectChanged(
    @Root() event: StoredEvent,
    @Arg('filter', () => LiveFilter, { nullable: true, description: LIVE_FILTER_ARG }) _filter?: LiveFilter,
    @Arg('after', () => String, { nullable: true, description: LIVE_AFTER_ARG }) _after?: string,
  ): ProjectChangedEvent {
    return {
      cursor: event.cursor,
      projectKey: event.payload.projectId as string,
      kind: event.payload.kind as ProjectChangeKind,
      from: event.payload.from as ProjectStatus | null,
      to: event.payload.to as ProjectStatus,
      amount: (event.payload.amount as string | undefined) ?? null,
    };
  }

  @FieldResolver(() => ProjectNode, { nullable: true, description: 'The project as it stands now' })
  project(@Ctx() ctx: Context, @Root() event: ProjectChangedEvent): Promise<ProjectNode | null> {
    return projectService.byKey(ctx, event.projectKey);
  }
}
