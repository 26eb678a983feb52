/** Shows the current view. */
import { useAppStore } from '../../stores/appStore';
import { HomeView } from '../welcome/HomeView';
import { FondsView } from '../fonds/FondsView';
import { FileView } from '../files/FileView';
import { UnfiledView } from '../files/UnfiledView';
import { DocumentView } from '../documents/DocumentView';
import { SearchView } from '../search/SearchView';

export function MainPane() {
  const view = useAppStore((s) => s.view);
  let content;
  switch (view.kind) {
    case 'fonds':
      content = <FondsView key={view.fondsId} fondsId={view.fondsId} />;
      break;
    case 'file':
      content = <FileView key={view.fileId} fileId={view.fileId} />;
      break;
    case 'unfiled':
      content = <UnfiledView key={view.fondsId} fondsId={view.fondsId} />;
      break;
    case 'document':
      content = <DocumentView key={view.documentId} documentId={view.documentId} />;
      break;
    case 'search':
      content = <SearchView />;
      break;
    // [import] issue 3: reading documents, formats, bulk import, review: add entries below this line
    // [search] issue 4: search: add entries below this line
    // [handover] issue 5: handover: add entries below this line
    // [safety] issue 6: integrity, backups, access: add entries below this line
    default:
      content = <HomeView />;
  }
  return (
    <main className="main-pane" data-testid="main-pane">
      {content}
    </main>
  );
}
