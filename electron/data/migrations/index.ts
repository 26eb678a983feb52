import { initial } from './0001-initial';
import type { Migration } from './types';

/** Every migration, in order. The last one's number is the schema version this build writes. */
export const MIGRATIONS: readonly Migration[] = [initial];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
