import { registerEnumType } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { appendEvent } from '../../core/events/event-store';
import type { MonitoringAction, MonitoringCaseStatus } from './monitoring.enums';

/** A monitoring case changed (see `monitoringCaseChanged`). */
export const MONITORING_CASE_CHANGED = 'monitoringCaseChanged';

export enum MonitoringChange {
  STEP = 'STEP',
  PLAN = 'PLAN',
  MEASURE = 'MEASURE',
  VISIT = 'VISIT',
}

registerEnumType(MonitoringChange, {
  name: 'MonitoringChange',
  description: 'What changed in a monitoring case (监测动态)',
  valuesConfig: {
    STEP: { description: 'A workflow step: reported, reviewed, noticed, confirmed, eliminated … (流程环节)' },
    PLAN: { description: 'The plan or its responsible person (帮扶计划/结对责任人)' },
    MEASURE: { description: 'A measure was added (帮扶措施)' },
    VISIT: { description: 'A follow-up visit was recorded (跟踪回访)' },
  },
});

export interface MonitoringCaseEvent {
  change: MonitoringChange;
  caseId: string;
  householdId: string;
  villageCode: string;
  action: MonitoringAction | null;
  from: MonitoringCaseStatus | null;
  to: MonitoringCaseStatus;
  /** The pairing unit of the household, so `filter.providerId` can follow it. */
  responsibleUnitId: string | null;
}

/**
 * Writes the event in the transaction of the change. It names ids only, never personal data:
 * subscribers resolve the case through the scoped loaders, and the receive rule decides again
 * for every event who gets it (monitoringCasePolicy.receives).
 */
export async function appendMonitoringEvent(em: EntityManager, event: MonitoringCaseEvent): Promise<void> {
  await appendEvent(em, {
    topic: MONITORING_CASE_CHANGED,
    regionCode: event.villageCode,
    partyIds: event.responsibleUnitId ? [event.responsibleUnitId] : [],
    partnerAccess: 'PARTIES',
    payload: {
      change: event.change,
      caseId: event.caseId,
      householdId: event.householdId,
      action: event.action,
      from: event.from,
      to: event.to,
    },
  });
}
