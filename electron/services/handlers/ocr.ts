import type { ApiHandlers } from '../../../shared/contract/api';
import type { DocumentPages } from '../../../shared/contract/types/ocr';
import { LOW_OCR_CONFIDENCE, fieldPlaces } from '../../../shared/ocr/fieldBoxes';
import type { TextSpan } from '../../../shared/parser/types';
import type { ServiceContext } from '../context';
import { assertDocumentVisible } from '../safety/secretsAccess';
import { getDocument } from './documents';

type Handlers = Pick<ApiHandlers, 'documents.pages'>;

/** A document's OCR pages with their word boxes, and where each parsed field was read on them. */
export function ocrHandlers(ctx: ServiceContext): Handlers {
  const { repos } = ctx.catalogue;
  return {
    'documents.pages': ({ id }): DocumentPages => {
      // As visible as the document itself: a secret one the caller may not see shows no page either.
      assertDocumentVisible(ctx, id);
      getDocument(ctx, id);
      const pages = repos.documentPages.list(id);
      const info = repos.review.parseInfo(id);
      const spans = (info?.['spans'] ?? {}) as Record<string, TextSpan[] | undefined>;
      return {
        documentId: id,
        pages: pages.map((p) => ({
          index: p.index,
          width: p.width,
          height: p.height,
          source: p.source,
          confidence: p.confidence ?? null,
          words: p.items.map((w) => ({ text: w.text, x: w.x, y: w.y, width: w.width, height: w.height, confidence: w.confidence ?? null, start: w.start ?? -1, end: w.end ?? -1 })),
        })),
        fields:
          pages.length === 0
            ? []
            : fieldPlaces(pages, spans).map((f) => ({
                field: f.field,
                boxes: f.boxes.map((b) => ({ page: b.page, x: b.x, y: b.y, width: b.width, height: b.height, confidence: b.confidence ?? null })),
                confidence: f.confidence,
                lowConfidence: f.confidence !== null && f.confidence < LOW_OCR_CONFIDENCE,
              })),
        threshold: LOW_OCR_CONFIDENCE,
      };
    },
  };
}
