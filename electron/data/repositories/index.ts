import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Counts } from '../../../shared/contract/types';
import { AttachmentRepository } from './attachments';
import { AuditRepository } from './audit';
import { CodeListRepository } from './codes';
import { DocumentRepository } from './documents';
import { FileListRepository } from './fileLists';
import { FileRepository } from './files';
import { FondsRepository } from './fonds';
import { OrganizationRepository } from './organizations';
import { FacetColumnRepository } from './facetColumns';
import { SavedSearchRepository } from './savedSearches';
import { SearchHistoryRepository } from './searchHistory';
import { SearchHitRepository } from './searchHits';
import { SearchIndexRepository } from './searchIndex';
import { SearchJournalRepository } from './searchJournal';
import { SettingsRepository } from './settings';
import { DestructionRepository } from './destruction';
import { IntegrityRepository } from './integrity';
import { RemovalRepository } from './removals';
import { SecretRecordRepository } from './secretRecords';
import { HandoverBatchRepository } from './handoverBatches';
import { HandoverDataRepository } from './handoverData';
import { CitationRepository } from './citations';
import { ImportRunRepository } from './importRuns';
import { ReviewRepository } from './review';
import { RegisterRepository } from './registers';
import { BulkRepository } from './bulk';
import { DocumentPageRepository } from './documentPages';

/** The data layer: every SQL statement of Kho Lưu lives behind one of these. */
export class Repositories {
  readonly organizations: OrganizationRepository;
  readonly fonds: FondsRepository;
  readonly fileLists: FileListRepository;
  readonly files: FileRepository;
  readonly documents: DocumentRepository;
  readonly attachments: AttachmentRepository;
  readonly audit: AuditRepository;
  /** Search: the full-text index, the facet columns and their change journal, hit rows, saved searches, history. */
  readonly searchIndex: SearchIndexRepository;
  readonly facetColumns: FacetColumnRepository;
  readonly searchJournal: SearchJournalRepository;
  readonly searchHits: SearchHitRepository;
  readonly savedSearches: SavedSearchRepository;
  readonly searchHistory: SearchHistoryRepository;
  readonly settings: SettingsRepository;
  readonly codes: CodeListRepository;
  readonly citations: CitationRepository;
  readonly importRuns: ImportRunRepository;
  readonly review: ReviewRepository;
  readonly registers: RegisterRepository;
  readonly handoverBatches: HandoverBatchRepository;
  readonly handoverData: HandoverDataRepository;
  readonly removals: RemovalRepository;
  readonly destruction: DestructionRepository;
  readonly integrity: IntegrityRepository;
  readonly secretRecords: SecretRecordRepository;
  readonly bulk: BulkRepository;
  readonly documentPages: DocumentPageRepository;

  constructor(private readonly db: Database) {
    this.organizations = new OrganizationRepository(db);
    this.fonds = new FondsRepository(db);
    this.fileLists = new FileListRepository(db);
    this.files = new FileRepository(db);
    this.documents = new DocumentRepository(db);
    this.attachments = new AttachmentRepository(db);
    this.audit = new AuditRepository(db);
    this.searchIndex = new SearchIndexRepository(db);
    this.facetColumns = new FacetColumnRepository(db);
    this.searchJournal = new SearchJournalRepository(db);
    this.searchHits = new SearchHitRepository(db);
    this.savedSearches = new SavedSearchRepository(db);
    this.searchHistory = new SearchHistoryRepository(db);
    this.settings = new SettingsRepository(db);
    this.codes = new CodeListRepository(db);
    this.citations = new CitationRepository(db);
    this.importRuns = new ImportRunRepository(db);
    this.review = new ReviewRepository(db);
    this.registers = new RegisterRepository(db);
    this.handoverBatches = new HandoverBatchRepository(db);
    this.handoverData = new HandoverDataRepository(db);
    this.removals = new RemovalRepository(db);
    this.destruction = new DestructionRepository(db);
    this.integrity = new IntegrityRepository(db);
    this.secretRecords = new SecretRecordRepository(db);
    this.bulk = new BulkRepository(db);
    this.documentPages = new DocumentPageRepository(db);
  }

  counts(): Counts {
    const n = (table: string, where = '') => (this.db.prepare(`SELECT COUNT(*) AS n FROM ${table}${where ? ` WHERE ${where}` : ''}`).get() as { n: number }).n;
    return {
      organizations: n('organizations'),
      fonds: n('fonds'),
      // Removed records (kept, with who/when/why) are not counted as in use.
      files: n('files', 'removed_at IS NULL'),
      documents: n('documents', 'removed_at IS NULL'),
      attachments: n('attachments', 'document_id IN (SELECT id FROM documents WHERE removed_at IS NULL)'),
      documentsNeedingReview: this.documents.countNeedingReview(),
    };
  }
}
