import type { AuditEntry } from '../../../shared/contract/types';
import type { ServiceContext } from '../context';

/**
 * The audit log shown to a caller who may not see secret records: rows about a secret document or
 * its originals stay in the list (the trail is never hidden) but their before/after contents,
 * which hold the document's metadata, are withheld.
 */
export function redactForAccess(ctx: ServiceContext, entries: AuditEntry[]): AuditEntry[] {
  if (ctx.access.secretsVisible()) return entries;
  const secret = ctx.catalogue.repos.removals.secretIds();
  if (secret.documents.size === 0) return entries;
  return entries.map((e) => {
    const hidden =
      (e.entityType === 'document' && e.entityId !== null && secret.documents.has(e.entityId)) ||
      (e.entityType === 'attachment' && e.entityId !== null && secret.attachments.has(e.entityId));
    return hidden ? { ...e, before: null, after: null, redacted: true } : e;
  });
}
