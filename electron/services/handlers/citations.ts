import type { ApiHandlers } from '../../../shared/contract/api';
import { ApiError, fieldError, notFound } from '../../../shared/contract/errors';
import type { DocumentRecord } from '../../../shared/contract/types';
import { numberSymbolKey } from '../../../shared/domain/numberSymbol';
import { type ServiceContext, audit } from '../context';
import { assertDocumentVisible } from '../safety/secretsAccess';
import { getFonds } from './fonds';

type Handlers = Pick<ApiHandlers, 'documents.citations' | 'citations.missing' | 'citations.link'>;

/** A document the caller may see (a secret one is refused as hidden until secrets are unlocked). */
export function visibleDocument(ctx: ServiceContext, id: number): DocumentRecord {
  const doc = ctx.catalogue.repos.documents.get(id);
  if (!doc) throw notFound('document', id);
  assertDocumentVisible(ctx, id);
  return doc;
}

/** Trích dẫn: what a document cites and what cites it; cited documents still missing from the catalogue. */
export function citationHandlers(ctx: ServiceContext): Handlers {
  const { repos } = ctx.catalogue;
  const hideSecret = () => !ctx.access.secretsVisible();
  return {
    'documents.citations': ({ id }) => {
      const doc = visibleDocument(ctx, id);
      const key = doc.numberSymbol ? numberSymbolKey(doc.numberSymbol) : null;
      return { cites: repos.citations.cites(id, hideSecret()), citedBy: repos.citations.citedBy(id, key || null, hideSecret()) };
    },

    'citations.missing': ({ fondsId, form, offset, limit }) => {
      if (fondsId !== undefined) getFonds(ctx, fondsId);
      return repos.citations.missing({ fondsId, form, offset, limit, hideSecret: hideSecret() });
    },

    'citations.link': ({ citationId, documentId }) => {
      const citation = repos.citations.get(citationId);
      if (!citation) throw notFound('citation', citationId);
      visibleDocument(ctx, citation.documentId);
      if (documentId !== null) {
        visibleDocument(ctx, documentId);
        if (documentId === citation.documentId) {
          throw new ApiError('citation.self', {}, { documentId: fieldError('field.chooseOtherDocument') });
        }
      }
      return ctx.catalogue.transaction(() => {
        repos.citations.setLink(citationId, documentId);
        const after = repos.citations.get(citationId)!;
        audit(
          ctx,
          'citation.link',
          'document',
          citation.documentId,
          { citationId, citedDocumentId: citation.citedDocumentId, linkMethod: citation.linkMethod },
          { citationId, citedDocumentId: after.citedDocumentId, linkMethod: after.linkMethod },
        );
        return repos.citations.cites(citation.documentId, hideSecret()).find((c) => c.id === citationId)!;
      });
    },
  };
}
