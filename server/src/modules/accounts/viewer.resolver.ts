import { Authorized, Ctx, Field, FieldResolver, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context';
import { ALL_ROLES, Role, type Viewer } from '../../core/auth/viewer';
import { RegionNode } from '../regions/region.types';
import { regionService } from '../regions/region.service';
import { ProviderNode } from '../providers/provider.types';
import { providerService } from '../providers/provider.service';

@ObjectType('Viewer', { description: 'The signed-in account (当前账号)' })
export class ViewerType {
  @Field(() => Role, { description: 'Role (角色)' })
  role: Role;

  @Field(() => String, { nullable: true, description: 'Region code a region role is confined to' })
  regionCode: string | null;

  viewer: Viewer;
}

@Resolver(() => ViewerType)
export class ViewerResolver {
  @Authorized(ALL_ROLES)
  @Query(() => ViewerType, { description: 'Who you are and what you may see' })
  viewer(@Ctx() ctx: Context): ViewerType {
    return { role: ctx.viewer.role, regionCode: ctx.viewer.regionCode ?? null, viewer: ctx.viewer };
  }

  @FieldResolver(() => RegionNode, {
    nullable: true,
    description: 'The region a region role is confined to (管辖区域)',
  })
  region(@Ctx() ctx: Context, @Root() viewer: ViewerType): Promise<RegionNode | null> | null {
    return viewer.regionCode ? regionService.byKey(ctx, viewer.regionCode) : null;
  }

  @FieldResolver(() => ProviderNode, {
    nullable: true,
    description:
      'The enterprise or assistance unit a partner account acts for (帮扶主体), with its pairings and assigned villages; null for other roles',
  })
  provider(@Ctx() ctx: Context, @Root() viewer: ViewerType): Promise<ProviderNode | null> | null {
    // Only partner roles carry a provider id (see checkClaims).
    return viewer.viewer.providerId ? providerService.byKey(ctx, viewer.viewer.providerId.toLowerCase()) : null;
  }
}
