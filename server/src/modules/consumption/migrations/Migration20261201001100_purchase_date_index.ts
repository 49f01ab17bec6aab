import { Migration } from '@mikro-orm/migrations';

/**
 * Drops `purchase_date_idx` (purchase date, covering totals, village, buyer and channel), kept
 * for year-wide statistics over the ledger. Those are answered from the monthly rollups now, and
 * on the scale data (a million purchases) the planner chose it for none of the questions that
 * still read the ledger (`pg_stat_user_indexes`: zero scans through `npm run bench:stats`, which
 * asks each one from the ledger too): the village, buyer and list indexes serve them. Every
 * recorded or imported purchase paid for it: the widest of the seven indexes on the table.
 */
export class Migration20261201001100_purchase_date_index extends Migration {
  override async up(): Promise<void> {
    this.addSql('drop index purchase_date_idx;');
  }

  override async down(): Promise<void> {
    this.addSql(
      "create index purchase_date_idx on purchase (purchased_on) include (total_amount, line_count, origin_village_code, buyer_id, channel) where status <> 'VOIDED';",
    );
  }
}
