/**
 * Every error code of the contract, merged once from the areas' modules (a code declared twice
 * stops the program at load). A new area adds its module to `AREAS`; a new code goes into its
 * area's module only.
 */
import type { Locale } from '../types';
import { commonErrors } from './common';
import { handoverErrors } from './handover';
import { mergeErrorAreas, type ErrorDefinition, type ParamsOf } from './define';
import { hostErrors } from './hosts';
import { intakeErrors } from './intake';
import { recordErrors } from './records';
import { bulkErrors } from './bulk';
import { cliErrors } from './cli';
import { importErrors } from './importing';
import { ocrErrors } from './ocr';
import { originalErrors } from './originals';
import { readingErrors } from './reading';
import { safetyErrors } from './safety';
import { packageErrors } from './packages';
import { jobErrors } from './jobs';
import { backupErrors } from './backups';
import { importNoteErrors } from './importNotes';

const AREAS = [
  commonErrors,
  hostErrors,
  recordErrors,
  handoverErrors,
  packageErrors,
  jobErrors,
  backupErrors,
  bulkErrors,
  safetyErrors,
  intakeErrors,
  importErrors,
  importNoteErrors,
  readingErrors,
  originalErrors,
  ocrErrors,
  cliErrors,
] as const;

const merged = mergeErrorAreas(AREAS);

export const ERROR_CODES = merged.codes;
export type ErrorCodes = typeof ERROR_CODES;
export type ErrorCode = keyof ErrorCodes & string;
export type ErrorParams<C extends ErrorCode> = ParamsOf<ErrorCodes[C]>;

/** Each language's sentence for every code. */
export const ERROR_SENTENCES: Record<Locale, Record<string, (p: never) => string>> = { vi: merged.vi, en: merged.en };

export type { ErrorDefinition };
