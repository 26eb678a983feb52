import type { ServiceContext } from '../context';

/**
 * Keeping the search index in step with the catalogue.
 *
 * Writers call {@link reindexDocument} inside the transaction that changes a document (an edit,
 * a removal, a restore, a new document): the index row follows the record in the same commit, or
 * neither happens. A document that is gone or removed is dropped from the index.
 */
export function reindexDocument(ctx: ServiceContext, documentId: number): void {
  ctx.catalogue.repos.searchIndex.upsert(documentId);
}

/** Drops a document from the index (it stays in the catalogue, e.g. removed with a reason). */
export function unindexDocument(ctx: ServiceContext, documentId: number): void {
  ctx.catalogue.repos.searchIndex.remove(documentId);
}

/**
 * Checks at start-up that every document in use is indexed and nothing else is (two counts); if
 * not — a catalogue written by an older build or repaired by hand — indexes or drops exactly the
 * documents that differ. Never a rebuild from scratch.
 */
export function repairIndex(ctx: ServiceContext, batch = 2_000): { added: number; dropped: number } {
  const index = ctx.catalogue.repos.searchIndex;
  // The change journal only needs to reach back as far as a running process might lag.
  ctx.catalogue.repos.searchJournal.prune(200_000);
  const { indexed, expected } = index.coverage();
  let added = 0;
  let dropped = 0;
  if (indexed === expected) {
    // Equal counts can still hide one missing and one stale: cheap enough to check when small.
    if (expected > 50_000) return { added, dropped };
  }
  for (;;) {
    const { missing, stale } = index.discrepancies(batch);
    if (missing.length === 0 && stale.length === 0) break;
    ctx.catalogue.transaction(() => {
      for (const id of missing) index.upsert(id);
      for (const id of stale) index.remove(id);
    });
    added += missing.length;
    dropped += stale.length;
    if (missing.length < batch && stale.length < batch) break;
  }
  return { added, dropped };
}
