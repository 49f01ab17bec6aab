import { Field, InputType, ObjectType } from 'type-graphql';
import { IsBoolean, IsOptional, Length, Matches } from 'class-validator';
import { KeyAssistedCountyLevel } from './region.entity';
import { RegionNode } from './region.types';

@InputType({ description: 'A new region; its level and parent follow from the code' })
export class CreateRegionInput {
  @Field({ description: '12-digit statistical code; the parent region must exist' })
  @Matches(/^\d{12}$/, { message: 'code must be 12 digits' })
  code: string;

  @Field({ description: 'Name (名称)' })
  @Length(1, 100, { message: 'name must be 1 to 100 characters' })
  name: string;

  @Field({ nullable: true, description: 'Former poverty county (脱贫县); counties only' })
  @IsOptional()
  @IsBoolean()
  formerPovertyCounty?: boolean;

  @Field(() => KeyAssistedCountyLevel, { nullable: true, description: 'Key-assisted county level; counties only' })
  @IsOptional()
  keyAssistedCounty?: KeyAssistedCountyLevel;
}

@ObjectType({ description: 'Result of createRegion (新增区划)' })
export class CreateRegionPayload {
  @Field(() => RegionNode, { description: 'The region as stored, with its level and parent derived from the code' })
  region: RegionNode;
}
