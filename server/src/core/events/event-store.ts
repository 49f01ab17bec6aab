import type { EntityManager } from '@mikro-orm/postgresql';
import type { Knex } from '@mikro-orm/knex';
import { knexOf, query } from '../sql';

/**
 * A topic a subscriber can follow; each maps to one GraphQL subscription field. Modules declare
 * their topics in their descriptors (see TopicRegistry): core names none of them.
 */
export type Topic = string;

export interface NewEvent {
  topic: Topic;
  regionCode: string;
  partyIds?: string[];
  /**
   * Which partners (enterprises, assistance units) may receive it: only the parties named in
   * `partyIds`, or also partners assigned to the village `regionCode` names.
   */
  partnerAccess: 'PARTIES' | 'ASSIGNED_VILLAGE';
  payload: Record<string, unknown>;
}

export interface StoredEvent extends Required<NewEvent> {
  cursor: string;
  createdAt: Date;
}

/**
 * Lock key serialising event writers. Holding it from the insert until commit makes cursor order
 * equal commit order, so a reader that has seen cursor N can never later find a committed event
 * below N: "everything after my cursor" is then gap-free for resuming subscribers.
 */
const EVENT_ORDER_LOCK = 4021708;

/**
 * Writes an event inside the caller's open transaction; call it as the last write before commit
 * (the order lock is held until then). A rolled-back change therefore sends nothing.
 */
export async function appendEvent(em: EntityManager, event: NewEvent): Promise<void> {
  await appendEvents(knexOf(em), [event], em.isInTransaction());
}

/** Several events in one statement (bulk imports); same transaction rule as `appendEvent`. */
export async function appendEvents(db: Knex, events: NewEvent[], inTransaction = true): Promise<void> {
  if (!inTransaction || !(db as Knex.Transaction).isTransaction)
    throw new Error('events must be written inside the transaction of the change');
  if (!events.length) return;
  await db.raw('SELECT pg_advisory_xact_lock(?)', [EVENT_ORDER_LOCK]);
  // Column arrays through unnest: five bound parameters whatever the number of events.
  await db.raw(
    `INSERT INTO domain_event (topic, region_code, party_ids, partner_access, payload)
     SELECT topic, region_code, party_ids::uuid[], partner_access, payload::jsonb
     FROM unnest(?::text[], ?::varchar[], ?::text[], ?::text[], ?::text[]) AS e(topic, region_code, party_ids, partner_access, payload)`,
    [
      events.map((e) => e.topic),
      events.map((e) => e.regionCode),
      events.map((e) => `{${(e.partyIds ?? []).join(',')}}`),
      events.map((e) => e.partnerAccess),
      events.map((e) => JSON.stringify(e.payload)),
    ],
  );
}

interface EventRow {
  cursor: string;
  topic: Topic;
  region_code: string;
  party_ids: string[];
  partner_access: 'PARTIES' | 'ASSIGNED_VILLAGE';
  payload: Record<string, unknown>;
  /** A Date through MikroORM's driver, text where a raw pg client reads the row. */
  created_at: Date | string;
}

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    cursor: String(row.cursor),
    topic: row.topic,
    regionCode: row.region_code,
    partyIds: row.party_ids ?? [],
    partnerAccess: row.partner_access,
    payload: row.payload,
    createdAt: new Date(row.created_at),
  };
}

/** Events after a cursor, oldest first, optionally of some topics only. */
export async function readEventsAfter(
  em: EntityManager,
  after: string,
  limit: number,
  topics?: Topic[],
): Promise<StoredEvent[]> {
  const topicFilter = topics?.length ? `AND topic IN (${topics.map(() => '?').join(', ')})` : '';
  const rows = await query<EventRow>(
    em,
    `SELECT cursor, topic, region_code, party_ids, partner_access, payload, created_at FROM domain_event
     WHERE cursor > ? ${topicFilter} ORDER BY cursor LIMIT ${Number(limit)}`,
    [after, ...(topics ?? [])],
  );
  return rows.map(toStoredEvent);
}

export async function latestCursor(em: EntityManager): Promise<string> {
  const [row] = await query<{ cursor: string | null }>(em, 'SELECT max(cursor)::text AS cursor FROM domain_event');
  return row.cursor ?? '0';
}
