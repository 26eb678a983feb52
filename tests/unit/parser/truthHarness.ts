import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { METADATA_FIELDS } from '../../../shared/parser/review';
import type { IncomingStamp, ParseResult } from '../../../shared/parser/types';

/**
 * Loading and comparing the hand-checked truth files (the seeds' and the fixtures'), shared by the
 * vitest suites and the accuracy script. Comparison ignores whitespace, letter case and trailing
 * `.,;:`, item by item for lists; the stamp is compared on receiver, number and date; `…Note` keys
 * and keys outside the metadata (`file`, `eventDate`) are ignored.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
/** The repository root; the seeds live beside it in `../shared/seeds`. */
export const REPO_ROOT = path.resolve(here, '../../..');
export const SEEDS_DIR = path.resolve(REPO_ROOT, '../shared/seeds');
export const FIXTURES_DIR = path.resolve(REPO_ROOT, 'tests/fixtures/documents');

/** Compared fields: the metadata keys, plus the marks where a truth file gives them. */
export const COMPARED_FIELDS = [...METADATA_FIELDS, 'securityLevel', 'urgency'] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export interface TruthEntry {
  file: string;
  [key: string]: unknown;
}

export interface Corpus {
  name: string;
  dir: string;
  entries: TruthEntry[];
}

export function loadCorpus(name: string, dir: string): Corpus {
  const truthPath = path.join(dir, 'truth.json');
  if (!existsSync(truthPath)) throw new Error(`no truth file at ${truthPath}`);
  const entries = JSON.parse(readFileSync(truthPath, 'utf8')) as TruthEntry[];
  return { name, dir, entries };
}

export function readDocument(corpus: Corpus, entry: TruthEntry): string {
  return readFileSync(path.join(corpus.dir, entry.file), 'utf8');
}

export function norm(value: string): string {
  return value
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/[.,;:]+$/, '');
}

/** The value of a field in a comparable shape (normalised strings, null, or string arrays). */
export function comparable(field: ComparedField, value: unknown): string | string[] | null {
  if (value === null || value === undefined) return null;
  if (field === 'incomingStamp') {
    const s = value as IncomingStamp;
    return [s.receiver ?? '', s.number ?? '', s.date ?? ''].map(norm);
  }
  if (Array.isArray(value)) return value.map((v) => norm(String(v)));
  return norm(String(value));
}

export function actualValue(result: ParseResult, field: ComparedField): unknown {
  if (field === 'securityLevel') return result.securityLevel;
  if (field === 'urgency') return result.urgency;
  return result.metadata[field];
}

export type Outcome = 'correct' | 'missed' | 'invented';

function isEmpty(v: string | string[] | null): boolean {
  return v === null || (Array.isArray(v) && v.length === 0);
}

/**
 * `missed`: the truth has a value and the parser gave none. `invented`: the parser gave a value
 * that is not the truth's (including a value where the truth has none).
 */
export function outcome(expected: unknown, actual: unknown, field: ComparedField): Outcome {
  const e = comparable(field, expected);
  const a = comparable(field, actual);
  if (JSON.stringify(isEmpty(e) ? null : e) === JSON.stringify(isEmpty(a) ? null : a)) return 'correct';
  return isEmpty(a) ? 'missed' : 'invented';
}

/** Whether a truth entry states this field (the seeds do not give the marks). */
export function hasField(entry: TruthEntry, field: ComparedField): boolean {
  return Object.prototype.hasOwnProperty.call(entry, field);
}
