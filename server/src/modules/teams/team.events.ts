import { registerEnumType } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { appendEvent } from '../../core/events/event-store';
import { query } from '../../core/sql';

/** Something happened in a resident team (see `teamEvent`). */
export const TEAM_EVENT = 'teamEvent';

export enum TeamEventKind {
  ROTATION = 'ROTATION',
  RECALL = 'RECALL',
  INSPECTION_CONSEQUENCE = 'INSPECTION_CONSEQUENCE',
  WEEK_SHORT = 'WEEK_SHORT',
}

registerEnumType(TeamEventKind, {
  name: 'TeamEventKind',
  description: 'What happened in a resident team (驻村工作队动态)',
  valuesConfig: {
    ROTATION: { description: 'A member rotated out and another in (轮换)' },
    RECALL: { description: 'A member was recalled after an inspection (召回)' },
    INSPECTION_CONSEQUENCE: { description: 'An inspection ended in a public notice or an admonition talk (通报/约谈)' },
    WEEK_SHORT: { description: 'A finished week fell short of 五天四夜 for a member (未达五天四夜)' },
  },
});

export interface TeamEventPayload {
  kind: TeamEventKind;
  teamId: string;
  memberId: string | null;
  inspectionId?: string | null;
  weekStart?: string | null;
  outgoingMemberId?: string | null;
}

/**
 * Writes a team event in the transaction of the change. Region roles of the village see it, and
 * so do the units that dispatched the team; enterprises never (personal data).
 */
export async function appendTeamEvent(em: EntityManager, payload: TeamEventPayload): Promise<void> {
  const [team] = await query<{ village_code: string; units: string[] }>(
    em,
    `SELECT t.village_code, coalesce(array_agg(u.unit_id::text) FILTER (WHERE u.unit_id IS NOT NULL), '{}') AS units
     FROM resident_team t LEFT JOIN resident_team_unit u ON u.team_id = t.id WHERE t.id = ? GROUP BY t.village_code`,
    [payload.teamId],
  );
  await appendEvent(em, {
    topic: TEAM_EVENT,
    regionCode: team.village_code,
    partyIds: team.units,
    partnerAccess: 'PARTIES',
    payload: { ...payload },
  });
}
