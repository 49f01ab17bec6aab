import type { FeatureModule } from '../feature-module';
import { PostAgreementResolver, PostCheckResolver, WelfarePostResolver } from './post.resolver';
import { postService } from './post.service';
import { Migration20261130020300_posts } from './migrations/Migration20261130020300_posts';

/**
 * Public-welfare posts and forest rangers (公益岗位与生态护林员): posts set as needed, holders hired
 * with priority for 脱贫不稳定户 and 边缘易致贫户, checks, and the ranger fee rule to the fen.
 */
export const postsModule: FeatureModule = {
  name: 'posts',
  resolvers: [WelfarePostResolver, PostAgreementResolver, PostCheckResolver],
  migrations: [{ name: 'Migration20261130020300_posts', class: Migration20261130020300_posts }],
  nodeTypes: [
    { typeName: 'WelfarePost', fetch: (ctx, key) => postService.postByKey(ctx, key) },
    { typeName: 'PostAgreement', fetch: (ctx, key) => postService.agreementByKey(ctx, key) },
    { typeName: 'PostCheck', fetch: (ctx, key) => postService.checkByKey(ctx, key) },
  ],
  constraints: [
    {
      constraint: 'post_agreement_one_in_force',
      message: 'The post already has a holder under an agreement in force',
      fields: ['postId'],
    },
    {
      constraint: 'post_check_one_per_day',
      message: 'The holder has already been checked that day',
      fields: ['checkedOn'],
    },
  ],
};
