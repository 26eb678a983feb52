import type { ApiHandlers } from '../../../shared/contract/api';
import { ApiError, fieldError, notFound } from '../../../shared/contract/errors';
import type { DocumentDetail, DocumentRecord } from '../../../shared/contract/types';
import { diffRecords } from '../../../shared/domain/canonicalJson';
import { normalizeNumberSymbol } from '../../../shared/domain/numberSymbol';
import { type ServiceContext, audit, nowOf } from '../context';
import { getFile } from './files';
import { getFonds } from './fonds';
import { assertDocumentVisible } from '../safety/secretsAccess';
import { reindexDocument } from '../search/reindex';

type Handlers = Pick<ApiHandlers, 'documents.list' | 'documents.get' | 'documents.update'>;

export function getDocument(ctx: ServiceContext, id: number): DocumentRecord {
  const doc = ctx.catalogue.repos.documents.get(id);
  if (!doc) throw notFound('document', id);
  return doc;
}

export function getDocumentDetail(ctx: ServiceContext, id: number): DocumentDetail {
  const { repos } = ctx.catalogue;
  const doc = getDocument(ctx, id);
  const fonds = getFonds(ctx, doc.fondsId);
  return {
    ...doc,
    fullText: repos.documents.fullText(id),
    attachments: repos.attachments.listByDocument(id),
    fonds: { id: fonds.id, code: fonds.code, name: fonds.name },
    file: doc.fileId !== null ? getFile(ctx, doc.fileId) : null,
  };
}

function isFilled(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.length > 0;
  return String(value).trim().length > 0;
}

export function documentHandlers(ctx: ServiceContext): Handlers {
  const { repos } = ctx.catalogue;
  return {
    'documents.list': (q) => {
      if (q.fondsId !== undefined) getFonds(ctx, q.fondsId);
      if (q.fileId !== undefined) getFile(ctx, q.fileId);
      // Secret documents only for a caller who may see them; the rest are counted.
      const visible = ctx.access.secretsVisible();
      const page = repos.documents.list({ ...q, includeSecret: visible });
      return visible ? page : { ...page, hiddenSecret: repos.removals.activeSecretCount(q) };
    },

    'documents.get': ({ id }) => {
      assertDocumentVisible(ctx, id);
      return { ...getDocumentDetail(ctx, id), removal: repos.removals.documentRemoval(id) };
    },

    'documents.update': ({ id, patch }) => {
      const before = getDocument(ctx, id);
      // Hidden secret documents cannot be edited; removed ones are restored first.
      assertDocumentVisible(ctx, id);
      if (repos.removals.documentRemoval(id)) {
        throw new ApiError('document.removed');
      }
      const change = { ...patch };
      if (change.fileId != null) {
        const file = getFile(ctx, change.fileId);
        if (file.fondsId !== before.fondsId) {
          throw new ApiError('document.fileOfOtherFonds', {}, { fileId: fieldError('field.fileOfOtherFonds') });
        }
        if (change.fileId !== before.fileId && change.orderInFile === undefined) change.orderInFile = repos.documents.nextOrderInFile(change.fileId);
      }
      if (change.numberSymbol) change.numberSymbol = normalizeNumberSymbol(change.numberSymbol);
      // A field the archivist has filled in is no longer waiting for review.
      const reviewFields = before.reviewFields.filter((f) => !(f in change && isFilled(change[f as keyof typeof change])));

      return ctx.catalogue.transaction(() => {
        repos.documents.update(id, { ...change, reviewFields }, nowOf(ctx));
        const after = getDocument(ctx, id);
        // The index holds the date (its key), metadata, type and security level too.
        reindexDocument(ctx, id);
        const { updatedAt: _b, ...b } = before;
        const { updatedAt: _a, ...a } = after;
        const diff = diffRecords(b, a);
        if (diff) audit(ctx, 'document.update', 'document', id, diff.before, diff.after);
        return after;
      });
    },
  };
}
