/**
 * One bulk action from start to end: the form, a sentence saying what will change, the run (with
 * progress and Stop for a large selection), the report with what was refused and why, and Undo.
 * The selection is taken when the dialog opens: what the sentence names is what the action gets.
 */
import { useMemo, useState } from 'react';
import { useT, type MessageKey } from '../../i18n';
import { refreshAfterChange } from '../../stores/refresh';
import { selectionRequest, useSelectionStore, type DocumentSelection, type FileSelection } from '../../stores/selectionStore';
import { Modal } from '../common/Modal';
import { BulkFooter } from './BulkFooter';
import { BulkOutcome, useBulkDialog } from './BulkOutcome';
import { FieldsForm } from './FieldsForm';
import type { FormSpec, Selections } from './forms';
import { MoveForm } from './MoveForm';
import { BatchForm, RemoveForm, ReviewForm } from './SimpleForms';
import { useBulkRun } from './useBulkRun';

export type BulkKind = 'move' | 'fields' | 'fileFields' | 'review' | 'batch' | 'remove';

interface Props {
  kind: BulkKind;
  target: 'documents' | 'files';
  count: number;
  fondsId: number | null;
  onClose(): void;
}

function titleKey(kind: BulkKind, target: 'documents' | 'files'): MessageKey {
  switch (kind) {
    case 'move':
    case 'fields':
    case 'review':
      return `bulk.title.${kind}`;
    case 'fileFields':
    case 'batch':
    case 'remove':
      return `bulk.title.${kind}.${target}`;
  }
}

export function BulkDialog({ kind, target, count: countNow, fondsId, onClose }: Props) {
  const t = useT();
  // What the dialog names is the selection as it was opened (it is cleared once the action is done).
  const [count] = useState(countNow);
  const clear = useSelectionStore((s) => s.clear);
  const selections = useMemo<Selections>(() => {
    const request = selectionRequest(useSelectionStore.getState().selection);
    if (target === 'documents') {
      const documents = request as DocumentSelection;
      return { documents, files: { kind: 'ofDocuments', documents } };
    }
    return { documents: null, files: request as FileSelection };
  }, [target]);
  const [spec, setSpec] = useState<FormSpec>({ build: null, summary: '' });
  const run = useBulkRun();
  const n = count.toLocaleString('vi-VN');
  const formProps = { target, count, fondsId, selections, onSpec: setSpec };
  const { busy, finished, undo, close } = useBulkDialog(run, onClose);

  const start = async () => {
    if (!spec.build) return;
    const result = await run.run(spec.build(selections));
    if (result && result.changed > 0) {
      clear();
      await refreshAfterChange();
    }
  };

  return (
    <Modal title={t(titleKey(kind, target), { n })} onClose={close} testId="bulk-dialog" wide>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <div className="modal-body">
          <fieldset disabled={busy || finished} className="bulk-form" hidden={finished}>
            {kind === 'move' ? <MoveForm {...formProps} /> : null}
            {kind === 'fields' ? <FieldsForm {...formProps} fileLevel={false} /> : null}
            {kind === 'fileFields' ? <FieldsForm {...formProps} fileLevel /> : null}
            {kind === 'review' ? <ReviewForm {...formProps} /> : null}
            {kind === 'batch' ? <BatchForm {...formProps} /> : null}
            {kind === 'remove' ? <RemoveForm {...formProps} /> : null}
          </fieldset>
          {spec.summary && !finished ? (
            <p className="bulk-summary" data-testid="bulk-summary">
              {spec.summary}
            </p>
          ) : null}
          {busy ? <BulkProgress job={run.job} /> : null}
          {run.state === 'cancelled' ? <p className="muted">{t('bulk.job.cancelled')}</p> : null}
          <BulkOutcome run={run} prefix="bulk" error={run.error ? (run.state === 'failed' ? t('bulk.job.failed', { error: run.error }) : run.error) : null} />
        </div>
        <BulkFooter run={run} prefix="bulk" submitLabel={t('bulk.run')} canSubmit={spec.build !== null} onUndo={() => void undo()} onClose={finished || run.state === 'failed' ? onClose : close} />
      </form>
    </Modal>
  );
}

function BulkProgress({ job }: { job: ReturnType<typeof useBulkRun>['job'] }) {
  const t = useT();
  if (!job) return <p className="muted">{t('bulk.running')}</p>;
  const writing = job.processed >= job.total;
  return (
    <div className="bulk-progress" data-testid="bulk-progress">
      <progress max={Math.max(1, job.total)} value={job.processed} aria-label={t('bulk.job.progress')} />
      <p className="muted" aria-live="polite">
        {writing ? t('bulk.job.writing') : t('bulk.job.checking', { done: job.processed.toLocaleString('vi-VN'), total: job.total.toLocaleString('vi-VN') })}
      </p>
    </div>
  );
}
