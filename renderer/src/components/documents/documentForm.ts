/** The document form's values (as typed) and the patch they make for documents.update. */
import type { DocumentRecord, SecurityLevel, Urgency } from '@shared/contract/types';
import type { Translate } from '../../i18n';
import { isIsoDate } from '@shared/text/dates';

export interface DocumentFormValues {
  docType: string;
  numberSymbol: string;
  issueDate: string;
  issuer: string;
  subject: string;
  signerName: string;
  signerTitle: string;
  signingAuthority: string;
  addressees: string;
  recipients: string;
  securityLevel: '' | SecurityLevel;
  urgency: '' | Urgency;
  notes: string;
  fileId: string;
}

interface DocumentPatch {
  docType: string | null;
  numberSymbol: string | null;
  issueDate: string | null;
  issuer: string | null;
  subject: string | null;
  signerName: string | null;
  signerTitle: string | null;
  signingAuthority: string | null;
  addressees: string[];
  recipients: string[];
  securityLevel: SecurityLevel | null;
  urgency: Urgency | null;
  notes: string | null;
  fileId: number | null;
}

export function documentToForm(d: DocumentRecord): DocumentFormValues {
  return {
    docType: d.docType ?? '',
    numberSymbol: d.numberSymbol ?? '',
    issueDate: d.issueDate ?? '',
    issuer: d.issuer ?? '',
    subject: d.subject ?? '',
    signerName: d.signerName ?? '',
    signerTitle: d.signerTitle ?? '',
    signingAuthority: d.signingAuthority ?? '',
    addressees: d.addressees.join('\n'),
    recipients: d.recipients.join('\n'),
    securityLevel: d.securityLevel ?? '',
    urgency: d.urgency ?? '',
    notes: d.notes ?? '',
    fileId: d.fileId === null ? '' : String(d.fileId),
  };
}

const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());
/** One entry per non-empty line. */
const lines = (s: string): string[] =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);

function toPatch(v: DocumentFormValues): DocumentPatch {
  return {
    docType: orNull(v.docType),
    numberSymbol: orNull(v.numberSymbol),
    issueDate: orNull(v.issueDate),
    issuer: orNull(v.issuer),
    subject: orNull(v.subject),
    signerName: orNull(v.signerName),
    signerTitle: orNull(v.signerTitle),
    signingAuthority: orNull(v.signingAuthority),
    addressees: lines(v.addressees),
    recipients: lines(v.recipients),
    securityLevel: v.securityLevel || null,
    urgency: v.urgency || null,
    notes: orNull(v.notes),
    fileId: v.fileId === '' ? null : Number(v.fileId),
  };
}

/** Only the fields whose value differs from the document as loaded. */
export function documentPatch(original: DocumentRecord, values: DocumentFormValues): Partial<DocumentPatch> {
  const before = toPatch(documentToForm(original));
  const after = toPatch(values);
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof DocumentPatch)[]) {
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) patch[key] = after[key];
  }
  return patch as Partial<DocumentPatch>;
}

export function validateDocumentForm(v: DocumentFormValues, t: Translate): Record<string, string> {
  const e: Record<string, string> = {};
  if (v.issueDate && !isIsoDate(v.issueDate)) e['issueDate'] = t('common.invalidDate');
  return e;
}
