import type { ApiHandlers, ParsedInputOf } from '../../../shared/contract/api';
import { ApiError, fieldError } from '../../../shared/contract/errors';
import type { DocumentRecord } from '../../../shared/contract/types';
import type { ReviewConfirmation, ReviewItem } from '../../../shared/contract/types/importing';
import { canonicalJson } from '../../../shared/domain/canonicalJson';
import { reviewField } from '../../../shared/importing/reviewFields';
import { type ServiceContext, audit, nowOf } from '../context';
import { visibleDocument } from './citations';
import { documentHandlers } from './documents';
import { getFonds } from './fonds';

type Handlers = Pick<ApiHandlers, 'review.list' | 'review.summary' | 'review.confirm' | 'review.history'>;

/**
 * The value of a reviewable field: a document field, the cited numbers, or (OCR) the text itself,
 * given by its length in characters (the interface words it).
 */
function valueOf(doc: DocumentRecord, field: string, parseInfo: Record<string, unknown> | null, text: string): unknown {
  if (field === 'fullText') return text.length > 0 ? text.length : null;
  if (field === 'citations') {
    const list = parseInfo?.['citations'];
    return Array.isArray(list) ? list.map((c) => (c as { numberSymbol?: unknown }).numberSymbol).filter((n) => typeof n === 'string') : [];
  }
  return (doc as unknown as Record<string, unknown>)[field] ?? null;
}

/**
 * Hàng đợi rà soát: documents whose fields the parser left empty or doubted, each field shown with
 * the place in the text where it was found; an archivist confirms them (after editing, if needed),
 * and who confirmed what, when, is recorded.
 */
export function reviewHandlers(ctx: ServiceContext): Handlers {
  const { repos } = ctx.catalogue;
  const hideSecret = () => !ctx.access.secretsVisible();
  const updateDocument = documentHandlers(ctx)['documents.update'] as (input: ParsedInputOf<'documents.update'>) => DocumentRecord;

  return {
    'review.list': ({ fondsId, field, offset, limit }) => {
      if (fondsId !== undefined) getFonds(ctx, fondsId);
      const page = repos.review.page({ fondsId, field, offset, limit, hideSecret: hideSecret() });
      const items: ReviewItem[] = [];
      for (const id of page.ids) {
        const doc = repos.documents.get(id)!;
        const text = repos.documents.fullText(id);
        const info = repos.review.parseInfo(id);
        items.push({
          document: repos.citations.ref(id, false)!,
          fields: doc.reviewFields.map((f) => reviewField(f, valueOf(doc, f, info, text), text, info)),
        });
      }
      return { total: page.total, items };
    },

    'review.summary': ({ fondsId }) => {
      if (fondsId !== undefined) getFonds(ctx, fondsId);
      return repos.review.summary({ fondsId, hideSecret: hideSecret() });
    },

    'review.confirm': ({ documentId, fields, patch }) => {
      const before = visibleDocument(ctx, documentId);
      const notFlagged = fields.filter((f) => !before.reviewFields.includes(f));
      if (notFlagged.length > 0) {
        throw new ApiError('review.fieldsNotWaiting', { fields: notFlagged }, { fields: fieldError('field.notWaitingForReview') });
      }
      return ctx.catalogue.transaction(() => {
        const edited = patch && Object.keys(patch).length > 0 ? updateDocument({ id: documentId, patch }) : before;
        const info = repos.review.parseInfo(documentId);
        const text = repos.documents.fullText(documentId);
        const confirmed = new Set(fields);
        // The edit may already have cleared fields it filled in; confirmed ones go too.
        const remaining = edited.reviewFields.filter((f) => !confirmed.has(f));
        repos.documents.update(documentId, { reviewFields: remaining }, nowOf(ctx));
        const at = nowOf(ctx);
        const confirmations: ReviewConfirmation[] = fields.map((field) => {
          const value = valueOf(edited, field, info, text);
          const changed = canonicalJson(valueOf(before, field, info, text)) !== canonicalJson(value);
          const id = repos.review.addConfirmation({ documentId, field, value, edited: changed, confirmedBy: ctx.actor(), confirmedAt: at });
          return repos.review.confirmation(id)!;
        });
        audit(
          ctx,
          'document.review.confirm',
          'document',
          documentId,
          { reviewFields: before.reviewFields },
          // The values confirmed are in review_confirmations; the log says which fields, readably.
          { reviewFields: remaining, confirmedFields: fields },
        );
        return { document: repos.documents.get(documentId)!, confirmations };
      });
    },

    'review.history': ({ documentId }) => {
      visibleDocument(ctx, documentId);
      return repos.review.confirmations(documentId);
    },
  };
}
