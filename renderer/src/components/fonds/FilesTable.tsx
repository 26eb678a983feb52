/**
 * The files of a fonds (mục lục hồ sơ): code, title, retention, completion, box, sheets, handover,
 * documents; selectable, and arranged by moving rows (buttons, Alt+↑/↓) before the order is saved.
 */
import type { ArchiveFile } from '@shared/contract/types';
import { useLocale, useT } from '../../i18n';
import { orDash, retentionLabel } from '../../util/format';
// Selection and bulk actions
import { SelectionBar } from '../bulk/SelectionBar';
import { useListSelection } from '../bulk/useListSelection';
// Arranging and numbering the files
import { FileOrderBar } from '../fileOrder/FileOrderBar';
import { MoveButtons } from '../fileOrder/MoveButtons';
import { useFileOrder } from '../fileOrder/useFileOrder';

export function FilesTable({ fondsId, files, onOpen }: { fondsId: number; files: ArchiveFile[]; onOpen(fileId: number): void }) {
  const t = useT();
  const locale = useLocale();
  const order = useFileOrder(fondsId, files);
  const ids = order.rows.map((f) => f.id);
  const select = useListSelection({ scope: `files:${fondsId}`, target: 'files', fondsId }, ids);
  return (
    <>
      <SelectionBar query={{ target: 'files', query: { kind: 'list', fondsId } }} total={files.length} page={ids} />
      <FileOrderBar fondsId={fondsId} order={order} />
      <table className="data-table" data-testid="files-table">
        <thead>
          <tr>
            <th className="col-check">{select.pageCheckbox()}</th>
            <th>{t('file.codeShort')}</th>
            <th>{t('file.title')}</th>
            <th>{t('file.retention')}</th>
            <th>{t('file.completion')}</th>
            <th>{t('file.box')}</th>
            <th className="num">{t('file.sheets')}</th>
            <th>{t('file.handover')}</th>
            <th className="num">{t('file.documents')}</th>
            <th>{t('fileOrder.column')}</th>
          </tr>
        </thead>
        <tbody>
          {order.rows.map((f, i) => {
            const to = order.newCode.get(f.id);
            return (
              <tr key={f.id} data-testid={`file-row-${f.id}`} data-file-code={f.code} {...select.rowProps(f.id)} onKeyDown={(e) => order.onKey(e, f.id, select.selected(f.id))}>
                <td className="col-check">{select.checkbox(f.id, `${f.code} — ${f.title}`)}</td>
                <td className="nowrap">
                  <button type="button" className="link" onClick={() => onOpen(f.id)} data-testid={`file-link-${f.id}`}>
                    {f.code}
                  </button>
                  {to !== undefined ? (
                    <span className="file-new-code" data-testid={`file-new-code-${f.id}`}>
                      {' '}→ {to}
                    </span>
                  ) : null}
                </td>
                <td className="col-title">{f.title}</td>
                <td className={f.retention ? '' : 'warn-text'}>{retentionLabel(f.retention, locale) ?? t('common.notSet')}</td>
                <td>{f.completion ? t(`file.completion.${f.completion}`) : '—'}</td>
                <td>{orDash(f.box)}</td>
                <td className="num">{orDash(f.sheetCount)}</td>
                <td>{t(`handover.${f.handoverStatus}`)}</td>
                <td className="num">{f.documentCount}</td>
                <td className="nowrap">
                  <MoveButtons file={f} first={i === 0} last={i === order.rows.length - 1} onMove={(step) => order.move(f.id, select.selected(f.id), step)} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
