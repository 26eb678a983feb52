/**
 * Saving an arrangement or renumbering (đánh lại số hồ sơ): the preview of every number that
 * changes (old → new), the files that keep theirs (in a handover batch past the draft) and any
 * number another file holds, then one bulk action on confirmation — its report, and Undo.
 */
import { useMemo, useState } from 'react';
import { collisions, renumberCodes, type OrderPlan } from '@shared/bulk/fileOrder';
import { useT } from '../../i18n';
import { refreshAfterChange } from '../../stores/refresh';
import { useSelectionStore } from '../../stores/selectionStore';
import { BulkFooter } from '../bulk/BulkFooter';
import { BulkOutcome, useBulkDialog } from '../bulk/BulkOutcome';
import { useBulkRun } from '../bulk/useBulkRun';
import { Field } from '../common/Field';
import { Modal } from '../common/Modal';
import { orderedFile, type FileOrder } from './useFileOrder';

export type OrderMode = 'reorder' | 'renumber';

export function FileOrderDialog({ mode, order, onClose }: { mode: OrderMode; fondsId: number; order: FileOrder; onClose(): void }) {
  const t = useT();
  // The rows as the dialog opened: what the preview shows is what is sent.
  const [rows] = useState(order.rows);
  const [start, setStart] = useState('1');
  const [prefix, setPrefix] = useState('');
  const run = useBulkRun();
  const startNumber = /^\d{1,6}$/.test(start.trim()) ? Number(start.trim()) : null;
  const plan: OrderPlan | null = useMemo(() => {
    if (mode === 'reorder') return order.plan;
    return startNumber === null ? null : renumberCodes(rows.map(orderedFile), startNumber, prefix.trim());
  }, [mode, rows, startNumber, prefix]);
  const taken = plan ? collisions(plan, rows) : [];
  const byId = new Map(rows.map((f, i) => [f.id, { file: f, position: i + 1 }]));
  const { busy, finished, undo, close } = useBulkDialog(run, onClose);
  const ready = plan !== null && plan.changes.length > 0 && taken.length === 0;

  const confirm = async () => {
    if (!ready) return;
    const ids = rows.map((f) => f.id);
    const result = await run.run(
      mode === 'reorder' ? { action: 'files.reorder', selection: { kind: 'ids', ids } } : { action: 'files.renumber', selection: { kind: 'ids', ids }, start: startNumber!, prefix: prefix.trim() },
    );
    if (result && result.changed > 0) {
      order.discard();
      useSelectionStore.getState().clear();
      await refreshAfterChange();
    }
  };

  return (
    <Modal title={t(mode === 'reorder' ? 'fileOrder.title.reorder' : 'fileOrder.title.renumber')} onClose={close} testId="file-order-dialog" wide>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void confirm();
        }}
      >
        <div className="modal-body">
          <div hidden={finished}>
            <p>{t(mode === 'reorder' ? 'fileOrder.intro.reorder' : 'fileOrder.intro.renumber', { n: rows.length })}</p>
            {mode === 'renumber' ? (
              <fieldset className="form-grid" disabled={busy}>
                <Field id="file-order-start" label={t('fileOrder.start')} required error={startNumber === null ? t('fileOrder.startInvalid') : null}>
                  <input id="file-order-start" inputMode="numeric" value={start} onChange={(e) => setStart(e.target.value)} data-testid="file-order-start" />
                </Field>
                <Field id="file-order-prefix" label={t('fileOrder.prefix')} hint={t('fileOrder.prefixHint')}>
                  <input id="file-order-prefix" value={prefix} maxLength={40} onChange={(e) => setPrefix(e.target.value)} data-testid="file-order-prefix" />
                </Field>
              </fieldset>
            ) : null}
            {plan && plan.changes.length > 0 ? (
              <>
                <h3 className="section-title">{t('fileOrder.preview', { n: plan.changes.length })}</h3>
                <div className="file-order-preview">
                  <table className="data-table" data-testid="file-order-preview">
                    <thead>
                      <tr>
                        <th className="num">{t('fileOrder.col.position')}</th>
                        <th>{t('fileOrder.col.from')}</th>
                        <th>{t('fileOrder.col.to')}</th>
                        <th>{t('fileOrder.col.title')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {plan.changes.map((c) => (
                        <tr key={c.id} data-testid={`file-order-change-${c.id}`} data-from={c.from} data-to={c.to}>
                          <td className="num">{byId.get(c.id)?.position}</td>
                          <td>{c.from}</td>
                          <td>
                            <strong>{c.to}</strong>
                          </td>
                          <td className="col-title">{byId.get(c.id)?.file.title}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            ) : plan ? (
              <p className="muted" data-testid="file-order-nothing">
                {t('fileOrder.none')}
              </p>
            ) : null}
            {plan && plan.kept.length > 0 ? (
              <p className="warn-text" data-testid="file-order-kept">
                {t('fileOrder.kept', { codes: plan.kept.map((k) => k.code).join(', ') })}
              </p>
            ) : null}
            {taken.length > 0 ? (
              <p className="warn-text" role="alert" data-testid="file-order-taken">
                {t('fileOrder.taken', { codes: taken.slice(0, 10).join(', ') })}
              </p>
            ) : null}
          </div>
          <BulkOutcome run={run} prefix="file-order" error={run.error} />
        </div>
        <BulkFooter
          run={run}
          prefix="file-order"
          submitLabel={plan && plan.changes.length > 0 ? t('fileOrder.confirm', { n: plan.changes.length }) : t('fileOrder.confirmNone')}
          canSubmit={ready}
          onUndo={() => void undo()}
          onClose={finished || run.state === 'failed' ? onClose : close}
        />
      </form>
    </Modal>
  );
}
