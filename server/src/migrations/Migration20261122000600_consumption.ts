import { Migration } from '@mikro-orm/migrations';

/** Consumption support ledger (消费帮扶台账): suppliers, certified products, purchases and their lines. */
export class Migration20261122000600_consumption extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table supplier (
        id uuid primary key default gen_random_uuid(),
        name text not null constraint supplier_name_present check (length(btrim(name)) > 0),
        kind text not null constraint supplier_kind check (kind in ('COOPERATIVE','ENTERPRISE','FAMILY_FARM','VILLAGE_COLLECTIVE')),
        village_code varchar(12) not null references village(code),
        credit_code varchar(18),
        created_at timestamptz not null default now()
      );
      create unique index supplier_credit_code_unique on supplier (credit_code) where credit_code is not null;
      create index supplier_village_idx on supplier (village_code text_pattern_ops);

      create table product (
        id uuid primary key default gen_random_uuid(),
        name text not null constraint product_name_present check (length(btrim(name)) > 0),
        category text not null constraint product_category check (category in
          ('GRAIN_OIL','FRUIT_VEGETABLE','MEAT_POULTRY_EGG','AQUATIC','TEA','PROCESSED_FOOD','HANDICRAFT','OTHER')),
        supplier_id uuid not null references supplier(id),
        origin_village_code varchar(12) not null references village(code),
        certificate_number text,
        certified_from date,
        certified_until date,
        created_at timestamptz not null default now(),
        constraint product_certificate_period check (certified_until is null or certified_from is null or certified_until >= certified_from),
        constraint product_certificate_complete check ((certificate_number is null) = (certified_from is null))
      );
      create index product_village_idx on product (origin_village_code text_pattern_ops, id);
      create index product_supplier_idx on product (supplier_id, id);

      create table purchase (
        id uuid primary key default gen_random_uuid(),
        buyer_id uuid not null references provider(id),
        client_reference text not null constraint purchase_reference_present check (length(btrim(client_reference)) between 1 and 100),
        origin_village_code varchar(12) not null references village(code),
        -- The county prefix of the origin village, kept so county statistics group without string work.
        county_code varchar(12) not null,
        channel text not null constraint purchase_channel check (channel in ('E_COMMERCE_PLATFORM','CANTEEN','TRADE_UNION','EXPO','LIVE_STREAM','DIRECT')),
        purchased_on date not null,
        pairing_id uuid references pairing(id),
        status text not null default 'RECORDED' constraint purchase_status check (status in ('RECORDED','VERIFIED','VOIDED')),
        total_amount numeric(18,2) not null constraint purchase_total_non_negative check (total_amount >= 0),
        line_count int not null constraint purchase_has_lines check (line_count > 0),
        recorded_by text not null,
        void_reason text,
        voided_at timestamptz,
        verified_at timestamptz,
        created_at timestamptz not null default now(),
        constraint purchase_void_has_reason check ((status = 'VOIDED') = (void_reason is not null))
      );
      -- One purchase per buyer and client reference: retries, even racing ones, find the first.
      create unique index purchase_client_reference_unique on purchase (buyer_id, client_reference);
      -- Statistics and lists skip voided purchases and filter by place, buyer and date.
      create index purchase_village_date_idx on purchase (origin_village_code text_pattern_ops, purchased_on) include (total_amount, line_count, buyer_id, channel) where status <> 'VOIDED';
      create index purchase_date_idx on purchase (purchased_on) include (total_amount, line_count, origin_village_code, buyer_id, channel) where status <> 'VOIDED';
      create index purchase_buyer_date_idx on purchase (buyer_id, purchased_on) where status <> 'VOIDED';
      create index purchase_list_idx on purchase (purchased_on desc, id desc);
      create index purchase_pairing_idx on purchase (pairing_id) where pairing_id is not null;

      create table purchase_line (
        purchase_id uuid not null references purchase(id),
        line_no int not null,
        product_id uuid not null references product(id),
        -- Copied from the product so category statistics need no join to product.
        category text not null,
        quantity numeric(18,3) not null constraint purchase_line_quantity_positive check (quantity > 0),
        unit text not null constraint purchase_line_unit_present check (length(btrim(unit)) > 0),
        amount numeric(18,2) not null constraint purchase_line_amount_non_negative check (amount >= 0),
        primary key (purchase_id, line_no)
      );
      create index purchase_line_product_idx on purchase_line (product_id);
    `);
  }

  override async down(): Promise<void> {
    this.addSql('drop table purchase_line, purchase, product, supplier;');
  }
}
