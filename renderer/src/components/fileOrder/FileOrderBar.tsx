/**
 * Above a fonds' files: how to arrange them, the order on screen not yet saved (how many numbers
 * it changes; save or discard), and "renumber" — each saving opens a preview to confirm.
 */
import { useState } from 'react';
import { useT } from '../../i18n';
import { FileOrderDialog, type OrderMode } from './FileOrderDialog';
import type { FileOrder } from './useFileOrder';
import './fileOrder.css';

export function FileOrderBar({ fondsId, order }: { fondsId: number; order: FileOrder }) {
  const t = useT();
  const [open, setOpen] = useState<OrderMode | null>(null);
  return (
    <div className="file-order-bar" role="toolbar" aria-label={t('fileOrder.bar.label')} data-testid="file-order-bar">
      {order.arranged ? (
        <span className="warn-text" role="status" data-testid="file-order-pending" data-changes={order.plan.changes.length}>
          {t('fileOrder.bar.pending', { n: order.plan.changes.length })}
        </span>
      ) : (
        <span className="muted">{t('fileOrder.bar.hint')}</span>
      )}
      <span className="file-order-actions">
        {order.arranged ? (
          <>
            <button type="button" className="primary" onClick={() => setOpen('reorder')} data-testid="file-order-save">
              {t('fileOrder.save')}
            </button>
            <button type="button" onClick={order.discard} data-testid="file-order-discard">
              {t('fileOrder.discard')}
            </button>
          </>
        ) : null}
        <button type="button" onClick={() => setOpen('renumber')} data-testid="file-order-renumber" disabled={order.rows.length === 0}>
          {t('fileOrder.renumber')}
        </button>
      </span>
      {open ? <FileOrderDialog mode={open} fondsId={fondsId} order={order} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}
