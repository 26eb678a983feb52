/**
 * Makes a list selectable: a checkbox per row (named for screen readers), one for the page, and
 * clicks on a row as in a file manager (click, Ctrl/⌘+click, Shift+click). The list shows the
 * selection bar above it (`SelectionBar`).
 */
import { useEffect, type MouseEvent } from 'react';
import { useT } from '../../i18n';
import { isSelected, pageSelected, useSelectionStore, type ListInfo } from '../../stores/selectionStore';

function fromControl(e: MouseEvent): boolean {
  return (e.target as HTMLElement).closest('button, a, input, select, textarea, label') !== null;
}

export function useListSelection(list: ListInfo, page: readonly number[]) {
  const t = useT();
  const bind = useSelectionStore((s) => s.bind);
  const active = useSelectionStore((s) => s.list?.scope === list.scope && s.list.target === list.target);
  const selection = useSelectionStore((s) => s.selection);
  const store = useSelectionStore.getState;
  useEffect(() => bind(list), [bind, list.scope, list.target, list.fondsId]);

  const selected = (id: number) => active && isSelected(selection, id);
  const noun = list.target === 'documents' ? 'bulk.select.document' : 'bulk.select.file';

  return {
    selected,
    /** Props of a row: clicking it (outside its links and buttons) selects it. */
    rowProps: (id: number) => ({
      onClick: (e: MouseEvent) => {
        if (fromControl(e)) return;
        store().click(id, page, { shift: e.shiftKey, toggle: e.ctrlKey || e.metaKey });
      },
      // Shift+click would otherwise select the text of the rows between.
      onMouseDown: (e: MouseEvent) => {
        if (e.shiftKey && !fromControl(e)) e.preventDefault();
      },
      className: selected(id) ? 'row-selected' : undefined,
      'data-selected': selected(id) ? 'true' : undefined,
    }),
    checkbox: (id: number, label: string) => (
      <input
        type="checkbox"
        className="row-check"
        checked={selected(id)}
        onChange={() => undefined}
        onClick={(e) => store().toggle(id, page, { shift: e.shiftKey })}
        aria-label={t(noun, { label })}
        data-testid={`select-${list.target === 'documents' ? 'document' : 'file'}-${id}`}
      />
    ),
    pageCheckbox: () => {
      const all = active && pageSelected(selection, page);
      const some = active && !all && page.some((id) => isSelected(selection, id));
      return (
        <input
          type="checkbox"
          className="row-check"
          checked={all}
          ref={(el) => {
            if (el) el.indeterminate = some;
          }}
          onChange={() => store().togglePage(page)}
          aria-label={t('bulk.select.page')}
          data-testid="select-page"
          disabled={page.length === 0}
        />
      );
    },
  };
}
