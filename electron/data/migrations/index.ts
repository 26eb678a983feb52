import { initial } from './0001-initial';
import { importArea } from './0002-import';
// [search] issue 4
import { search } from './0003-search';
// [handover] issue 5
import { handover } from './0004-handover';
// [safety] issue 6
import { safety } from './0005-safety';
// [ocr] issue 10
import { ocrPages } from './0006-ocr-pages';
import type { Migration } from './types';

/** Every migration, in order. The last one's number is the schema version this build writes. */
// Numbers reserved while several areas are built at once: 0002 import (issue 3), 0003 search
// (issue 4), 0004 handover (issue 5), 0005 safety (issue 6). Append in number order.
export const MIGRATIONS: readonly Migration[] = [
  initial,
  // [import] issue 3: add entries below this line
  importArea,
  // [search] issue 4: add entries below this line
  search,
  // [handover] issue 5: add entries below this line
  handover,
  // [safety] issue 6: add entries below this line
  safety,
  // [ocr] issue 10: add entries below this line
  ocrPages,
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
