import { Migration } from '@mikro-orm/migrations';

/**
 * The event outbox (事件表). Every change that live subscribers care about writes one row in
 * the same transaction as the change; the cursor is the order subscribers receive and resume by.
 */
export class Migration20261122000500_events extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table domain_event (
        cursor bigint generated always as identity primary key,
        topic text not null,
        -- The village or county the event is about: region roles see it when it lies in their prefix.
        region_code varchar(12) not null,
        -- Providers party to the event (buyer, paired provider, dispatching units).
        party_ids uuid[] not null default '{}',
        -- How partners may see it: only as a party, or also when the village is assigned to them.
        partner_access text not null constraint domain_event_partner_access check (partner_access in ('PARTIES', 'ASSIGNED_VILLAGE')),
        payload jsonb not null,
        created_at timestamptz not null default now()
      );
      create index domain_event_topic_cursor_idx on domain_event (topic, cursor);
    `);
  }

  override async down(): Promise<void> {
    this.addSql('drop table domain_event;');
  }
}
