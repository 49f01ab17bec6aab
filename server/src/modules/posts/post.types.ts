import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { IsOptional } from 'class-validator';
import { Node } from '../../core/relay/node';
import { ConnectionType } from '../../core/relay/connection';
import { DateScalar, DecimalScalar } from '../../core/scalars';
import { AgreementEndReason, AgreementStatus, HolderCategory, PostKind } from './post.enums';

@ObjectType('WelfarePost', {
  implements: Node,
  description:
    'A public-welfare post set as needed in a village (公益岗位): 按需设岗、以岗聘任、在岗领补、有序退岗 (004_44e68c292b71f99b.txt (六), 000_ed3d1c40eab019cc.txt)',
})
export class WelfarePostNode extends Node {
  @Field(() => PostKind, { description: 'Kind of post (岗位类别)' })
  kind: PostKind;

  @Field({ description: 'Title (岗位名称)' })
  title: string;

  @Field(() => String, { nullable: true, description: 'Duties (岗位职责)' })
  duties: string | null;

  @Field(() => DateScalar, { description: 'Date set (设岗日期)' })
  setOn: string;

  uuid: string;
  villageCode: string;
}

@ObjectType('WelfarePostConnection', { description: 'A page of public-welfare posts (公益岗位)' })
export class WelfarePostConnection extends ConnectionType(WelfarePostNode, 'WelfarePost') {}

@ObjectType('PostAgreement', {
  implements: Node,
  description:
    'An agreement with a post holder (公益岗位协议); for rangers the forest-management agreement of 003_6038825323505164.txt 第三篇',
})
export class PostAgreementNode extends Node {
  @Field({ description: 'Holder (乙方姓名)' })
  holderName: string;

  @Field(() => HolderCategory, { description: 'Holder’s household category (户类别)' })
  holderCategory: HolderCategory;

  @Field({
    description:
      'Whether the holder is of a category hired first (脱贫不稳定户、边缘易致贫户, 004_44e68c292b71f99b.txt (六))',
  })
  priorityHolder: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Why someone outside the priority categories was hired (未优先聘用说明)',
  })
  priorityWaiverReason: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Area managed, mu (管护面积, 亩); required for rangers' })
  areaMu: string | null;

  @Field(() => String, { nullable: true, description: 'Bounds of the area (四至界限)' })
  bounds: string | null;

  @Field(() => DateScalar, { description: 'First day (管护期起), the first of a month' })
  startsOn: string;

  @Field(() => DateScalar, { description: 'Last day (管护期止), the last of a month' })
  endsOn: string;

  @Field(() => DecimalScalar, { description: 'Annual fee, yuan (年补助费, 元); 10000 for rangers by default' })
  annualFee: string;

  @Field(() => AgreementStatus, { description: 'Status of the agreement (协议状态)' })
  status: AgreementStatus;

  @Field(() => DateScalar, { nullable: true, description: 'Date termination was proposed (拟解除日期)' })
  proposedOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date it ended (终止日期)' })
  endedOn: string | null;

  @Field(() => AgreementEndReason, { nullable: true, description: 'Why it ended (终止原因)' })
  endReason: AgreementEndReason | null;

  uuid: string;
  postId: string;
  postKind: PostKind;
  villageCode: string;
}

@ObjectType('PostAgreementConnection', { description: 'A page of post agreements (聘任协议)' })
export class PostAgreementConnection extends ConnectionType(PostAgreementNode, 'PostAgreement') {}

@ObjectType('PostCheck', {
  implements: Node,
  description: 'A check of a post holder (检查考核): on post or not, and any forest fire',
})
export class PostCheckNode extends Node {
  @Field(() => DateScalar, { description: 'Date checked (检查日期)' })
  checkedOn: string;

  @Field({ description: 'Found on post (在岗)' })
  onPost: boolean;

  @Field(() => DecimalScalar, { nullable: true, description: 'Area of a forest fire found, mu (火灾面积, 亩)' })
  fireAreaMu: string | null;

  @Field({ description: 'The fire came of the holder’s neglect or late report (管护不力、报告不及时)' })
  fireThroughNeglect: boolean;

  @Field(() => String, { nullable: true, description: 'What the check found (检查情况); null when nothing was noted' })
  note: string | null;

  agreementId: string;
}

@ObjectType('PostCheckConnection', { description: 'A page of checks of a post holder (检查记录)' })
export class PostCheckConnection extends ConnectionType(PostCheckNode, 'PostCheck') {}

@ObjectType('MonthlyPostFee', {
  description:
    'One month’s fee under an agreement (月度管护补助): for rangers 5% off for one absence, 10% for two or more, nothing after a fire of 15 mu or more through neglect; exact to the fen',
})
export class MonthlyPostFeeType {
  @Field({ description: 'Month, YYYY-MM' })
  month: string;

  @Field(() => Int, { description: 'Checks in the month (检查次数)' })
  checks: number;

  @Field(() => Int, { description: 'Checks that found the holder absent (不在岗次数)' })
  absences: number;

  @Field(() => DecimalScalar, {
    description: 'The month’s share of the annual fee: ⌊annual ÷ 12⌋, the first (annual mod 12) months one fen more',
  })
  base: string;

  @Field(() => Int, { description: 'Deduction in percent of the month’s fee: 0, 5, 10, or 100 when forfeited' })
  deductionPercent: number;

  @Field(() => DecimalScalar, { description: 'Deduction, rounded half up to the fen (扣减)' })
  deduction: string;

  @Field(() => DecimalScalar, { description: 'Payable: base minus deduction (应发)' })
  payable: string;

  @Field({ description: 'Forfeited by a fire of 15 mu or more through neglect (扣除当月管护费)' })
  forfeited: boolean;
}

@InputType({ description: 'Post filter; all given conditions must hold' })
export class WelfarePostFilter {
  @Field({ nullable: true, description: 'Posts in villages inside this region (12-digit code or prefix)' })
  @IsOptional()
  regionCode?: string;

  @Field(() => PostKind, { nullable: true, description: 'Only posts of this kind (岗位类别)' })
  @IsOptional()
  kind?: PostKind;
}

@InputType({ description: 'Agreement filter; all given conditions must hold' })
export class PostAgreementFilter {
  @Field({ nullable: true, description: 'Agreements for posts in villages inside this region' })
  @IsOptional()
  regionCode?: string;

  @Field(() => PostKind, { nullable: true, description: 'Only agreements for posts of this kind (岗位类别)' })
  @IsOptional()
  kind?: PostKind;

  @Field(() => AgreementStatus, { nullable: true, description: 'Only agreements in this status (协议状态)' })
  @IsOptional()
  status?: AgreementStatus;

  @Field(() => HolderCategory, { nullable: true, description: 'Only holders of this category (聘用对象类别)' })
  @IsOptional()
  holderCategory?: HolderCategory;
}
