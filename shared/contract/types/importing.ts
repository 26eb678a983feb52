/**
 * Records of the import area: import runs and their reports, citations between
 * documents, and the review queue.
 */
import type { ErrorMessage } from '../errors';
import type { TextSpan } from '../../parser/types';
import type { DocumentRecord, ImportOutcome } from '../types';

/** Where an import run stands. `interrupted`: its process ended without finishing (crash, power cut). */
export type ImportRunState = 'running' | 'done' | 'cancelled' | 'failed' | 'interrupted';

/** One import (lần nhập): what was asked, by whom, and how many files ended how. */
export interface ImportRun {
  id: number;
  state: ImportRunState;
  fondsId: number;
  fondsCode: string;
  fileId: number | null;
  /** The files and folders given (paths), or the names of uploaded files. */
  sources: string[];
  /** True when the sources are paths on this machine, so the run can be walked again. */
  resumable: boolean;
  actor: string;
  host: string;
  startedAt: string;
  finishedAt: string | null;
  /** Files found under the sources (null until counted). */
  total: number | null;
  processed: number;
  imported: number;
  duplicates: number;
  failed: number;
  /** Why the run stopped, when it failed or was interrupted (Vietnamese). */
  error: string | null;
  /** The same as a code with parameters, for the interface's language (absent for one stored as plain text). */
  errorText?: ErrorMessage | null;
  /** How many times the run was resumed. */
  resumes: number;
}

export interface ImportRunsPage {
  total: number;
  items: ImportRun[];
}

/** One file of a run's report. */
export interface ImportRunItem {
  /** Order in which the file was handled within the run. */
  seq: number;
  name: string;
  outcome: ImportOutcome;
  documentId: number | null;
  sha256: string | null;
  size: number | null;
  /** Vietnamese reason for a failure or a duplicate, or note on an imported file. */
  message: string | null;
  /** The same as a code with parameters, for the interface's language (absent for a report line stored as plain text). */
  text?: ErrorMessage | null;
  at: string;
}

export interface ImportRunItemsPage {
  total: number;
  items: ImportRunItem[];
}

/** A report exported as a file the user saves. */
export interface ExportedFile {
  fileName: string;
  mediaType: string;
  content: string;
}

/** A document as shown in a citation or a review list. */
export interface DocumentRef {
  id: number;
  fondsId: number;
  fondsCode: string;
  numberSymbol: string | null;
  docType: string | null;
  issueDate: string | null;
  issuer: string | null;
  subject: string | null;
}

/**
 * `linked`: the cited document is in the catalogue and identified; `ambiguous`: documents with that
 * number exist but none is identified for sure (several, or the date differs), see `candidates`;
 * `missing`: no document with that number is catalogued yet.
 */
export type CitationState = 'linked' | 'ambiguous' | 'missing';

/** One reference in a document's text to another document. */
export interface CitationLink {
  id: number;
  /** As written, normalised: `44-KL/TU`, `178/2024/NĐ-CP`. */
  numberSymbol: string;
  form: 'party' | 'state';
  docType: string | null;
  citedDate: string | null;
  span: TextSpan | null;
  state: CitationState;
  /** `manual` when an archivist chose the target. */
  linkMethod: 'auto' | 'manual';
  target: DocumentRef | null;
  candidates: DocumentRef[];
}

/** A document that cites this one (linked), or may cite it (same number, not identified). */
export interface CitedBy {
  citationId: number;
  numberSymbol: string;
  citedDate: string | null;
  linked: boolean;
  source: DocumentRef;
}

export interface DocumentCitations {
  cites: CitationLink[];
  citedBy: CitedBy[];
}

/** A cited document not in the catalogue: what an archivist should look for. */
export interface MissingCitation {
  numberKey: string;
  numberSymbol: string;
  form: 'party' | 'state';
  docType: string | null;
  citedDates: string[];
  /** How many catalogued documents cite it. */
  citingDocuments: number;
  /** One of them, to open. */
  exampleDocumentId: number;
}

export interface MissingCitationsPage {
  total: number;
  items: MissingCitation[];
}

/** Why a field waits for review (`duplicate`: the document may be another copy of one already in the fonds). */
export type ReviewReason = 'empty' | 'doubtful' | 'ocr' | 'duplicate';

export interface ReviewExcerpt {
  before: string;
  match: string;
  after: string;
}

export interface ReviewField {
  field: string;
  value: unknown;
  reason: ReviewReason;
  /** The reason in words, when the reader or the importer stored one (which document it may duplicate, why OCR is needed): Vietnamese. */
  note?: string | null;
  /** The same reason as a code with parameters, for the interface's language (absent for a reason stored as plain text). */
  noteText?: ErrorMessage | null;
  /** Where the parser found it in the text (empty: not found in the text). */
  spans: TextSpan[];
  /** The text around the first place it was found. */
  excerpt: ReviewExcerpt | null;
}

export interface ReviewItem {
  document: DocumentRef;
  fields: ReviewField[];
}

export interface ReviewPage {
  total: number;
  items: ReviewItem[];
}

export interface ReviewSummary {
  documents: number;
  byField: Array<{ field: string; count: number }>;
}

/** An archivist's confirmation of one field (xác nhận). */
export interface ReviewConfirmation {
  id: number;
  documentId: number;
  field: string;
  value: unknown;
  /** True when the value was changed in the same step. */
  edited: boolean;
  confirmedBy: string;
  confirmedAt: string;
}

export interface ReviewConfirmResult {
  document: DocumentRecord;
  confirmations: ReviewConfirmation[];
}
