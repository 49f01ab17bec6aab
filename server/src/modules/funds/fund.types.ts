import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Node } from '../../core/relay/node';
import { ConnectionType } from '../../core/relay/connection';
import { DateScalar, DecimalScalar } from '../../core/scalars';
import { FundSource } from './funds.enums';
import { ProjectNode } from './project.types';

@ObjectType('FundAllocation', {
  implements: Node,
  description: 'Funds allocated from one source to a county for a year (资金下达), with the date they were in place',
})
export class FundAllocationNode extends Node {
  @Field(() => Int, { description: 'Budget year (资金年度)' })
  year: number;

  @Field(() => FundSource, { description: 'Source (资金来源)' })
  source: FundSource;

  @Field(() => DecimalScalar, { description: 'Amount, yuan (金额, 元)' })
  amount: string;

  @Field(() => String, { nullable: true, description: 'Document number of the allocation (文号)' })
  documentNumber: string | null;

  @Field(() => DateScalar, { description: 'Date allocated (下达日期)' })
  allocatedOn: string;

  @Field(() => DateScalar, { nullable: true, description: 'Date the money was in place (到位日期); null while not' })
  inPlaceOn: string | null;

  @Field({
    description:
      'In place by 30 April of its year (4月底前到位, 002_d5d8c2fb670d631c.txt 九): in place on 30 April counts, on 1 May does not',
  })
  inPlaceByDeadline: boolean;

  @Field(() => String, { nullable: true, description: 'Note (备注)' })
  note: string | null;

  uuid: string;
  countyCode: string;
  providerId: string | null;
}

@ObjectType('FundAllocationConnection', { description: 'A page of fund allocations (资金下达)' })
export class FundAllocationConnection extends ConnectionType(FundAllocationNode, 'FundAllocation') {}

@ObjectType('FundShare', {
  description:
    'The 12% rule for a county and year (重点帮扶村资金占比): 财政衔接推进乡村振兴补助资金每年不低于12%用于重点帮扶村, 2021–2025 (003_6038825323505164.txt 第四篇 一、(三)). ' +
    'Counted on payments: the year’s fiscal transition funds paid to projects serving only key-assisted villages, over the year’s fiscal transition funds allocated to the county.',
})
export class FundShareType {
  @Field({ description: 'County code (县级区划代码)' })
  regionCode: string;

  @Field(() => Int, { description: 'Budget year (资金年度)' })
  year: number;

  @Field(() => DecimalScalar, {
    description:
      'The year’s fiscal transition funds allocated to the county (central, provincial, city, county), yuan (衔接资金总额)',
  })
  total: string;

  @Field(() => DecimalScalar, {
    description:
      'Of those, paid to projects that serve only key-assisted villages, yuan (用于重点帮扶村的资金); a project also serving other villages does not count',
  })
  keyVillages: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'keyVillages / total in percent, truncated to 2 decimals (占比, %); null without funds',
  })
  share: string | null;

  @Field(() => DecimalScalar, { description: 'The minimum share, percent (12)' })
  thresholdPercent: string;

  @Field({ description: 'Whether the year lies in the transition period 2021–2025 the rule covers (过渡期)' })
  ruleApplies: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'keyVillages ≥ 12% of total, compared exactly (达标): exactly 12% meets it, 11.99% does not; null without funds or outside 2021–2025',
  })
  met: boolean | null;
}

@ObjectType('CityFundLevel', {
  description:
    'City fiscal transition funds against last year (市级财政衔接资金不低于上年度水平, 002_d5d8c2fb670d631c.txt 九), over the allocations you may see in the region',
})
export class CityFundLevelType {
  @Field(() => Int, { description: 'Year compared with the year before (年度)' })
  year: number;

  @Field(() => DecimalScalar, { description: 'City transition funds allocated this year, yuan (本年度)' })
  amount: string;

  @Field(() => DecimalScalar, { description: 'The same for the year before, yuan (上年度)' })
  previousAmount: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'amount ≥ previousAmount (不低于上年度水平); null when neither year has city funds',
  })
  notBelowLastYear: boolean | null;
}

@ObjectType('Deadlines', {
  description:
    'The April deadlines of a year (4月底): 市县两级预算资金要全部落实到位 and 项目要全部开工 (002_d5d8c2fb670d631c.txt 九). Before the deadline the items listed are at risk, after it they missed it.',
})
export class DeadlinesType {
  @Field({ description: 'Region code (county or city)' })
  regionCode: string;

  @Field(() => Int, { description: 'Year whose April deadlines these are (年度)' })
  year: number;

  @Field(() => DateScalar, { description: 'The deadline: 30 April of the year (截止日期)' })
  deadline: string;

  @Field({ description: 'Whether the deadline has passed (today in Asia/Shanghai is after it)' })
  passed: boolean;

  @Field(() => [FundAllocationNode], {
    description:
      'City and county budget funds of the year not in place by the deadline, oldest allocation first, at most 100 (未按期到位资金)',
  })
  fundsNotInPlace: FundAllocationNode[];

  @Field(() => Int, { description: 'How many such allocations in all' })
  fundsNotInPlaceCount: number;

  @Field(() => DecimalScalar, { description: 'Their total, yuan' })
  fundsNotInPlaceAmount: string;

  @Field(() => [ProjectNode], {
    description:
      'Projects of the year (not cancelled) without a start by the deadline, earliest planned start first, at most 100 (未按期开工项目)',
  })
  projectsNotStarted: ProjectNode[];

  @Field(() => Int, { description: 'How many such projects in all' })
  projectsNotStartedCount: number;

  @Field(() => CityFundLevelType, { description: 'The city’s year-on-year level (市级资金同比)' })
  cityFunds: CityFundLevelType;
}

@InputType({ description: 'Fund allocation filter; all given conditions must hold (资金筛选)' })
export class FundAllocationFilter {
  @Field({ nullable: true, description: 'Allocations to a county inside this region (12-digit code or prefix)' })
  @IsOptional()
  regionCode?: string;

  @Field(() => Int, { nullable: true, description: 'Only allocations of this budget year (资金年度)' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @Field(() => FundSource, { nullable: true, description: 'Only money from this source (资金来源)' })
  @IsOptional()
  source?: FundSource;

  @Field(() => ID, { nullable: true, description: 'Allocations of this provider’s money' })
  @IsOptional()
  providerId?: string;

  @Field({ nullable: true, description: 'true: in place; false: not yet in place' })
  @IsOptional()
  inPlace?: boolean;
}
