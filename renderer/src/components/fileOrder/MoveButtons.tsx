/** A row's ↑ and ↓: move this file (or the selected files, when it is one of them) one place. */
import type { ArchiveFile } from '@shared/contract/types';
import { useT } from '../../i18n';

export function MoveButtons({ file, first, last, onMove }: { file: ArchiveFile; first: boolean; last: boolean; onMove(step: -1 | 1): void }) {
  const t = useT();
  return (
    <span className="move-buttons">
      <button type="button" className="move-button" onClick={() => onMove(-1)} disabled={first} aria-label={t('fileOrder.up', { code: file.code })} title={t('fileOrder.up', { code: file.code })} data-testid={`file-up-${file.id}`}>
        ↑
      </button>
      <button type="button" className="move-button" onClick={() => onMove(1)} disabled={last} aria-label={t('fileOrder.down', { code: file.code })} title={t('fileOrder.down', { code: file.code })} data-testid={`file-down-${file.id}`}>
        ↓
      </button>
    </span>
  );
}
