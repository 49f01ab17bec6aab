import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context';
import { PageArgs, type ConnectionData } from '../../core/relay/connection';
import { DecimalScalar } from '../../core/scalars';
import { RegionNode } from '../regions/region.types';
import { regionService } from '../regions/region.service';
import { ProviderNode } from '../providers/provider.types';
import { providerService } from '../providers/provider.service';
import { fromFen, toFen } from '../consumption/decimal';
import { fundAllocationPolicy } from './fund-allocation.policy';
import { fundService } from './fund.service';
import {
  DeadlinesType,
  FundAllocationConnection,
  FundAllocationFilter,
  FundAllocationNode,
  FundShareType,
} from './fund.types';
import { ProjectPaymentConnection, type ProjectPaymentNode } from './project.types';
import { FundAllocationPayload, RecordFundAllocationInput, RecordFundsInPlaceInput } from './fund.inputs';

@Resolver(() => FundAllocationNode)
export class FundAllocationResolver {
  @Authorized(fundAllocationPolicy.roles.read)
  @Query(() => FundAllocationConnection, {
    description: 'Fund allocations you may see (资金下达列表), newest year first',
  })
  fundAllocations(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('filter', () => FundAllocationFilter, {
      nullable: true,
      description: 'Conditions every allocation listed must meet',
    })
    filter?: FundAllocationFilter,
  ): Promise<ConnectionData<FundAllocationNode>> {
    return fundService.list(ctx, filter, page);
  }

  @Authorized(fundAllocationPolicy.roles.summarise)
  @Query(() => FundShareType, {
    description: 'The 12% rule for a county and year (重点帮扶村衔接资金占比, 003_6038825323505164.txt 第四篇)',
  })
  fundShare(
    @Ctx() ctx: Context,
    @Arg('regionCode', { description: 'The county (12-digit code or prefix)' }) regionCode: string,
    @Arg('year', () => Int, { description: 'Budget year (资金年度), 2000–2100' }) year: number,
  ): Promise<FundShareType> {
    return fundService.fundShare(ctx, regionCode, year);
  }

  @Authorized(fundAllocationPolicy.roles.summarise)
  @Query(() => DeadlinesType, {
    description:
      'Funds not in place and projects not started by 30 April, and the city’s year-on-year level (4月底时限, 002_d5d8c2fb670d631c.txt 九)',
  })
  deadlines(
    @Ctx() ctx: Context,
    @Arg('regionCode', { description: 'A county, city or province (12-digit code or prefix)' }) regionCode: string,
    @Arg('year', () => Int, { description: 'Year whose April deadlines to check (年度), 2000–2100' }) year: number,
  ): Promise<DeadlinesType> {
    return fundService.deadlines(ctx, regionCode, year);
  }

  @Authorized(fundAllocationPolicy.roles.write)
  @Mutation(() => FundAllocationPayload, { description: 'Record funds allocated to a county (登记资金下达)' })
  async recordFundAllocation(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'County, year, source and amount' }) input: RecordFundAllocationInput,
  ): Promise<FundAllocationPayload> {
    return { allocation: await fundService.record(ctx, input) };
  }

  @Authorized(fundAllocationPolicy.roles.write)
  @Mutation(() => FundAllocationPayload, { description: 'Record the date an allocation was in place (登记资金到位)' })
  async recordFundsInPlace(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The allocation and the day it was in place' }) input: RecordFundsInPlaceInput,
  ): Promise<FundAllocationPayload> {
    return { allocation: await fundService.recordInPlace(ctx, input) };
  }

  @FieldResolver(() => RegionNode, { nullable: true, description: 'The county (县); null when outside your scope' })
  county(@Ctx() ctx: Context, @Root() allocation: FundAllocationNode): Promise<RegionNode | null> {
    return regionService.byKey(ctx, allocation.countyCode);
  }

  @FieldResolver(() => ProviderNode, {
    nullable: true,
    description: 'Whose money it is, for partner funds (出资方); null for fiscal funds or outside your scope',
  })
  provider(@Ctx() ctx: Context, @Root() allocation: FundAllocationNode): Promise<ProviderNode | null> | null {
    return allocation.providerId ? providerService.byKey(ctx, allocation.providerId) : null;
  }

  @FieldResolver(() => DecimalScalar, { description: 'Paid to projects so far, yuan (已拨付, 元)' })
  paidAmount(@Ctx() ctx: Context, @Root() allocation: FundAllocationNode): Promise<string> {
    return fundService.paid(ctx, allocation.uuid);
  }

  @FieldResolver(() => DecimalScalar, { description: 'Not yet paid to projects, yuan (结余, 元)' })
  async remainingAmount(@Ctx() ctx: Context, @Root() allocation: FundAllocationNode): Promise<string> {
    return fromFen(toFen(allocation.amount) - toFen(await fundService.paid(ctx, allocation.uuid)));
  }

  @FieldResolver(() => ProjectPaymentConnection, { description: 'Payments from this allocation (拨付记录), by date' })
  payments(
    @Ctx() ctx: Context,
    @Root() allocation: FundAllocationNode,
    @Args() page: PageArgs,
  ): Promise<ConnectionData<ProjectPaymentNode>> {
    return fundService.payments(ctx, allocation.uuid, page);
  }
}
