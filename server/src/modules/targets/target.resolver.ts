import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context';
import { RegionNode } from '../regions/region.types';
import { VillageNode } from '../villages/village.types';
import { targetService } from './target.service';
import { CountyTargetAttainment, RegionSummary, TargetProgress } from './target.types';

const AS_OF =
  'judged as at the end of `year` (default and latest: the current year in Asia/Shanghai); a target is due once its due year has ended';

/** Target progress on villages. */
@Resolver(() => VillageNode)
export class VillageTargetsResolver {
  @FieldResolver(() => [TargetProgress], {
    description: `Progress toward each policy target that applies to the village, ${AS_OF} (目标进度)`,
  })
  targetProgress(
    @Ctx() ctx: Context,
    @Root() village: VillageNode,
    @Arg('year', () => Int, {
      nullable: true,
      description: 'Calendar year to judge at (年度); a later year is treated as the current one',
    })
    year?: number,
  ): Promise<TargetProgress[]> {
    return targetService.progress(ctx, village.code, year);
  }
}

/** County targets on regions. */
@Resolver(() => RegionNode)
export class RegionTargetsResolver {
  @FieldResolver(() => [TargetProgress], {
    description: `Progress of a county toward each county-level policy target, e.g. the 12% share of transition funds for key-assisted villages, ${AS_OF}; empty for other levels and for counties without a key-assisted village you may see (县级目标进度)`,
  })
  targetProgress(
    @Ctx() ctx: Context,
    @Root() region: RegionNode,
    @Arg('year', () => Int, {
      nullable: true,
      description: 'Calendar year to judge at (年度); a later year is treated as the current one',
    })
    year?: number,
  ): Promise<TargetProgress[]> | TargetProgress[] {
    return region.level === 'COUNTY' ? targetService.countyProgress(ctx, region.code, year) : [];
  }
}

@Resolver(() => RegionSummary)
export class RegionSummaryResolver {
  @FieldResolver(() => [CountyTargetAttainment], {
    description:
      'Per county-level target, how the counties inside the region stand (县级目标达成情况), judged as at the summary year',
  })
  countyTargets(@Ctx() ctx: Context, @Root() summary: RegionSummary): Promise<CountyTargetAttainment[]> {
    return targetService.countyTargets(ctx, summary);
  }
}
