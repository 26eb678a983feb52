import { initial } from './0001-initial';
import { importArea } from './0002-import';
import { search } from './0003-search';
import { handover } from './0004-handover';
import { safety } from './0005-safety';
import { searchIndexFormat } from './0006-search-index';
import { bulk } from './0007-bulk';
import { ocrPages } from './0008-ocr-pages';
import { secretScope } from './0009-secret-scope';
import { recordDigests } from './0010-record-digests';
import { documentStateIndex } from './0011-document-state-index';
import { dropRedundantIndexes } from './0012-drop-redundant-indexes';
import type { Migration } from './types';

/**
 * Every migration, in number order: append a new one at the end with the next free number (see
 * DEVELOPERS.md, "Changing the schema"). The last one's number is the schema version this build
 * writes. Only `../migrate.ts` imports this list: the rest of the program never runs a migration's
 * code, and a migration never runs the program's (it is frozen once shipped; the program moves on).
 */
export const MIGRATIONS: readonly Migration[] = [
  initial,
  importArea,
  search,
  handover,
  safety,
  searchIndexFormat,
  bulk,
  ocrPages,
  secretScope,
  recordDigests,
  documentStateIndex,
  dropRedundantIndexes,
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
