/**
 * The contract's operation names as a plain list, without the schemas, so that the sandboxed
 * preload can bind every operation without bundling the validation library. A unit test checks
 * this list against `operations` in api.ts.
 */
export const OPERATION_NAMES = [
  'app.info',
  'app.counts',
  'app.codeLists',
  'settings.update',
  'samples.load',
  'organizations.list',
  'organizations.create',
  'organizations.update',
  'organizations.addSuccessor',
  'fonds.list',
  'fonds.get',
  'fonds.create',
  'fonds.update',
  'fileLists.list',
  'fileLists.create',
  'files.list',
  'files.get',
  'files.create',
  'files.update',
  'documents.list',
  'documents.get',
  'documents.update',
  'import.start',
  'jobs.get',
  'jobs.cancel',
  'search.query',
  'audit.list',

  // [import] issue 3: reading documents, formats, bulk import, review: add entries below this line
  // [search] issue 4: search: add entries below this line
  // [handover] issue 5: handover: add entries below this line
  // [safety] issue 6: integrity, backups, access: add entries below this line
] as const;

/** The IPC channel of an operation. */
export function ipcChannel(operation: string): string {
  return `kholuu:${operation}`;
}

/** The name under which the preload exposes the API in the renderer's window. */
export const BRIDGE_NAME = 'kholuu';
