/**
 * The one contract between the UI and the services. Every operation is listed here with its input
 * schema and its result type; Electron IPC, the browser host and the command line all serve this
 * table, and the renderer's client is typed from it.
 */
import type { z } from 'zod';
import * as s from './schemas';
import type {
  AppInfo,
  ArchiveFile,
  AuditEntry,
  CodeLists,
  Counts,
  DocumentDetail,
  DocumentListPage,
  DocumentRecord,
  FileList,
  Fonds,
  JobStatus,
  Organization,
  SearchResult,
} from './types';

interface Operation<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the result type only. */
  output?: O;
  /** True when the call changes the catalogue (audited, refused on a read-only host). */
  mutates: boolean;
}

function query<O>() {
  return <I extends z.ZodType>(input: I): Operation<I, O> => ({ input, mutates: false });
}
function command<O>() {
  return <I extends z.ZodType>(input: I): Operation<I, O> => ({ input, mutates: true });
}

export const operations = {
  'app.info': query<AppInfo>()(s.empty),
  'app.counts': query<Counts>()(s.empty),
  'app.codeLists': query<CodeLists>()(s.empty),
  'settings.update': command<AppInfo>()(s.settingsUpdate),
  'samples.load': command<{ fondsId: number; imported: number; duplicates: number }>()(s.empty),

  'organizations.list': query<Organization[]>()(s.empty),
  'organizations.create': command<Organization>()(s.organizationInput),
  'organizations.update': command<Organization>()(s.organizationUpdate),
  'organizations.addSuccessor': command<Organization>()(s.succession),

  'fonds.list': query<Fonds[]>()(s.empty),
  'fonds.get': query<Fonds>()(s.byId),
  'fonds.create': command<Fonds>()(s.fondsInput),
  'fonds.update': command<Fonds>()(s.fondsUpdate),

  'fileLists.list': query<FileList[]>()(s.fileListQuery.pick({ fondsId: true })),
  'fileLists.create': command<FileList>()(s.fileListInput),

  'files.list': query<ArchiveFile[]>()(s.fileListQuery),
  'files.get': query<ArchiveFile>()(s.byId),
  'files.create': command<ArchiveFile>()(s.fileInput),
  'files.update': command<ArchiveFile>()(s.fileUpdate),

  'documents.list': query<DocumentListPage>()(s.documentListQuery),
  'documents.get': query<DocumentDetail>()(s.byId),
  'documents.update': command<DocumentRecord>()(s.documentUpdate),

  'import.start': command<{ jobId: string }>()(s.importStart),
  'jobs.get': query<JobStatus>()(s.jobRef),
  'jobs.cancel': command<JobStatus>()(s.jobRef),

  'search.query': query<SearchResult>()(s.searchQuery),

  'audit.list': query<AuditEntry[]>()(s.auditQuery),

  // [import] issue 3: reading documents, formats, bulk import, review: add entries below this line
  // [search] issue 4: search: add entries below this line
  // [handover] issue 5: handover: add entries below this line
  // [safety] issue 6: integrity, backups, access: add entries below this line
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
/** What a caller may send (defaults not yet applied). */
export type InputOf<N extends OperationName> = z.input<Operations[N]['input']>;
/** What a service receives (validated, defaults applied). */
export type ParsedInputOf<N extends OperationName> = z.output<Operations[N]['input']>;
export type OutputOf<N extends OperationName> = NonNullable<Operations[N]['output']>;

/** The client side: one async function per operation. */
export type KhoLuuApi = { [N in OperationName]: (input: InputOf<N>) => Promise<OutputOf<N>> };

/** The service side: handlers receive validated input. */
export type ApiHandlers = { [N in OperationName]: (input: ParsedInputOf<N>) => OutputOf<N> | Promise<OutputOf<N>> };
