import type { FeatureModule } from '../feature-module';
import { AuditResolver } from './audit.resolver';
import { auditService } from './audit.service';
import { Migration20261130000200_audit_log } from './migrations/Migration20261130000200_audit_log';

/** The audit log (操作审计日志): every mutation, who did it and how it ended; append-only. */
export const auditModule: FeatureModule = {
  name: 'audit',
  resolvers: [AuditResolver],
  migrations: [{ name: 'Migration20261130000200_audit_log', class: Migration20261130000200_audit_log }],
  mutationObservers: [(record) => auditService.record(record)],
};
