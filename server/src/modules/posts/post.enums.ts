import { registerEnumType } from 'type-graphql';

export enum PostKind {
  FOREST_RANGER = 'FOREST_RANGER',
  SANITATION = 'SANITATION',
  ROAD_UPKEEP = 'ROAD_UPKEEP',
  WATER_UPKEEP = 'WATER_UPKEEP',
  OTHER = 'OTHER',
}

registerEnumType(PostKind, {
  name: 'PostKind',
  description: 'Kind of public-welfare post (公益岗位类别)',
  valuesConfig: {
    FOREST_RANGER: {
      description:
        'Ecological forest ranger (生态护林员); the fee rule of the ranger agreement applies (003_6038825323505164.txt 第三篇)',
    },
    SANITATION: { description: 'Village cleaner (保洁员)' },
    ROAD_UPKEEP: { description: 'Road upkeep (道路养护员)' },
    WATER_UPKEEP: { description: 'Water-works upkeep (水利设施管护员)' },
    OTHER: { description: 'Other public-welfare post (其他公益岗位)' },
  },
});

export enum HolderCategory {
  UNSTABLE_LIFTED = 'UNSTABLE_LIFTED',
  MARGINAL = 'MARGINAL',
  SUDDEN_HARDSHIP = 'SUDDEN_HARDSHIP',
  LIFTED = 'LIFTED',
  OTHER = 'OTHER',
}

registerEnumType(HolderCategory, {
  name: 'HolderCategory',
  description: 'Household category of a post holder (岗位人员户类别)',
  valuesConfig: {
    UNSTABLE_LIFTED: { description: 'Lifted out of poverty but unstable (脱贫不稳定户); hired first' },
    MARGINAL: { description: 'Marginal, easily falling into poverty (边缘易致贫户); hired first' },
    SUDDEN_HARDSHIP: { description: 'Sudden severe hardship (突发严重困难户)' },
    LIFTED: { description: 'Lifted out of poverty (脱贫户)' },
    OTHER: { description: 'Other (其他)' },
  },
});

/**
 * Hired first: "优先保障脱贫不稳定户、边缘易致贫户实现就业" (`004_44e68c292b71f99b.txt` (六)). Hiring anyone
 * else needs a reason on record.
 */
export const PRIORITY_CATEGORIES: readonly HolderCategory[] = [HolderCategory.UNSTABLE_LIFTED, HolderCategory.MARGINAL];

export enum AgreementStatus {
  ACTIVE = 'ACTIVE',
  TERMINATION_PROPOSED = 'TERMINATION_PROPOSED',
  TERMINATED = 'TERMINATED',
  EXITED = 'EXITED',
}

registerEnumType(AgreementStatus, {
  name: 'AgreementStatus',
  description: 'Post agreement status (协议状态)',
  valuesConfig: {
    ACTIVE: { description: 'In force (在岗)' },
    TERMINATION_PROPOSED: {
      description:
        'Termination proposed after a third absence in a month (三次不在岗可立即终止); the holder is still on post',
    },
    TERMINATED: { description: 'Terminated under the agreement (已解除)' },
    EXITED: { description: 'Left the post in an orderly way (有序退岗)' },
  },
});

export enum AgreementEndReason {
  THREE_ABSENCES = 'THREE_ABSENCES',
  FOREST_FIRE = 'FOREST_FIRE',
  ORDERLY_EXIT = 'ORDERLY_EXIT',
}

registerEnumType(AgreementEndReason, {
  name: 'AgreementEndReason',
  description: 'Why an agreement ended (终止原因)',
  valuesConfig: {
    THREE_ABSENCES: { description: 'Three absences found at checks in one month (三次不在岗)' },
    FOREST_FIRE: {
      description: 'A forest fire of 15 mu or more through neglect (管护不力造成较大森林火灾, 15亩以上): ends at once',
    },
    ORDERLY_EXIT: { description: 'Orderly exit (有序退岗): term, the holder’s wish, or the post no longer needed' },
  },
});
