import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { IsOptional, Length } from 'class-validator';
import { DateScalar, DecimalScalar } from '../../core/scalars';
import { AgreementEndReason, HolderCategory, PostKind } from './post.enums';
import { PostAgreementNode, PostCheckNode, WelfarePostNode } from './post.types';

@InputType({ description: 'Set a public-welfare post in a village (按需设岗)' })
export class CreateWelfarePostInput {
  @Field(() => ID, { description: 'Village id (设岗村); a region official’s must be in its region' })
  villageId: string;

  @Field(() => PostKind, { description: 'Kind of post (岗位类别)' })
  kind: PostKind;

  @Field({ description: 'Title (岗位名称)' })
  @Length(1, 200, { message: 'title must be 1 to 200 characters' })
  title: string;

  @Field({ nullable: true, description: 'Duties (岗位职责)' })
  @IsOptional()
  @Length(1, 2000, { message: 'duties must be 1 to 2000 characters' })
  duties?: string;

  @Field(() => DateScalar, { description: 'Date set, not in the future' })
  setOn: string;
}

@InputType({ description: 'Hire a holder for a post (以岗聘任)' })
export class SignPostAgreementInput {
  @Field(() => ID, { description: 'Post id (公益岗位)' })
  postId: string;

  @Field({ description: 'Holder (乙方姓名)' })
  @Length(1, 100, { message: 'holderName must be 1 to 100 characters' })
  holderName: string;

  @Field(() => HolderCategory, {
    description: 'Household category of the holder (聘用对象类别); 脱贫不稳定户 and 边缘易致贫户 come first',
  })
  holderCategory: HolderCategory;

  @Field({
    nullable: true,
    description: 'Required when the holder is not 脱贫不稳定户 or 边缘易致贫户: why no priority household was hired',
  })
  @IsOptional()
  @Length(1, 500, { message: 'priorityWaiverReason must be 1 to 500 characters' })
  priorityWaiverReason?: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Area managed, mu, more than 0; required for rangers' })
  @IsOptional()
  areaMu?: string;

  @Field({ nullable: true, description: 'Bounds (四至界限)' })
  @IsOptional()
  @Length(1, 500, { message: 'bounds must be 1 to 500 characters' })
  bounds?: string;

  @Field(() => DateScalar, { description: 'First day: the first of a month' })
  startsOn: string;

  @Field(() => DateScalar, { description: 'Last day: the last of a month, after startsOn' })
  endsOn: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Annual fee, yuan; rangers default to 10000 (10000元/年), other posts must give it',
  })
  @IsOptional()
  annualFee?: string;
}

@InputType({ description: 'A check of a post holder (检查考核)' })
export class RecordPostCheckInput {
  @Field(() => ID, { description: 'Agreement id (聘任协议)' })
  agreementId: string;

  @Field(() => DateScalar, { description: 'Date checked: inside the agreement, not in the future; one check a day' })
  checkedOn: string;

  @Field({ description: 'Found on post (在岗)' })
  onPost: boolean;

  @Field(() => DecimalScalar, { nullable: true, description: 'Area of a forest fire found, mu, at most 2 decimals' })
  @IsOptional()
  fireAreaMu?: string;

  @Field({ nullable: true, description: 'The fire came of the holder’s neglect or late report; needs fireAreaMu' })
  @IsOptional()
  fireThroughNeglect?: boolean;

  @Field({ nullable: true, description: 'What the check found (检查情况), up to 1000 characters' })
  @IsOptional()
  @Length(1, 1000, { message: 'note must be 1 to 1000 characters' })
  note?: string;
}

@InputType({
  description:
    'End an agreement: THREE_ABSENCES confirms a proposed termination; ORDERLY_EXIT is an orderly exit (有序退岗) at any time',
})
export class EndPostAgreementInput {
  @Field(() => ID, { description: 'Agreement id (聘任协议); one still in force' })
  agreementId: string;

  @Field(() => AgreementEndReason, {
    description: 'THREE_ABSENCES or ORDERLY_EXIT (fires end agreements by themselves)',
  })
  reason: AgreementEndReason;

  @Field(() => DateScalar, { description: 'Last day on post: inside the agreement, not in the future' })
  endedOn: string;

  @Field({ nullable: true, description: 'Remarks (备注), up to 1000 characters' })
  @IsOptional()
  @Length(1, 1000, { message: 'note must be 1 to 1000 characters' })
  note?: string;
}

@InputType({ description: 'Keep a holder after a proposed termination (可立即终止: the agreement may, not must, end)' })
export class KeepPostAgreementInput {
  @Field(() => ID, { description: 'Agreement id (聘任协议) with a proposed termination' })
  agreementId: string;
}

@ObjectType({ description: 'Result of createWelfarePost (按需设岗)' })
export class WelfarePostPayload {
  @Field(() => WelfarePostNode, { description: 'The post as stored' })
  post: WelfarePostNode;
}

@ObjectType({ description: 'Result of signing, ending or keeping an agreement (聘任协议)' })
export class PostAgreementPayload {
  @Field(() => PostAgreementNode, { description: 'The agreement as it stands after the change' })
  agreement: PostAgreementNode;
}

@ObjectType({ description: 'Result of recordPostCheck (检查考核)' })
export class PostCheckPayload {
  @Field(() => PostCheckNode, { description: 'The check recorded, with any deduction' })
  check: PostCheckNode;

  @Field(() => PostAgreementNode, {
    description: 'The agreement after the check (a termination may be proposed or done)',
  })
  agreement: PostAgreementNode;
}
