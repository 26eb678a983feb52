/** What a bulk dialog's form gives the dialog: how to build the action, and what it will change in words. */
import type { InputOf } from '@shared/contract/api';
import type { DocumentSelection, FileSelection } from '../../stores/selectionStore';

export type BulkInput = InputOf<'bulk.start'>;

export interface Selections {
  /** The documents selected (null when files are). */
  documents: DocumentSelection | null;
  /** The files selected, or those holding the selected documents. */
  files: FileSelection;
}

export interface FormSpec {
  /** The action for the selections; null while the form is not complete. */
  build: ((s: Selections) => BulkInput) | null;
  /** What will change, in a sentence. */
  summary: string;
}

export interface FormProps {
  target: 'documents' | 'files';
  count: number;
  fondsId: number | null;
  selections: Selections;
  onSpec(spec: FormSpec): void;
}
