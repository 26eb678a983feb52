import type { DocumentFields } from '../../../electron/data/repositories/documents';
import type { GeneratedDocument } from './generate';

/** Where a generated document goes in a benchmark catalogue, and what it carries beyond its truth. */
export type Placement = Pick<DocumentFields, 'fondsId' | 'fileId' | 'orderInFile' | 'sheetNumber' | 'securityLevel' | 'fullText'>;

/** A generated document's hand-known metadata as a catalogue record, written straight in by the benchmarks. */
export function documentFieldsOf(t: GeneratedDocument['truth'], placement: Placement): DocumentFields {
  return {
    ...placement,
    docType: t.docType,
    numberSymbol: t.numberSymbol,
    issueDate: t.issueDate,
    issuer: t.issuer,
    parentIssuer: t.parentIssuer,
    place: t.place,
    subject: t.subject,
    signerName: t.signerName,
    signerTitle: t.signerTitle,
    signingAuthority: t.signingAuthority,
    addressees: t.addressees,
    recipients: t.recipients,
    urgency: t.urgency,
    language: 'vi',
    pageCount: null,
    reliability: null,
    incomingStamp: null,
    notes: null,
    reviewFields: [],
    parseInfo: null,
  };
}
