import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context';
import { notFound } from '../../core/errors';
import { PageArgs, type ConnectionData } from '../../core/relay/connection';
import { ResidentTeamNode, TeamMemberNode } from './team.types';
import { InspectionConnection, InspectionFilter, InspectionNode } from './inspection.types';
import { RecordInspectionInput, RecordInspectionPayload } from './team.inputs';
import { teamService } from './team.service';
import { inspectionService } from './inspection.service';
import { memberService } from './member.service';
import { teamPolicy } from './team.policy';

@Resolver(() => InspectionNode)
export class InspectionResolver {
  @Authorized(teamPolicy.roles.read)
  @Query(() => InspectionConnection, {
    description: '五查五看 inspections of the teams you may see, newest first (督查记录)',
  })
  inspections(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('filter', () => InspectionFilter, {
      nullable: true,
      description: 'Conditions every inspection listed must meet',
    })
    filter?: InspectionFilter,
  ): Promise<ConnectionData<InspectionNode>> {
    return inspectionService.list(ctx, filter, page);
  }

  @Authorized(teamPolicy.roles.write)
  @Mutation(() => RecordInspectionPayload, {
    description:
      'Record a 五查五看 inspection and its consequence (通报/约谈/召回); a recall ends the member’s duty atomically',
  })
  recordInspection(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The team, the five findings and the consequence' }) input: RecordInspectionInput,
  ): Promise<RecordInspectionPayload> {
    return inspectionService.record(ctx, input);
  }

  @FieldResolver(() => ResidentTeamNode, { description: 'The inspected team' })
  async team(@Ctx() ctx: Context, @Root() inspection: InspectionNode): Promise<ResidentTeamNode> {
    const team = await teamService.byKey(ctx, inspection.teamKey);
    if (!team) throw notFound('Resident team not found');
    return team;
  }

  @FieldResolver(() => TeamMemberNode, {
    nullable: true,
    description: 'The member the consequence applies to (问责对象)',
  })
  member(@Ctx() ctx: Context, @Root() inspection: InspectionNode): Promise<TeamMemberNode | null> | null {
    return inspection.memberKey ? memberService.byKey(ctx, inspection.memberKey) : null;
  }
}
