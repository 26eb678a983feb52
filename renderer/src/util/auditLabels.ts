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
