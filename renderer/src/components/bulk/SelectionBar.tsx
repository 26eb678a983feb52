/**
 * Above a selectable list: how many records are selected, "select all that match" (the whole
 * query, not just the page), and the actions on them, each opening a dialog that says what will
 * change. A toolbar: Tab reaches it, its buttons are named.
 */
import { useState } from 'react';
import { useLazyQuery } from '../../api/hooks';
import { useT } from '../../i18n';
import { pageSelected, selectedCount, useSelectionStore, type ListQuery } from '../../stores/selectionStore';
import { BulkDialog, type BulkKind } from './BulkDialog';
import './bulk.css';

interface Props {
  query: ListQuery;
  /** Records the list's query holds (all pages). */
  total: number;
  page: readonly number[];
}

const DOCUMENT_ACTIONS: BulkKind[] = ['move', 'fields', 'fileFields', 'review', 'batch', 'remove'];
const FILE_ACTIONS: BulkKind[] = ['fileFields', 'batch', 'remove'];

export function SelectionBar({ query, total, page }: Props) {
  const t = useT();
  const list = useSelectionStore((s) => s.list);
  const selection = useSelectionStore((s) => s.selection);
  const selectAll = useSelectionStore((s) => s.selectAll);
  const clear = useSelectionStore((s) => s.clear);
  const [open, setOpen] = useState<BulkKind | null>(null);
  const countDocuments = useLazyQuery('bulk.count');
  // "All that match" counts them on the service side, exactly (a search's total may be an estimate).
  const chooseAll = async () => {
    const selection = { ...query.query, except: [] };
    const counted = await countDocuments.run(query.target === 'documents' ? { target: 'documents', selection: selection as never } : { target: 'files', selection: selection as never });
    selectAll(query, counted ? counted.count : total);
  };
  const active = list?.target === query.target;
  const count = active ? selectedCount(selection) : 0;
  if (!active || (count === 0 && open === null)) return null;
  const actions = query.target === 'documents' ? DOCUMENT_ACTIONS : FILE_ACTIONS;
  const offerAll = selection.mode === 'ids' && pageSelected(selection, page) && total > page.length;

  return (
    <div className="selection-bar" role="toolbar" aria-label={t('bulk.bar.label')} data-testid="selection-bar">
      <span className="selection-count" aria-live="polite" data-testid="selection-count" data-count={count}>
        {t(query.target === 'documents' ? 'bulk.bar.documents' : 'bulk.bar.files', { n: count.toLocaleString('vi-VN') })}
        {selection.mode === 'all' ? <span className="muted"> ({t('bulk.bar.allMatching')})</span> : null}
      </span>
      {offerAll ? (
        <button type="button" className="link" onClick={() => void chooseAll()} disabled={countDocuments.busy} data-testid="bulk-select-all">
          {t('bulk.bar.selectAll', { n: total.toLocaleString('vi-VN') })}
        </button>
      ) : null}
      <span className="selection-actions">
        {actions.map((a) => (
          <button key={a} type="button" onClick={() => setOpen(a)} data-testid={`bulk-${a}`}>
            {t(`bulk.action.${a}`)}
          </button>
        ))}
        <button type="button" onClick={clear} data-testid="bulk-clear">
          {t('bulk.bar.clear')}
        </button>
      </span>
      {open ? <BulkDialog kind={open} target={query.target} count={count} fondsId={list?.fondsId ?? null} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}
