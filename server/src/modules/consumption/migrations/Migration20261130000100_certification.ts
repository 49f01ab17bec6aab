import { Migration } from '@mikro-orm/migrations';

/**
 * Certification that counts (消费帮扶产品认定):
 *
 * - Certifications get their own table, one row per certificate (number, issuing body, valid
 *   from/until, revocation), so a renewal or a revocation never rewrites the period a past
 *   purchase was recorded under. The product's old certificate columns move into it.
 * - Purchase lines and totals must be positive: a zero-amount line is not consumption support.
 * - Suppliers, products, certificates and purchases carry `source`: `DEMO` for seeded examples,
 *   a document reference for rows taken from one, null for data recorded through the API.
 */
export class Migration20261130000100_certification extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table product_certification (
        id uuid primary key default gen_random_uuid(),
        product_id uuid not null references product(id),
        certificate_number text not null constraint product_certification_number_present check (length(btrim(certificate_number)) between 1 and 100),
        issuing_body text not null constraint product_certification_body_present check (length(btrim(issuing_body)) between 1 and 200),
        valid_from date not null,
        -- Null: no end date.
        valid_until date,
        -- First day the certificate no longer covers; at the earliest the day it took effect (never covered).
        revoked_from date,
        revoke_reason text,
        recorded_by text,
        source text,
        created_at timestamptz not null default now(),
        constraint product_certification_period check (valid_until is null or valid_until >= valid_from),
        constraint product_certification_revocation check ((revoked_from is null) = (revoke_reason is null)),
        constraint product_certification_revoked_after_start check (revoked_from is null or revoked_from >= valid_from)
      );
      create unique index product_certification_number_unique on product_certification (issuing_body, certificate_number);
      create index product_certification_product_idx on product_certification (product_id, valid_from);

      insert into product_certification (product_id, certificate_number, issuing_body, valid_from, valid_until, recorded_by)
        select id, certificate_number, '未登记', certified_from, certified_until, 'migration'
        from product where certificate_number is not null;
      alter table product drop constraint product_certificate_period;
      alter table product drop constraint product_certificate_complete;
      alter table product drop column certificate_number, drop column certified_from, drop column certified_until;

      alter table supplier add column source text, add column updated_at timestamptz not null default now();
      alter table product add column source text, add column updated_at timestamptz not null default now();
      alter table purchase add column source text;

      alter table purchase_line drop constraint purchase_line_amount_non_negative;
      alter table purchase_line add constraint purchase_line_amount_positive check (amount > 0);
      alter table purchase drop constraint purchase_total_non_negative;
      alter table purchase add constraint purchase_total_positive check (total_amount > 0);
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      alter table purchase drop constraint purchase_total_positive;
      alter table purchase add constraint purchase_total_non_negative check (total_amount >= 0);
      alter table purchase_line drop constraint purchase_line_amount_positive;
      alter table purchase_line add constraint purchase_line_amount_non_negative check (amount >= 0);
      alter table purchase drop column source;
      alter table product drop column source, drop column updated_at;
      alter table supplier drop column source, drop column updated_at;
      alter table product add column certificate_number text, add column certified_from date, add column certified_until date;
      update product p set certificate_number = c.certificate_number, certified_from = c.valid_from, certified_until = c.valid_until
        from (select distinct on (product_id) * from product_certification order by product_id, valid_from desc) c where c.product_id = p.id;
      drop table product_certification;
    `);
  }
}
