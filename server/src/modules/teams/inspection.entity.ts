import { Entity, Enum, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';

export enum InspectionItem {
  IDENTITY = 'IDENTITY',
  ARCHIVE = 'ARCHIVE',
  RESIDENCE = 'RESIDENCE',
  PLAN = 'PLAN',
  RESULTS = 'RESULTS',
}

registerEnumType(InspectionItem, {
  name: 'InspectionItem',
  description: 'The five checks of the 五查五看 inspection',
  valuesConfig: {
    IDENTITY: { description: '查身份: does the cadre meet the dispatch requirements (看符合不符合派驻要求)' },
    ARCHIVE: { description: '查档案: has the party membership been moved to the village (看党组织关系是否转到当地)' },
    RESIDENCE: { description: '查驻村: is the five-days-four-nights residence kept (看是否按“五天四夜”要求驻村)' },
    PLAN: { description: '查计划: is there an annual work plan fitted to the village (看是否制定年度帮扶工作计划)' },
    RESULTS: { description: '查落实: are policy outreach and work results visible (看工作落实成效明显不明显)' },
  },
});

export enum InspectionConsequence {
  NONE = 'NONE',
  NOTICE = 'NOTICE',
  TALK = 'TALK',
  RECALL = 'RECALL',
}

registerEnumType(InspectionConsequence, {
  name: 'InspectionConsequence',
  description: 'Accountability consequence of an inspection (问责措施)',
  valuesConfig: {
    NONE: { description: 'None (无)' },
    NOTICE: { description: 'Public notice of criticism (通报)' },
    TALK: { description: 'Admonition talk (约谈)' },
    RECALL: { description: 'Recall (召回): ends the named member’s duty on the inspection date' },
  },
});

@Entity({ tableName: 'team_inspection' })
export class TeamInspection {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id: Opt<string>;

  @Property({ type: 'uuid' }) teamId: string;
  @Property({ type: 'date' }) date: string;
  @Property({ type: 'text', nullable: true }) inspector: string | null = null;
  @Property({ type: 'boolean' }) identityPassed: boolean;
  @Property({ type: 'text', nullable: true }) identityNote: string | null = null;
  @Property({ type: 'boolean', nullable: true }) identityComputed: boolean | null = null;
  @Property({ type: 'text', nullable: true }) identityBasis: string | null = null;
  @Property({ type: 'boolean' }) archivePassed: boolean;
  @Property({ type: 'text', nullable: true }) archiveNote: string | null = null;
  @Property({ type: 'boolean', nullable: true }) archiveComputed: boolean | null = null;
  @Property({ type: 'text', nullable: true }) archiveBasis: string | null = null;
  @Property({ type: 'boolean' }) residencePassed: boolean;
  @Property({ type: 'text', nullable: true }) residenceNote: string | null = null;
  @Property({ type: 'boolean', nullable: true }) residenceComputed: boolean | null = null;
  @Property({ type: 'text', nullable: true }) residenceBasis: string | null = null;
  @Property({ type: 'boolean' }) planPassed: boolean;
  @Property({ type: 'text', nullable: true }) planNote: string | null = null;
  @Property({ type: 'boolean', nullable: true }) planComputed: boolean | null = null;
  @Property({ type: 'text', nullable: true }) planBasis: string | null = null;
  @Property({ type: 'boolean' }) resultsPassed: boolean;
  @Property({ type: 'text', nullable: true }) resultsNote: string | null = null;
  @Property({ type: 'boolean', nullable: true }) resultsComputed: boolean | null = null;
  @Property({ type: 'text', nullable: true }) resultsBasis: string | null = null;
  @Enum({ items: () => InspectionConsequence, type: 'text' }) consequence: InspectionConsequence;
  @Property({ type: 'uuid', nullable: true }) memberId: string | null = null;
  @Property({ type: 'text', nullable: true }) consequenceNote: string | null = null;
  @Property({ type: 'text', nullable: true }) source: string | null = null;
  @Property({ type: 'Date', defaultRaw: 'now()' }) createdAt: Opt<Date> = new Date();
}

/** Annual work plan of a team (年度帮扶工作计划), one per team and year. */
@Entity({ tableName: 'team_work_plan' })
export class TeamWorkPlan {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id: Opt<string>;

  @Property({ type: 'uuid' }) teamId: string;
  @Property({ type: 'integer' }) year: number;
  @Property({ type: 'text' }) content: string;
  @Property({ type: 'Date', defaultRaw: 'now()' }) submittedAt: Opt<Date> = new Date();
  @Property({ type: 'text', nullable: true }) source: string | null = null;
}

/**
 * Yearly assessment of a member (年度考核): points and stars computed with a rubric version from the
 * platform's data (attendance, inspections, work plan), the assessor's adjustment and its reason.
 */
@Entity({ tableName: 'team_member_assessment' })
export class TeamMemberAssessment {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id: Opt<string>;

  @Property({ type: 'uuid' }) memberId: string;
  @Property({ type: 'integer' }) year: number;
  @Property({ type: 'integer', nullable: true }) rubricVersion: number | null = null;
  @Property({ type: 'decimal', nullable: true }) attendancePoints: string | null = null;
  @Property({ type: 'decimal', nullable: true }) inspectionPoints: string | null = null;
  @Property({ type: 'decimal', nullable: true }) planPoints: string | null = null;
  @Property({ type: 'decimal', nullable: true }) computedPoints: string | null = null;
  @Property({ type: 'decimal' }) adjustment: string = '0';
  @Property({ type: 'text', nullable: true }) adjustmentReason: string | null = null;
  /** The score lines as computed: criterion, points, maximum and what they rest on. */
  @Property({ type: 'json', nullable: true }) basis: unknown = null;
  @Property({ type: 'integer' }) stars: number;
  @Property({ type: 'decimal' }) points: string;
  @Property({ type: 'text', nullable: true }) note: string | null = null;
  @Property({ type: 'text', nullable: true }) source: string | null = null;
  @Property({ type: 'Date', defaultRaw: 'now()' }) createdAt: Opt<Date> = new Date();
}
