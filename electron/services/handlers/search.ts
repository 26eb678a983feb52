import type { ApiHandlers } from '../../../shared/contract/api';
import type { SearchHit } from '../../../shared/contract/types';
import { prepareQuery } from '../../../shared/search/query';
import { makeSnippet } from '../../../shared/text/snippet';
import type { ServiceContext } from '../context';

type Handlers = Pick<ApiHandlers, 'search.query'>;

export function searchHandlers(ctx: ServiceContext): Handlers {
  const { repos } = ctx.catalogue;
  return {
    'search.query': ({ text, filters, offset, limit }) => {
      const prepared = prepareQuery(text);
      const page = prepared.match
        ? repos.searchIndex.search(prepared.match, filters, offset, limit)
        : repos.searchIndex.browse(filters, offset, limit);
      const fondsCodes = repos.fonds.codesById();
      const hits: SearchHit[] = [];
      for (const row of page.rows) {
        const doc = repos.documents.get(row.id);
        if (!doc) continue;
        const file = doc.fileId !== null ? repos.files.get(doc.fileId) : undefined;
        hits.push({
          documentId: doc.id,
          numberSymbol: doc.numberSymbol,
          docType: doc.docType,
          issueDate: doc.issueDate,
          issuer: doc.issuer,
          subject: doc.subject,
          fondsId: doc.fondsId,
          fondsCode: fondsCodes.get(doc.fondsId) ?? '',
          fileId: doc.fileId,
          fileTitle: file?.title ?? null,
          score: row.score,
          snippet: makeSnippet(repos.documents.fullText(doc.id), prepared.terms),
        });
      }
      return { total: page.total, hits };
    },
  };
}
