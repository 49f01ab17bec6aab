import { Migration } from '@mikro-orm/migrations';

/** Assistance providers (帮扶主体): assistance units and enterprises share one table and one id space. */
export class Migration20261122000200_providers extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table provider (
        id uuid primary key default gen_random_uuid(),
        type text not null constraint provider_type check (type in ('ASSISTANCE_UNIT','ENTERPRISE')),
        name text not null constraint provider_name_present check (length(btrim(name)) > 0),
        region_code varchar(12) references region(code),
        unit_kind text constraint provider_unit_kind check (unit_kind in
          ('PARTY_GOVERNMENT_ORGAN','PUBLIC_INSTITUTION','STATE_OWNED_ENTERPRISE','CENTRAL_UNIT','PARTNER_REGION','SOCIAL_ORGANISATION','DEMONSTRATION_VILLAGE')),
        unit_level text constraint provider_unit_level check (unit_level in ('CENTRAL','PROVINCIAL','MUNICIPAL','COUNTY')),
        credit_code varchar(18),
        ownership text constraint provider_ownership check (ownership in ('PRIVATE','STATE_OWNED','COLLECTIVE','FOREIGN')),
        industry text,
        federation_member boolean,
        campaigns text[] not null default '{}',
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        -- Units carry kind and level; enterprises carry credit code and ownership; never the other's.
        constraint provider_unit_fields check (
          (type = 'ASSISTANCE_UNIT') = (unit_kind is not null and unit_level is not null)),
        constraint provider_enterprise_fields check (
          (type = 'ENTERPRISE') = (credit_code is not null and ownership is not null and federation_member is not null))
      );
      create unique index provider_credit_code_unique on provider (credit_code) where credit_code is not null;
      create index provider_type_name_idx on provider (type, name, id);
      create index provider_region_idx on provider (region_code text_pattern_ops);
    `);
  }

  override async down(): Promise<void> {
    this.addSql('drop table provider;');
  }
}
