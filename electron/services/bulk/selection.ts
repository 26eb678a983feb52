/**
 * Turns a selection into record ids, on the service side: a query (a search, a list view) is
 * resolved here with the same visibility rules as the lists and search themselves, so "select all
 * that match" never ships thousands of ids through the UI and never includes a secret record the
 * caller may not see.
 */
import type { z } from 'zod';
import type { documentSelection, fileSelection } from '../../../shared/contract/schemas/bulk';
import type { BulkRefusal } from '../../../shared/contract/types/bulk';
import type { ServiceContext } from '../context';
import { matchingDocumentIds } from '../search/searchService';

export type DocumentSelection = z.output<typeof documentSelection>;
export type FileSelection = z.output<typeof fileSelection>;

function without(ids: number[], except: number[] | undefined): number[] {
  if (!except || except.length === 0) return ids;
  const drop = new Set(except);
  return ids.filter((id) => !drop.has(id));
}

/**
 * The documents a selection names. Explicit ids come back as given (duplicates dropped): the
 * planners refuse those missing, removed or hidden, one by one. Queries give only visible
 * documents in use.
 */
export function resolveDocuments(ctx: ServiceContext, sel: DocumentSelection): number[] {
  const visible = ctx.access.secretsVisible();
  switch (sel.kind) {
    case 'ids':
      return [...new Set(sel.ids)];
    case 'search':
      return without(matchingDocumentIds(ctx, { text: sel.text, filters: sel.filters, ...(sel.typing !== undefined ? { typing: sel.typing } : {}) }), sel.except);
    case 'list':
      return without(
        ctx.catalogue.repos.bulk.documentIdsOfList({
          ...(sel.fondsId !== undefined ? { fondsId: sel.fondsId } : {}),
          ...(sel.fileId !== undefined ? { fileId: sel.fileId } : {}),
          ...(sel.unfiled ? { unfiled: true } : {}),
          includeSecret: visible,
        }),
        sel.except,
      );
  }
}

/** Whether a document may be acted on by this caller: present and, if secret, visible. */
export function documentVisible(ctx: ServiceContext, securityLevel: string | null): boolean {
  return securityLevel === null || ctx.access.secretsVisible();
}

/**
 * The files a selection names; for files "of documents", the documents that sit in no file are
 * refused (`not_in_file`) and those the caller may not see are left out, as in the lists.
 */
export function resolveFiles(ctx: ServiceContext, sel: FileSelection): { ids: number[]; refusals: BulkRefusal[]; documents: number } {
  const { bulk } = ctx.catalogue.repos;
  switch (sel.kind) {
    case 'ids':
      return { ids: [...new Set(sel.ids)], refusals: [], documents: 0 };
    case 'list':
      return { ids: without(bulk.fileIdsOfList(sel.fondsId, sel.fileListId), sel.except), refusals: [], documents: 0 };
    case 'ofDocuments': {
      const docIds = resolveDocuments(ctx, sel.documents);
      const rows = bulk.documents(docIds);
      const files = new Set<number>();
      const refusals: BulkRefusal[] = [];
      for (const id of docIds) {
        const d = rows.get(id);
        if (!d || d.removedAt !== null || !documentVisible(ctx, d.securityLevel)) continue;
        if (d.fileId === null) refusals.push({ entityType: 'document', id, label: d.numberSymbol, code: 'not_in_file' });
        else files.add(d.fileId);
      }
      return { ids: [...files].sort((a, b) => a - b), refusals, documents: docIds.length };
    }
  }
}
