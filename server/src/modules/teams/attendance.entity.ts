import { Entity, Enum, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';

export enum AttendanceKind {
  ON_SITE = 'ON_SITE',
  APPROVED_LEAVE = 'APPROVED_LEAVE',
}

registerEnumType(AttendanceKind, {
  name: 'AttendanceKind',
  description: 'Kind of attendance day (考勤类别)',
  valuesConfig: {
    ON_SITE: { description: 'A working day: presence by day (在村) and night (住村) as recorded' },
    APPROVED_LEAVE: { description: 'Approved leave (请假): away with permission; never counts as presence' },
  },
});

/** One day of one member (考勤); recording the same day again replaces it. */
@Entity({ tableName: 'attendance_day' })
export class AttendanceDay {
  @PrimaryKey({ type: 'uuid' }) memberId: string;
  @PrimaryKey({ type: 'date' }) date: string;
  @Enum({ items: () => AttendanceKind, type: 'text' }) kind: AttendanceKind;
  @Property({ type: 'boolean' }) presentByDay: boolean;
  @Property({ type: 'boolean' }) stayedNight: boolean;
  @Property({ type: 'text', nullable: true }) location: string | null = null;
  @Property({ type: 'text', nullable: true }) note: string | null = null;
  @Property({ type: 'text', nullable: true }) source: string | null = null;
  @Property({ type: 'Date', defaultRaw: 'now()' }) recordedAt: Opt<Date> = new Date();
}
