/** The tree Phông → Hồ sơ (+ "Chưa lập hồ sơ"), with document counts. */
import type { ArchiveFile, Fonds } from '@shared/contract/types';
import { useAppStore, type View } from '../../stores/appStore';
import { unfiledCount, useCatalogueStore, useFondsFiles } from '../../stores/catalogueStore';
import { useDialogStore } from '../../stores/dialogStore';
import { useDocumentStore } from '../../stores/documentStore';
import { useT } from '../../i18n';
import { AreaNav } from './AreaNav';

/** Which node the main pane shows, so the tree can highlight it. */
interface Selection {
  fondsId: number | null;
  fileId: number | null;
  unfiled: boolean;
}

function useSelection(): Selection {
  const view = useAppStore((s) => s.view);
  const detail = useDocumentStore((s) => s.detail);
  const filesByFonds = useCatalogueStore((s) => s.filesByFonds);
  switch (view.kind) {
    case 'fonds':
      return { fondsId: view.fondsId, fileId: null, unfiled: false };
    case 'unfiled':
      return { fondsId: view.fondsId, fileId: null, unfiled: true };
    case 'file': {
      const fondsId = Object.entries(filesByFonds).find(([, files]) => files.some((f) => f.id === view.fileId))?.[0];
      return { fondsId: fondsId ? Number(fondsId) : null, fileId: view.fileId, unfiled: false };
    }
    case 'document':
      return detail && detail.id === view.documentId
        ? { fondsId: detail.fondsId, fileId: detail.fileId, unfiled: detail.fileId === null }
        : { fondsId: null, fileId: null, unfiled: false };
    default:
      return { fondsId: null, fileId: null, unfiled: false };
  }
}

export function Sidebar() {
  const t = useT();
  const fonds = useCatalogueStore((s) => s.fonds);
  const loaded = useCatalogueStore((s) => s.loaded);
  const openDialog = useDialogStore((s) => s.open);
  const selection = useSelection();

  return (
    <nav className="sidebar" aria-label={t('tree.title')} data-testid="sidebar">
      <AreaNav />
      <div className="sidebar-header">
        <h2>{t('tree.title')}</h2>
        <button type="button" className="small" onClick={() => openDialog({ kind: 'newFonds' })} data-testid="tree-new-fonds">
          + {t('tree.newFonds')}
        </button>
      </div>
      {!loaded ? <p className="muted sidebar-empty">{t('common.loading')}</p> : fonds.length === 0 ? <p className="muted sidebar-empty">{t('tree.empty')}</p> : null}
      <ul className="tree" data-testid="tree">
        {fonds.map((f) => (
          <FondsNode key={f.id} fonds={f} selection={selection} />
        ))}
      </ul>
    </nav>
  );
}

function FondsNode({ fonds, selection }: { fonds: Fonds; selection: Selection }) {
  const t = useT();
  const expanded = useCatalogueStore((s) => s.expanded[fonds.id] ?? false);
  const toggle = useCatalogueStore((s) => s.toggle);
  const expand = useCatalogueStore((s) => s.expand);
  const navigate = useAppStore((s) => s.navigate);
  const isOpen = expanded || selection.fondsId === fonds.id;
  const files = useFondsFiles(isOpen ? fonds.id : null);
  const go = (view: View) => {
    expand(fonds.id);
    navigate(view);
  };
  const selected = selection.fondsId === fonds.id && selection.fileId === null && !selection.unfiled;

  return (
    <li className="tree-fonds" data-testid={`tree-fonds-${fonds.id}`}>
      <div className={`tree-row${selected ? ' selected' : ''}`}>
        <button
          type="button"
          className="tree-toggle"
          aria-expanded={isOpen}
          aria-label={isOpen ? t('tree.collapse') : t('tree.expand')}
          onClick={() => toggle(fonds.id)}
        >
          {isOpen ? '▾' : '▸'}
        </button>
        <button
          type="button"
          className="tree-label"
          aria-current={selected ? 'page' : undefined}
          onClick={() => go({ kind: 'fonds', fondsId: fonds.id })}
          title={`${fonds.code} — ${fonds.name}`}
        >
          <span className="tree-code">{fonds.code}</span> {fonds.name}
        </button>
        <span className="tree-count" title={t('fonds.documents')}>
          {fonds.documentCount}
        </span>
      </div>
      {isOpen ? (
        <ul className="tree-children">
          {(files ?? []).map((file) => (
            <FileNode key={file.id} file={file} selected={selection.fileId === file.id} onOpen={() => go({ kind: 'file', fileId: file.id })} />
          ))}
          <li data-testid={`tree-unfiled-${fonds.id}`}>
            <div className={`tree-row tree-leaf${selection.unfiled && selection.fondsId === fonds.id ? ' selected' : ''}`}>
              <button type="button" className="tree-label tree-unfiled" onClick={() => go({ kind: 'unfiled', fondsId: fonds.id })}>
                {t('tree.unfiled')}
              </button>
              <span className="tree-count">{unfiledCount(fonds, files)}</span>
            </div>
          </li>
        </ul>
      ) : null}
    </li>
  );
}

function FileNode({ file, selected, onOpen }: { file: ArchiveFile; selected: boolean; onOpen(): void }) {
  return (
    <li data-testid={`tree-file-${file.id}`}>
      <div className={`tree-row tree-leaf${selected ? ' selected' : ''}`}>
        <button type="button" className="tree-label" aria-current={selected ? 'page' : undefined} onClick={onOpen} title={`${file.code} — ${file.title}`}>
          <span className="tree-code">{file.code}</span> {file.title}
        </button>
        <span className="tree-count">{file.documentCount}</span>
      </div>
    </li>
  );
}
