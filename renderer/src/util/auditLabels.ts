/**
 * The words that name a changed field in the audit history: the most specific message the catalogue
 * has for it (`audit.field.<entity>.<field>`, then the document form's or the generic field label).
 * Pure, so a test can check every field the services record against both catalogues.
 */

/** The message key naming `field` of a record of `entityType`, or null when the catalogue has none. */
export function auditFieldKey(entityType: string, field: string, has: (key: string) => boolean): string | null {
  const general = entityType === 'document' ? [`doc.${field}`, `field.${field}`] : [`field.${field}`, `doc.${field}`];
  return [`audit.field.${entityType}.${field}`, ...general].find(has) ?? null;
}

/**
 * The message keys naming an audit action: its own (`audit.action.<action>`), or for a row an older
 * build wrote with an action no longer listed, its verb and the record's kind; null when neither.
 */
export function auditActionKeys(action: string, entityType: string, has: (key: string) => boolean): { action: string } | { verb: string; entity: string | null } | null {
  const own = `audit.action.${action}`;
  if (has(own)) return { action: own };
  const verb = `audit.action.${action.split('.').pop() ?? action}`;
  if (!has(verb)) return null;
  const entity = `audit.entity.${entityType}`;
  return { verb, entity: has(entity) ? entity : null };
}
