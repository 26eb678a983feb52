/**
 * Files and folders dragged onto the window: an overlay says where they will go, and a drop opens
 * the import dialog with them (or adds them to the one already open).
 */
import { useEffect, useState } from 'react';
import { useDialogStore } from '../../stores/dialogStore';
import { useIntakeStore } from '../../stores/intakeStore';
import { useT } from '../../i18n';
import { importTarget } from '../layout/TopBar';
import { fromDrop } from './pickedFiles';

const carriesFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

export function DropZone() {
  const t = useT();
  const [state, setState] = useState<'idle' | 'over' | 'reading'>('idle');

  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth++;
      setState('over');
    };
    const over = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      // Without this the browser would open the file in place of the app.
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setState('idle');
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e) || !e.dataTransfer) return;
      e.preventDefault();
      depth = 0;
      setState('reading');
      void fromDrop(e.dataTransfer)
        .then((picked) => {
          if (picked.files.length + picked.paths.length + picked.skipped.length === 0) return;
          useIntakeStore.getState().hand(picked);
          const dialogs = useDialogStore.getState();
          if (dialogs.dialog?.kind !== 'import') dialogs.open({ kind: 'import', ...importTarget() });
        })
        .finally(() => setState('idle'));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  if (state === 'idle') return null;
  return (
    <div className="drop-overlay" role="status" aria-live="polite" data-testid="drop-overlay">
      <div className="drop-card">
        <strong>{state === 'reading' ? t('intake.drop.reading') : t('intake.drop.title')}</strong>
        {state === 'over' ? <p className="muted">{t('intake.drop.hint')}</p> : null}
      </div>
    </div>
  );
}
