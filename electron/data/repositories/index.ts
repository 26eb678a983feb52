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
import { SearchIndexRepository } from './searchIndex';
import { SettingsRepository } from './settings';

/** The data layer: every SQL statement of Kho Lưu lives behind one of these. */
export class Repositories {
  readonly organizations: OrganizationRepository;
  readonly fonds: FondsRepository;
  readonly fileLists: FileListRepository;
  readonly files: FileRepository;
  readonly documents: DocumentRepository;
  readonly attachments: AttachmentRepository;
  readonly audit: AuditRepository;
  readonly searchIndex: SearchIndexRepository;
  readonly settings: SettingsRepository;
  readonly codes: CodeListRepository;
  // [import] issue 3: add entries below this line
  // [search] issue 4: add entries below this line
  // [handover] issue 5: add entries below this line
  // [safety] issue 6: add entries below this line

  constructor(private readonly db: Database) {
    this.organizations = new OrganizationRepository(db);
    this.fonds = new FondsRepository(db);
    this.fileLists = new FileListRepository(db);
    this.files = new FileRepository(db);
    this.documents = new DocumentRepository(db);
    this.attachments = new AttachmentRepository(db);
    this.audit = new AuditRepository(db);
    this.searchIndex = new SearchIndexRepository(db);
    this.settings = new SettingsRepository(db);
    this.codes = new CodeListRepository(db);
    // [import] issue 3: add entries below this line
    // [search] issue 4: add entries below this line
    // [handover] issue 5: add entries below this line
    // [safety] issue 6: add entries below this line
  }

  counts(): Counts {
    const n = (table: string) => (this.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      organizations: n('organizations'),
      fonds: n('fonds'),
      files: n('files'),
      documents: n('documents'),
      attachments: n('attachments'),
      documentsNeedingReview: this.documents.countNeedingReview(),
    };
  }
}
