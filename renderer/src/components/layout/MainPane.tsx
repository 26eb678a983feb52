/** Shows the current view. */
import { useAppStore } from '../../stores/appStore';
import { HomeView } from '../welcome/HomeView';
import { FondsView } from '../fonds/FondsView';
import { FileView } from '../files/FileView';
import { UnfiledView } from '../files/UnfiledView';
import { DocumentView } from '../documents/DocumentView';
import { SearchView } from '../search/SearchView';
import { SafetyView } from '../safety/SafetyView';
import { ReviewView } from '../review/ReviewView';
import { ReviewWalk } from '../review/ReviewWalk';
import { ImportRunsView } from '../import/ImportRunsView';
import { ImportRunReport } from '../import/ImportRunReport';
import { MissingCitationsView } from '../citations/MissingCitationsView';
import { RegisterImportView } from '../registers/RegisterImportView';
import { BatchView } from '../handover/BatchView';
import { HandoverHome } from '../handover/HandoverHome';
import { InventoryView } from '../handover/InventoryView';
import { ReceiveView } from '../handover/ReceiveView';
// Selection and bulk actions, bodies and fonds
import { BulkHistoryView } from '../bulk/BulkHistoryView';
import { OrganizationsView } from '../structure/OrganizationsView';

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
    // Reading documents, formats, bulk import, review
    case 'registerImport':
      content = <RegisterImportView />;
      break;
    case 'review':
      content = <ReviewView key={`${view.fondsId ?? ''}-${view.field ?? ''}`} fondsId={view.fondsId} field={view.field} />;
      break;
    case 'importRuns':
      content = <ImportRunsView />;
      break;
    case 'importRun':
      content = <ImportRunReport key={view.runId} runId={view.runId} />;
      break;
    case 'missingCitations':
      content = <MissingCitationsView key={view.fondsId ?? 'all'} fondsId={view.fondsId} />;
      break;
    // Handover
    case 'handover':
      content = <HandoverHome />;
      break;
    case 'handoverBatch':
      content = <BatchView key={view.batchId} batchId={view.batchId} />;
      break;
    case 'handoverReceive':
      content = <ReceiveView />;
      break;
    case 'inventory':
      content = <InventoryView key={`f${view.fondsId}`} scope={{ fondsId: view.fondsId }} />;
      break;
    case 'orgInventory':
      content = <InventoryView key={`o${view.organizationId}`} scope={{ organizationId: view.organizationId }} />;
      break;
    // The review queue walked one document at a time, the original beside it
    case 'reviewWalk':
      content = <ReviewWalk key={`${view.fondsId ?? ''}-${view.field ?? ''}`} fondsId={view.fondsId} field={view.field} />;
      break;
    // Integrity, backups, access
    case 'safety':
      content = <SafetyView tab={view.tab} />;
      break;
    // Selection and bulk actions, bodies and fonds
    case 'bulkHistory':
      content = <BulkHistoryView />;
      break;
    case 'structure':
      content = <OrganizationsView />;
      break;
    default:
      content = <HomeView />;
  }
  return (
    <main id="main-content" tabIndex={-1} className="main-pane" data-testid="main-pane">
      {content}
    </main>
  );
}
