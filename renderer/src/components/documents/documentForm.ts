/** The document form's values (as typed) and the patch they make for documents.update. */
import type { DocumentRecord, IncomingStamp, SecurityLevel, Urgency } from '@shared/contract/types';
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
  parentIssuer: string;
  place: string;
  orderInFile: string;
  sheetNumber: string;
  language: string;
  pageCount: string;
  reliability: string;
  /** Dấu “ĐẾN”: the receiving body, the number and the date as written on the stamp. */
  stampReceiver: string;
  stampNumber: string;
  stampDate: string;
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
  parentIssuer: string | null;
  place: string | null;
  orderInFile: number | null;
  sheetNumber: string | null;
  language: string | null;
  pageCount: number | null;
  reliability: string | null;
  incomingStamp: IncomingStamp | null;
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
    parentIssuer: d.parentIssuer ?? '',
    place: d.place ?? '',
    orderInFile: d.orderInFile === null ? '' : String(d.orderInFile),
    sheetNumber: d.sheetNumber ?? '',
    language: d.language ?? '',
    pageCount: d.pageCount === null ? '' : String(d.pageCount),
    reliability: d.reliability ?? '',
    stampReceiver: d.incomingStamp?.receiver ?? '',
    stampNumber: d.incomingStamp?.number ?? '',
    stampDate: d.incomingStamp?.date ?? '',
  };
}

const wholeNumber = (s: string): number | null => (s.trim() === '' ? null : Number(s.trim()));

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
    parentIssuer: orNull(v.parentIssuer),
    place: orNull(v.place),
    orderInFile: wholeNumber(v.orderInFile),
    sheetNumber: orNull(v.sheetNumber),
    language: orNull(v.language),
    pageCount: wholeNumber(v.pageCount),
    reliability: orNull(v.reliability),
    incomingStamp:
      orNull(v.stampReceiver) === null && orNull(v.stampNumber) === null && orNull(v.stampDate) === null
        ? null
        : { receiver: orNull(v.stampReceiver), number: orNull(v.stampNumber), date: orNull(v.stampDate) },
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
  for (const key of ['orderInFile', 'pageCount'] as const) {
    if (v[key].trim() !== '' && !/^\d{1,7}$/.test(v[key].trim())) e[key] = t('common.invalidNumber');
  }
  return e;
}
