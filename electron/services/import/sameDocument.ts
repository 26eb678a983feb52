import { numberSymbolKey } from '../../../shared/domain/numberSymbol';
import { coded, type ErrorMessage } from '../../../shared/contract/errors';
import { mentionOf, sameness } from '../../../shared/importing/sameDocument';
import type { MentionedDocument } from '../../data/repositories/documents';
import type { ServiceContext } from '../context';

/** A catalogued document of the fonds that a newly read one is (`same`) or may be (`probable`). */
export type SameDocument = { kind: 'same' | 'probable'; document: MentionedDocument };

/**
 * The document of the fonds that a newly read one is, by number-symbol, date and issuer
 * (`shared/importing/sameDocument.ts`): one certain match is the same record; several, or one
 * missing a date or an issuer, a probable one for the archivist. Call inside the transaction that
 * commits the new one, so documents committed just before (by this batch or another process)
 * count.
 */
export function findSameDocument(ctx: ServiceContext, fondsId: number, read: { numberSymbol: string | null; issueDate: string | null; issuer: string | null }): SameDocument | null {
  const key = read.numberSymbol ? numberSymbolKey(read.numberSymbol) : null;
  if (!key) return null;
  const candidates = ctx.catalogue.repos.documents.withNumberKey(fondsId, key).filter((c) => sameness(c, read) !== 'different');
  if (candidates.length === 0) return null;
  const same = candidates.filter((c) => sameness(c, read) === 'same');
  if (same.length === 1) return { kind: 'same', document: same[0]! };
  return { kind: 'probable', document: same[0] ?? candidates[0]! };
}

/** The import report's words for a file that is another original of a catalogued record. */
export function sameDocumentMessage(document: MentionedDocument): ReturnType<typeof coded> {
  return coded('importNote.sameDocument', { document: [mentionOf(document)] });
}

/** Why a document that may be another copy of a catalogued one waits for the archivist. */
export function probableDuplicateReason(document: MentionedDocument): ErrorMessage {
  return { code: 'review.probableDuplicate', params: { document: [mentionOf(document)] } };
}
