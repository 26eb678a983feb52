/**
 * What someone who may not see secret records (Mật, Tối mật, Tuyệt mật — Luật Bảo vệ bí mật nhà
 * nước 2018) is shown of one, decided here field by field and applied by the services' secret
 * policy (electron/services/safety/secretPolicy.ts) to every list, report, export, package, history
 * and preview.
 *
 * The rule: a secret record is counted, never named. The handover rules (Công văn 64-CV/TW) need
 * secret records counted in the Biên bản, the statistics and the Mục lục (a row that says "secret"
 * keeps the list complete), so what places and counts a record stays: its security level, its fonds
 * and file, its order and sheet in the file, its page count. Everything that identifies or describes
 * it is withheld — its number and date identify it as surely as its subject does, and its database
 * id opens every other view of it, so the id is withheld too (a withheld id is sent as null).
 */
import type { Attachment, DocumentRecord } from '../contract/types';

export type FieldRule = 'shown' | 'withheld';

/** Written where a withheld subject (or a secret original's name) would be. */
export const HIDDEN_SECRET_TEXT = '[Tài liệu mật — không hiển thị]';

/**
 * Every field of a document record, decided. A field added to `DocumentRecord` does not compile
 * until it is decided here.
 */
export const SECRET_DOCUMENT_FIELDS: { readonly [K in keyof Required<DocumentRecord>]: FieldRule } = {
  id: 'withheld',
  fondsId: 'shown',
  fileId: 'shown',
  orderInFile: 'shown',
  sheetNumber: 'shown',
  docType: 'withheld',
  numberSymbol: 'withheld',
  issueDate: 'withheld',
  issuer: 'withheld',
  parentIssuer: 'withheld',
  place: 'withheld',
  subject: 'withheld',
  signerName: 'withheld',
  signerTitle: 'withheld',
  signingAuthority: 'withheld',
  addressees: 'withheld',
  recipients: 'withheld',
  securityLevel: 'shown',
  urgency: 'withheld',
  language: 'withheld',
  pageCount: 'shown',
  reliability: 'withheld',
  incomingStamp: 'withheld',
  notes: 'withheld',
  reviewFields: 'withheld',
  createdAt: 'withheld',
  updatedAt: 'withheld',
};

/** An original of a secret document: nothing of it is shown (its name is often its subject, its SHA-256 identifies it). */
export const SECRET_ORIGINAL_FIELDS: { readonly [K in keyof Required<Attachment>]: FieldRule } = {
  id: 'withheld',
  documentId: 'withheld',
  fileName: 'withheld',
  mediaType: 'withheld',
  size: 'withheld',
  sha256: 'withheld',
  createdAt: 'withheld',
};

/** The value a withheld field takes: an empty list, the notice for a subject, else null. */
function withheldValue(field: string, value: unknown): unknown {
  if (Array.isArray(value)) return [];
  if (field === 'subject') return HIDDEN_SECRET_TEXT;
  return null;
}

/**
 * A secret document as a locked viewer sees it: every field of `SECRET_DOCUMENT_FIELDS` marked
 * withheld is emptied, except the id, which callers that still need it to join records may keep
 * (`keepId`) provided they never show it. Fields the table does not know (other shapes that share
 * its names, e.g. a package's document) are withheld too, unless named in `alsoShown` (structure
 * such as the keys linking a package's document to its file).
 */
export function lockedSecretDocument<T extends object>(doc: T, opts: { keepId?: boolean; alsoShown?: readonly string[] } = {}): T {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(doc)) {
    const rule = (SECRET_DOCUMENT_FIELDS as Record<string, FieldRule | undefined>)[field];
    if (rule === 'shown' || (field === 'id' && opts.keepId) || opts.alsoShown?.includes(field)) out[field] = value;
    else out[field] = withheldValue(field, value);
  }
  return out as T;
}

/** Whether a record with this security level is withheld from a viewer who may or may not see secrets. */
export function isWithheld(securityLevel: string | null | undefined, secretsVisible: boolean): boolean {
  return !secretsVisible && securityLevel !== null && securityLevel !== undefined;
}
