import type { AuditAction } from '../../shared/contract/auditActions';
import type { EntityType } from '../../shared/contract/entities';
import type { AppInfo } from '../../shared/contract/types';
import type { Catalogue } from '../data/catalogue';
import type { AuditInput } from '../data/repositories/audit';
import type { ExtractPool } from './import/extractPool';
import type { JobRegistry } from './jobs';
import type { SearchService } from './search/searchService';

/** What every service needs; built once per host (Electron, browser host, command line, tests). */
export interface ServiceContext {
  catalogue: Catalogue;
  host: AppInfo['host'];
  version: string;
  /** Folder holding the sample documents and their demo manifest, when this install ships them. */
  samplesDir: string | null;
  jobs: JobRegistry;
  /** Name recorded in the audit log for changes made now. */
  actor(): string;
  /** Who may see what; the safety area fills in the secret-records rules. */
  access: AccessPolicy;
  /** Reader threads of the imports, each file under a time and memory budget (started on first use). */
  readers: ExtractPool;
  /** Search over this catalogue (its facet columns are loaded once and kept current). */
  search: SearchService;
}

/**
 * Whether documents marked Mật / Tối mật / Tuyệt mật are visible to the current caller. Every
 * listing, search, export and package asks this before including a secret document:
 * - lists, search, detail views: `secretsVisible()` (or `secretsVisible('view')`);
 * - exports, inventories, handover packages: `secretsVisible('export')`, true only while the user
 *   has unlocked secrets for export, on every host (Luật Bảo vệ bí mật nhà nước 2018: secret
 *   records never leave silently).
 * Unlocking is an explicit, audited operation (`access.unlockSecrets`, safety area).
 */
export interface AccessPolicy {
  secretsVisible(purpose?: AccessPurpose): boolean;
  /** The unlock in force, if any (expired ones are dropped). */
  grant(): SecretsGrant | null;
  unlock(grant: SecretsGrant): void;
  lock(): void;
}

export type AccessPurpose = 'view' | 'export';

export interface SecretsGrant {
  purpose: AccessPurpose;
  reason: string;
  by: string;
  at: string;
  /** ISO time the unlock ends. */
  until: string;
}

export function nowOf(ctx: ServiceContext): string {
  return ctx.catalogue.now();
}

/**
 * What an audit row says: the action, the record it is about (its type and id), the record before
 * and after, and the record's digest computed from what was just written (see
 * `AuditInput.recordDigest`; otherwise it is read from the record).
 */
type AuditRow = [action: AuditAction, entityType: EntityType, entityId: number | null, before?: unknown, after?: unknown, recordDigest?: string];

/** An audit row about a change made now by the current caller (see {@link audit}). */
export function auditInput(ctx: ServiceContext, ...[action, entityType, entityId, before, after, recordDigest]: AuditRow): AuditInput {
  return { at: nowOf(ctx), actor: ctx.actor(), action, entityType, entityId, before, after, ...(recordDigest !== undefined ? { recordDigest } : {}) };
}

/** Appends one audit row (who, when, what, before/after). Call inside the change's transaction. */
export function audit(ctx: ServiceContext, ...row: AuditRow): void {
  ctx.catalogue.repos.audit.append(auditInput(ctx, ...row));
}
