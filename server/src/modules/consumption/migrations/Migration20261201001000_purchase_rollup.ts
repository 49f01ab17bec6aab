import { Migration } from '@mikro-orm/migrations';

/**
 * Monthly rollups of the purchase ledger (消费帮扶统计汇总), so year-wide and county-wide
 * statistics read thousands of rows instead of a million.
 *
 * Two grains, because one fine enough for every question would have about as many rows as the
 * ledger itself (a village buys from few buyers a month):
 *
 * - `purchase_rollup_county`: month × county × channel × category;
 * - `purchase_rollup_buyer`: month × buyer × category.
 *
 * A row with a null category totals whole purchases (amount = purchase totals, purchase_count =
 * purchases, line_count = their lines); a row with a category totals that category's lines
 * (purchase_count = purchases holding at least one such line), exactly as the statistics count
 * over the raw tables. Voided purchases are not in them.
 *
 * They are kept by statement-level triggers over the transition tables of `purchase` and
 * `purchase_line`: each INSERT, UPDATE (a void) or DELETE statement aggregates the rows it
 * changed and applies one additive upsert per grain, in the same transaction, whoever writes
 * (recording, the bulk import, seeds, an operator's SQL). Additive `ON CONFLICT DO UPDATE`
 * serialises concurrent writers on the row without losing updates; every statement locks
 * rollup rows in one global order (whole-purchase rows before category rows, the county grain
 * before the buyer grain, each sorted by key) so concurrent writers cannot deadlock on them.
 * Purchase lines are immutable (a ledger voids and records again), which a trigger enforces.
 */
export class Migration20261201001000_purchase_rollup extends Migration {
  override async up(): Promise<void> {
    // The backfill reads the whole ledger: a million purchases take longer than the pool's
    // statement timeout, which is lifted for this migration's transaction only.
    this.addSql('set local statement_timeout = 0;');
    this.addSql(`
      create table purchase_rollup_county (
        month date not null,
        county_code varchar(12) not null,
        channel text not null,
        -- Null: whole purchases; otherwise the lines of this category.
        category text,
        amount numeric(20,2) not null,
        purchase_count int not null,
        line_count int not null,
        -- Category first: whole-purchase rows and category rows of a period are each one range.
        constraint purchase_rollup_county_key unique nulls not distinct (category, month, county_code, channel)
      ) with (fillfactor = 80);
      -- A region official's questions: the counties under its prefix.
      create index purchase_rollup_county_place_idx on purchase_rollup_county (county_code text_pattern_ops, category, month);
      create table purchase_rollup_buyer (
        month date not null,
        buyer_id uuid not null,
        category text,
        amount numeric(20,2) not null,
        purchase_count int not null,
        line_count int not null,
        constraint purchase_rollup_buyer_key unique nulls not distinct (category, month, buyer_id)
      ) with (fillfactor = 80);
      -- A partner's own statistics: one buyer, every month.
      create index purchase_rollup_buyer_buyer_idx on purchase_rollup_buyer (buyer_id, category, month);

      -- Applies a delta, given at the full grain as column arrays, to both rollups with one
      -- additive upsert each, county first, rows sorted by key (the lock order described above).
      create function purchase_rollup_apply(p_months date[], p_counties varchar[], p_buyers uuid[], p_channels text[],
        p_categories text[], p_amounts numeric[], p_purchases int[], p_lines int[]) returns void
      language plpgsql set jit = off as $fn$
      begin
        insert into purchase_rollup_county as r (month, county_code, channel, category, amount, purchase_count, line_count)
        select d.month, d.county_code, d.channel, d.category, sum(d.amount), sum(d.purchases), sum(d.lines)
        from unnest(p_months, p_counties, p_buyers, p_channels, p_categories, p_amounts, p_purchases, p_lines)
          as d(month, county_code, buyer_id, channel, category, amount, purchases, lines)
        group by d.category, d.month, d.county_code, d.channel order by d.category, d.month, d.county_code, d.channel
        on conflict (category, month, county_code, channel) do update set amount = r.amount + excluded.amount,
          purchase_count = r.purchase_count + excluded.purchase_count, line_count = r.line_count + excluded.line_count;
        insert into purchase_rollup_buyer as r (month, buyer_id, category, amount, purchase_count, line_count)
        select d.month, d.buyer_id, d.category, sum(d.amount), sum(d.purchases), sum(d.lines)
        from unnest(p_months, p_counties, p_buyers, p_channels, p_categories, p_amounts, p_purchases, p_lines)
          as d(month, county_code, buyer_id, channel, category, amount, purchases, lines)
        group by d.category, d.month, d.buyer_id order by d.category, d.month, d.buyer_id
        on conflict (category, month, buyer_id) do update set amount = r.amount + excluded.amount,
          purchase_count = r.purchase_count + excluded.purchase_count, line_count = r.line_count + excluded.line_count;
      end $fn$;

      -- Recomputes both rollups from the ledger: the migration's backfill, and after a TRUNCATE.
      create function purchase_rollup_rebuild() returns void language plpgsql as $fn$
      begin
        delete from purchase_rollup_county;
        delete from purchase_rollup_buyer;
        insert into purchase_rollup_county (month, county_code, channel, category, amount, purchase_count, line_count)
        select date_trunc('month', purchased_on)::date, county_code, channel, null, sum(total_amount), count(*), sum(line_count)
        from purchase where status <> 'VOIDED' group by 1, 2, 3
        union all
        select date_trunc('month', p.purchased_on)::date, p.county_code, p.channel, l.category, sum(l.amount), count(distinct p.id), count(*)
        from purchase p join purchase_line l on l.purchase_id = p.id where p.status <> 'VOIDED' group by 1, 2, 3, 4;
        insert into purchase_rollup_buyer (month, buyer_id, category, amount, purchase_count, line_count)
        select date_trunc('month', purchased_on)::date, buyer_id, null, sum(total_amount), count(*), sum(line_count)
        from purchase where status <> 'VOIDED' group by 1, 2
        union all
        select date_trunc('month', p.purchased_on)::date, p.buyer_id, l.category, sum(l.amount), count(distinct p.id), count(*)
        from purchase p join purchase_line l on l.purchase_id = p.id where p.status <> 'VOIDED' group by 1, 2, 3;
      end $fn$;

      -- Each trigger below turns the rows its statement changed into a delta at the full grain
      -- (one aggregation over the transition table) and applies it.
      create function purchase_rollup_purchase_inserted() returns trigger language plpgsql set jit = off as $fn$
      declare d record;
      begin
        select array_agg(month) as months, array_agg(county_code) as counties, array_agg(buyer_id) as buyers,
          array_agg(channel) as channels, array_agg(null::text) as categories, array_agg(amount) as amounts,
          array_agg(purchases) as purchases, array_agg(lines) as lines into d
        from (select date_trunc('month', purchased_on)::date as month, county_code, buyer_id, channel,
                sum(total_amount) as amount, count(*)::int as purchases, sum(line_count)::int as lines
              from new_rows where status <> 'VOIDED' group by 1, 2, 3, 4) x;
        if d.months is not null then
          perform purchase_rollup_apply(d.months, d.counties, d.buyers, d.channels, d.categories, d.amounts, d.purchases, d.lines);
        end if;
        return null;
      end $fn$;

      -- Lines join their purchase (written by an earlier statement). A purchase counts once per
      -- category: when its lines of that category now in the table are all new ones. When the
      -- statement brings as many lines as the purchase holds (line_count, written with the lines
      -- by every writer, as recording and the import do), all of them are new and older lines
      -- need no look; otherwise the table is asked.
      create function purchase_rollup_line_inserted() returns trigger language plpgsql set jit = off as $fn$
      declare d record;
      begin
        select array_agg(month) as months, array_agg(county_code) as counties, array_agg(buyer_id) as buyers,
          array_agg(channel) as channels, array_agg(category) as categories, array_agg(amount) as amounts,
          array_agg(purchases) as purchases, array_agg(lines) as lines into d
        from (select date_trunc('month', p.purchased_on)::date as month, p.county_code, p.buyer_id, p.channel, n.category,
                sum(n.amount) as amount,
                count(*) filter (where case when n.purchase_lines = p.line_count then true
                  else n.lines = (select count(*) from purchase_line o where o.purchase_id = n.purchase_id and o.category = n.category)
                  end)::int as purchases,
                sum(n.lines)::int as lines
              from (select purchase_id, category, sum(amount) as amount, count(*) as lines,
                      sum(count(*)) over (partition by purchase_id) as purchase_lines
                    from new_rows group by 1, 2) n
              join purchase p on p.id = n.purchase_id
              where p.status <> 'VOIDED'
              group by 1, 2, 3, 4, 5) x;
        if d.months is not null then
          perform purchase_rollup_apply(d.months, d.counties, d.buyers, d.channels, d.categories, d.amounts, d.purchases, d.lines);
        end if;
        return null;
      end $fn$;

      create function purchase_rollup_line_deleted() returns trigger language plpgsql set jit = off as $fn$
      declare d record;
      begin
        select array_agg(month) as months, array_agg(county_code) as counties, array_agg(buyer_id) as buyers,
          array_agg(channel) as channels, array_agg(category) as categories, array_agg(amount) as amounts,
          array_agg(purchases) as purchases, array_agg(lines) as lines into d
        from (select date_trunc('month', p.purchased_on)::date as month, p.county_code, p.buyer_id, p.channel, o.category,
                -sum(o.amount) as amount,
                -count(*) filter (where not exists (select 1 from purchase_line l
                  where l.purchase_id = o.purchase_id and l.category = o.category))::int as purchases,
                -sum(o.lines)::int as lines
              from (select purchase_id, category, sum(amount) as amount, count(*) as lines from old_rows group by 1, 2) o
              join purchase p on p.id = o.purchase_id
              where p.status <> 'VOIDED'
              group by 1, 2, 3, 4, 5) x;
        if d.months is not null then
          perform purchase_rollup_apply(d.months, d.counties, d.buyers, d.channels, d.categories, d.amounts, d.purchases, d.lines);
        end if;
        return null;
      end $fn$;

      create function purchase_rollup_line_updated() returns trigger language plpgsql as $fn$
      begin
        if (old.purchase_id, old.category, old.amount) is distinct from (new.purchase_id, new.category, new.amount) then
          raise exception 'purchase lines are immutable: void the purchase and record it again'
            using errcode = 'check_violation', constraint = 'purchase_line_immutable';
        end if;
        return new;
      end $fn$;

      -- The lines went first (they reference the purchase), through their own trigger.
      create function purchase_rollup_purchase_deleted() returns trigger language plpgsql set jit = off as $fn$
      declare d record;
      begin
        select array_agg(month) as months, array_agg(county_code) as counties, array_agg(buyer_id) as buyers,
          array_agg(channel) as channels, array_agg(null::text) as categories, array_agg(amount) as amounts,
          array_agg(purchases) as purchases, array_agg(lines) as lines into d
        from (select date_trunc('month', purchased_on)::date as month, county_code, buyer_id, channel,
                -sum(total_amount) as amount, -count(*)::int as purchases, -sum(line_count)::int as lines
              from old_rows where status <> 'VOIDED' group by 1, 2, 3, 4) x;
        if d.months is not null then
          perform purchase_rollup_apply(d.months, d.counties, d.buyers, d.channels, d.categories, d.amounts, d.purchases, d.lines);
        end if;
        return null;
      end $fn$;

      -- A void (or any change of what the statistics key on): the old contribution out, the new
      -- in; whole-purchase rows first, then category rows (the lock order). A verification
      -- changes no contribution and touches no rollup row.
      create function purchase_rollup_purchase_updated() returns trigger language plpgsql set jit = off as $fn$
      declare d record;
      begin
        -- Both selects start from the same changed set: each purchase's old contribution (sign -1)
        -- and new one (+1), where voided-ness or a key or a total changed.
        select array_agg(month) as months, array_agg(county_code) as counties, array_agg(buyer_id) as buyers,
          array_agg(channel) as channels, array_agg(null::text) as categories, array_agg(amount) as amounts,
          array_agg(purchases) as purchases, array_agg(lines) as lines into d
        from (select month, county_code, buyer_id, channel, sum(sign * total_amount) as amount, sum(sign)::int as purchases,
                sum(sign * line_count)::int as lines
              from (select o.id, -1 as sign, date_trunc('month', o.purchased_on)::date as month, o.county_code, o.buyer_id,
                      o.channel, o.total_amount, o.line_count
                    from old_rows o join new_rows n on n.id = o.id
                    where o.status <> 'VOIDED' and (n.status = 'VOIDED'
                      or (o.purchased_on, o.county_code, o.buyer_id, o.channel, o.total_amount, o.line_count)
                         is distinct from (n.purchased_on, n.county_code, n.buyer_id, n.channel, n.total_amount, n.line_count))
                    union all
                    select n.id, 1, date_trunc('month', n.purchased_on)::date, n.county_code, n.buyer_id, n.channel,
                      n.total_amount, n.line_count
                    from old_rows o join new_rows n on n.id = o.id
                    where n.status <> 'VOIDED' and (o.status = 'VOIDED'
                      or (o.purchased_on, o.county_code, o.buyer_id, o.channel, o.total_amount, o.line_count)
                         is distinct from (n.purchased_on, n.county_code, n.buyer_id, n.channel, n.total_amount, n.line_count))
                   ) c
              group by 1, 2, 3, 4) x;
        if d.months is null then
          return null;
        end if;
        perform purchase_rollup_apply(d.months, d.counties, d.buyers, d.channels, d.categories, d.amounts, d.purchases, d.lines);
        select array_agg(month) as months, array_agg(county_code) as counties, array_agg(buyer_id) as buyers,
          array_agg(channel) as channels, array_agg(category) as categories, array_agg(amount) as amounts,
          array_agg(purchases) as purchases, array_agg(lines) as lines into d
        from (select c.month, c.county_code, c.buyer_id, c.channel, l.category, sum(c.sign * l.amount) as amount,
                (count(distinct c.id) filter (where c.sign > 0) - count(distinct c.id) filter (where c.sign < 0))::int as purchases,
                sum(c.sign)::int as lines
              from (select o.id, -1 as sign, date_trunc('month', o.purchased_on)::date as month, o.county_code, o.buyer_id, o.channel
                    from old_rows o join new_rows n on n.id = o.id
                    where o.status <> 'VOIDED' and (n.status = 'VOIDED'
                      or (o.purchased_on, o.county_code, o.buyer_id, o.channel)
                         is distinct from (n.purchased_on, n.county_code, n.buyer_id, n.channel))
                    union all
                    select n.id, 1, date_trunc('month', n.purchased_on)::date, n.county_code, n.buyer_id, n.channel
                    from old_rows o join new_rows n on n.id = o.id
                    where n.status <> 'VOIDED' and (o.status = 'VOIDED'
                      or (o.purchased_on, o.county_code, o.buyer_id, o.channel)
                         is distinct from (n.purchased_on, n.county_code, n.buyer_id, n.channel))
                   ) c
              join purchase_line l on l.purchase_id = c.id
              group by 1, 2, 3, 4, 5) x;
        if d.months is not null then
          perform purchase_rollup_apply(d.months, d.counties, d.buyers, d.channels, d.categories, d.amounts, d.purchases, d.lines);
        end if;
        return null;
      end $fn$;

      create function purchase_rollup_truncated() returns trigger language plpgsql as $fn$
      begin
        perform purchase_rollup_rebuild();
        return null;
      end $fn$;

      create trigger purchase_rollup_insert after insert on purchase
        referencing new table as new_rows for each statement execute function purchase_rollup_purchase_inserted();
      create trigger purchase_rollup_update after update on purchase
        referencing old table as old_rows new table as new_rows for each statement execute function purchase_rollup_purchase_updated();
      create trigger purchase_rollup_delete after delete on purchase
        referencing old table as old_rows for each statement execute function purchase_rollup_purchase_deleted();
      create trigger purchase_rollup_truncate after truncate on purchase
        for each statement execute function purchase_rollup_truncated();
      create trigger purchase_line_rollup_insert after insert on purchase_line
        referencing new table as new_rows for each statement execute function purchase_rollup_line_inserted();
      create trigger purchase_line_rollup_delete after delete on purchase_line
        referencing old table as old_rows for each statement execute function purchase_rollup_line_deleted();
      create trigger purchase_line_immutable before update on purchase_line
        for each row execute function purchase_rollup_line_updated();
      create trigger purchase_line_rollup_truncate after truncate on purchase_line
        for each statement execute function purchase_rollup_truncated();

      select purchase_rollup_rebuild();
      analyze purchase_rollup_county;
      analyze purchase_rollup_buyer;
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop trigger purchase_rollup_insert on purchase;
      drop trigger purchase_rollup_update on purchase;
      drop trigger purchase_rollup_delete on purchase;
      drop trigger purchase_rollup_truncate on purchase;
      drop trigger purchase_line_rollup_insert on purchase_line;
      drop trigger purchase_line_rollup_delete on purchase_line;
      drop trigger purchase_line_immutable on purchase_line;
      drop trigger purchase_line_rollup_truncate on purchase_line;
      drop function purchase_rollup_purchase_inserted(), purchase_rollup_purchase_updated(), purchase_rollup_purchase_deleted(),
        purchase_rollup_line_inserted(), purchase_rollup_line_deleted(), purchase_rollup_line_updated(),
        purchase_rollup_truncated(), purchase_rollup_rebuild(),
        purchase_rollup_apply(date[], varchar[], uuid[], text[], text[], numeric[], int[], int[]);
      drop table purchase_rollup_county, purchase_rollup_buyer;
    `);
  }
}
