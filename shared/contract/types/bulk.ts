/**
 * Results of the bulk operations: what an action changed, what it left as it was, and what it
 * refused, each refusal as a code with parameters (the UI's catalogue writes the sentence).
 */

export type BulkActionName =
  | 'documents.move'
  | 'documents.setFields'
  | 'documents.confirmReview'
  | 'documents.remove'
  | 'files.setFields'
  | 'files.remove'
  | 'files.addToBatch'
  | 'files.renumber'
  | 'files.reorder'
  | 'documents.reorder';

export type BulkEntity = 'document' | 'file';

/** Why a record was left out of a bulk action. */
export type RefusalCode =
  /** Not in the catalogue, or a secret record the caller may not see (the two are not told apart). */
  | 'not_found'
  /** Removed (gỡ bỏ): restore it first. */
  | 'removed'
  /** In another fonds than the target file: fonds are never mixed. `{ fonds }` */
  | 'other_fonds'
  /** The document's date lies outside the file's dates. `{ date, start, end }` */
  | 'date_outside_file'
  /** Its file is in a handover batch past the draft stage. `{ batch, status }` */
  | 'in_handover'
  /** The document sits in no file (a file field was asked for). */
  | 'not_in_file'
  /** Already in a handover batch. `{ batch }` */
  | 'in_batch'
  /** The file holds secret documents: a reason is needed to confirm them (and the right to see them). `{ count }` */
  | 'secret_needs_confirmation'
  /** Listed by a destruction decision. `{ decision }` */
  | 'in_destruction'
  /** Documents of the file are dated outside the dates asked for. `{ count, start, end }` */
  | 'documents_outside_dates'
  /** The file's dates would end before they start. `{ start, end }` */
  | 'dates_reversed'
  /** A new file could not be made in this fonds: the number is taken there. `{ code, fonds }` */
  | 'file_code_taken'
  /** The record changed while the action was being prepared. */
  | 'changed_meanwhile'
  /** A file in a handover batch past the draft: its number stays. `{ batch, status }` */
  | 'file_in_handover'
  /** Not a file of the fonds being numbered, or not a document of the file being ordered. */
  | 'not_in_list';

export interface BulkRefusal {
  entityType: BulkEntity;
  id: number;
  /** Number-symbol or file code, to name it in the report; null when not known (or hidden). */
  label: string | null;
  code: RefusalCode;
  params?: Record<string, string | number | null>;
}

export interface BulkResult {
  /** The operation to undo, or null when nothing changed. */
  operationId: number | null;
  action: BulkActionName;
  /** Records the selection named. */
  selected: number;
  /** Records changed (one audit row each). */
  changed: number;
  /** Records already as asked (nothing to do). */
  unchanged: number;
  refusedCount: number;
  /** The first refusals (up to 500), by record. */
  refusals: BulkRefusal[];
  /** Refusals counted by code. */
  refusedByCode: Partial<Record<RefusalCode, number>>;
  /** Ids of the documents and files changed (the files include one created). */
  documentIds: number[];
  fileIds: number[];
  /** Files the action created (a move into a new file makes one in each fonds of the documents). */
  createdFileIds: number[];
  tookMs: number;
}

/** How many records a selection names (what the confirmation says). */
export interface BulkCount {
  count: number;
  /** For a file selection built from documents: documents in no file. */
  withoutFile?: number;
  /** Documents or files the selection names, a few, to show in the confirmation. */
  sample: Array<{ id: number; label: string | null }>;
}

export interface BulkOperationSummary {
  id: number;
  action: BulkActionName;
  actor: string;
  at: string;
  changed: number;
  refused: number;
  /** Short description of the parameters (target file code, fields set, reason). */
  detail: Record<string, unknown>;
  undoneAt: string | null;
  undoneBy: string | null;
}

export interface BulkUndoResult {
  operationId: number;
  restored: number;
  documentIds: number[];
  fileIds: number[];
}
