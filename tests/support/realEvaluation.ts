/**
 * Measures the product on the real documents (tests/fixtures/real): every copy is read through the
 * same path as `npm run cli -- parse FILE --json` (`parseFile`: extractText, then the parser), and
 * each metadata field is compared with the hand-checked truth the seeds' way (whitespace, letter
 * case and trailing punctuation ignored; lists item by item).
 *
 * For each field a copy is:
 * - `recovered` — the document states it and the product returned exactly it;
 * - `missed` — the document states it and the product returned nothing (an unreadable copy, e.g. a
 *   scan before OCR, misses every field it states);
 * - `wrong` — the document states it and the product returned another value (an invented value);
 * - `invented` — the document does not state it and the product returned a value;
 * - `quiet` — neither states it (not counted).
 * The recovered share is recovered / stated. Held-out documents are scored like the others but their
 * values and misses are never printed or written, only counts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseFile } from '../../electron/cli/parseCommand';
import type { OcrEngine } from '../../electron/services/ocr/engine';
import { ApiError } from '../../shared/contract/errors';
import type { MetadataField, ParsedMetadata } from '../../shared/parser/types';
import { REAL_FIELDS, truthOf, type RealDocument } from '../fixtures/real/corpus';
import { IMAGE_FORMATS, type RealCopy, type RealFormat } from '../fixtures/real/formats/make';
import { scanParams } from '../fixtures/real/formats/scanCopy';
import { comparable } from '../unit/parser/truthHarness';

export type FieldOutcome = 'recovered' | 'missed' | 'wrong' | 'invented' | 'quiet';

export interface CopyScore {
  doc: RealDocument;
  format: RealFormat;
  /** The resolution the scan maker drew a scan copy at (null for the text copies). */
  dpi: number | null;
  /** `read`: text came out; `needs-ocr`: an image with no text read; `unreadable`: refused with a message. */
  status: 'read' | 'needs-ocr' | 'unreadable';
  message: string | null;
  outcomes: Record<MetadataField, FieldOutcome>;
  /** What the product returned (kept in memory only; never written for held-out documents). */
  metadata: ParsedMetadata | null;
}

function isEmpty(v: string | string[] | null): boolean {
  return v === null || (Array.isArray(v) && v.length === 0);
}

export function fieldOutcome(field: MetadataField, expected: unknown, actual: unknown): FieldOutcome {
  const e = comparable(field, expected);
  const a = comparable(field, actual);
  const stated = !isEmpty(e);
  const given = !isEmpty(a);
  if (!stated) return given ? 'invented' : 'quiet';
  if (!given) return 'missed';
  return JSON.stringify(e) === JSON.stringify(a) ? 'recovered' : 'wrong';
}

/**
 * The resolution a scan copy was drawn at: the scan maker seeds its parameters with the first
 * eight hex digits of the key in the copy's name (make.ts), so the same seed gives the same dpi.
 */
export function scanDpiOf(copy: Pick<RealCopy, 'file' | 'format'>): number | null {
  if (!(IMAGE_FORMATS as readonly string[]).includes(copy.format)) return null;
  const key = /-([0-9a-f]{16})\.[a-z.]+$/.exec(path.basename(copy.file))?.[1];
  return key ? scanParams(parseInt(key.slice(0, 8), 16)).dpi : null;
}

/**
 * Reads one copy as the product does. An `ApiError` (a file the product refuses, with its message)
 * makes the copy unreadable; any other exception is a crash and is thrown to the caller.
 */
export async function scoreCopy(copy: RealCopy, engine?: OcrEngine): Promise<CopyScore> {
  const bytes = fs.readFileSync(copy.file);
  let metadata: ParsedMetadata | null = null;
  let status: CopyScore['status'] = 'read';
  let message: string | null = null;
  try {
    const { extracted, parsed } = await parseFile(path.basename(copy.file), bytes, engine);
    metadata = parsed.metadata;
    if (extracted.needsOcr && extracted.text.trim() === '') status = 'needs-ocr';
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    status = 'unreadable';
    message = err.message;
  }
  const outcomes = {} as Record<MetadataField, FieldOutcome>;
  for (const field of REAL_FIELDS) {
    outcomes[field] = fieldOutcome(field, truthOf(copy.doc.entry, field), metadata ? metadata[field] : null);
  }
  return { doc: copy.doc, format: copy.format, dpi: scanDpiOf(copy), status, message, outcomes, metadata };
}

/**
 * Scores every copy, `parallel` at a time, with one OCR engine for all of them (started only when a
 * scan comes, so the `parse` command's per-file engine start is paid once); scores come back in
 * the copies' order.
 */
export async function scoreCopies(copies: RealCopy[], engine: OcrEngine, parallel: number, onScored?: (done: number) => void): Promise<CopyScore[]> {
  const scores: CopyScore[] = new Array(copies.length);
  let next = 0;
  let done = 0;
  const lane = async () => {
    while (next < copies.length) {
      const i = next++;
      scores[i] = await scoreCopy(copies[i]!, engine);
      onScored?.(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, parallel) }, lane));
  return scores;
}

export interface Tally {
  group: string;
  copies: number;
  stated: number;
  recovered: number;
  missed: number;
  wrong: number;
  invented: number;
  /** recovered / stated, in percent (100 when nothing is stated). */
  share: number;
}

export function tally(group: string, scores: CopyScore[]): Tally {
  const t = { group, copies: scores.length, stated: 0, recovered: 0, missed: 0, wrong: 0, invented: 0, share: 100 };
  for (const s of scores) {
    for (const o of Object.values(s.outcomes)) {
      if (o === 'quiet') continue;
      if (o !== 'invented') t.stated++;
      t[o]++;
    }
  }
  t.share = t.stated ? Math.round((1000 * t.recovered) / t.stated) / 10 : 100;
  return t;
}

/** Tallies by a key; a copy with several keys (shapes) counts in each. */
export function tallyBy(scores: CopyScore[], keysOf: (s: CopyScore) => string[]): Tally[] {
  const groups = new Map<string, CopyScore[]>();
  for (const s of scores) for (const k of keysOf(s)) groups.set(k, [...(groups.get(k) ?? []), s]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => tally(k, v));
}

export function tallyByField(scores: CopyScore[]): Tally[] {
  return REAL_FIELDS.map((field) => {
    const only = scores.map((s) => ({ ...s, outcomes: { [field]: s.outcomes[field] } as Record<MetadataField, FieldOutcome> }));
    return tally(field, only);
  });
}

export function formatTable(title: string, rows: Tally[]): string {
  const head = ['', 'copies', 'stated', 'recovered', 'share', 'missed', 'wrong', 'invented'];
  const body = rows.map((r) => [r.group, r.copies, r.stated, r.recovered, `${r.share.toFixed(1)}%`, r.missed, r.wrong, r.invented].map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [title, line(head), ...body.map(line)].join('\n');
}

/** Every wrong or invented value and every miss, for seen documents only. */
export function misses(scores: CopyScore[]): string[] {
  const out: string[] = [];
  for (const s of scores) {
    if (s.doc.entry.heldOut) continue;
    for (const field of REAL_FIELDS) {
      const o = s.outcomes[field];
      if (o === 'recovered' || o === 'quiet') continue;
      const got = s.metadata ? JSON.stringify(s.metadata[field]) : `(${s.status}${s.message ? `: ${s.message}` : ''})`;
      out.push(`${s.doc.id} [${s.format}${s.dpi ? ` ${s.dpi} dpi` : ''}] ${field} ${o}: expected ${JSON.stringify(truthOf(s.doc.entry, field))}, got ${got}`);
    }
  }
  return out;
}

/** Wrong and invented values, listed separately, with their documents (held-out ones named only). */
export function inventions(scores: CopyScore[]): { wrong: string[]; invented: string[] } {
  const wrong: string[] = [];
  const invented: string[] = [];
  for (const s of scores) {
    for (const field of REAL_FIELDS) {
      const o = s.outcomes[field];
      if (o !== 'wrong' && o !== 'invented') continue;
      const where = `${s.doc.id} [${s.format}] ${field}`;
      const what = s.doc.entry.heldOut ? '' : `: ${JSON.stringify(s.metadata?.[field])}`;
      (o === 'wrong' ? wrong : invented).push(where + what);
    }
  }
  return { wrong, invented };
}

export interface EvaluationReport {
  generatedAt: string;
  documents: { total: number; seen: number; heldOut: number };
  totals: Tally;
  seenVsHeldOut: Tally[];
  byFormat: Tally[];
  byShape: Tally[];
  byLevel: Tally[];
  byField: Tally[];
  byFormatSeen: Tally[];
  byFormatHeldOut: Tally[];
  /** Scan copies by the resolution they were drawn at. */
  byDpi: Tally[];
  statuses: Record<string, Record<string, number>>;
  wrong: string[];
  invented: string[];
  /** Per copy: outcomes only (no values), so held-out documents stay unread. */
  copies: Array<{ doc: string; format: string; dpi: number | null; heldOut: boolean; status: string; outcomes: Record<string, FieldOutcome> }>;
}

export function buildReport(scores: CopyScore[]): EvaluationReport {
  const docs = new Map(scores.map((s) => [s.doc.id, s.doc]));
  const heldOut = [...docs.values()].filter((d) => d.entry.heldOut).length;
  const statuses: Record<string, Record<string, number>> = {};
  for (const s of scores) {
    statuses[s.format] ??= {};
    statuses[s.format]![s.status] = (statuses[s.format]![s.status] ?? 0) + 1;
  }
  const { wrong, invented } = inventions(scores);
  return {
    generatedAt: new Date().toISOString(),
    documents: { total: docs.size, seen: docs.size - heldOut, heldOut },
    totals: tally('all', scores),
    seenVsHeldOut: tallyBy(scores, (s) => [s.doc.entry.heldOut ? 'held out' : 'seen']),
    byFormat: tallyBy(scores, (s) => [s.format]),
    byShape: tallyBy(scores, (s) => (s.doc.entry.shapes.length ? s.doc.entry.shapes : ['(none)'])),
    byLevel: tallyBy(scores, (s) => [`${s.doc.entry.kind}/${s.doc.entry.level}`]),
    byField: tallyByField(scores),
    byFormatSeen: tallyBy(
      scores.filter((s) => !s.doc.entry.heldOut),
      (s) => [s.format],
    ),
    byFormatHeldOut: tallyBy(
      scores.filter((s) => s.doc.entry.heldOut),
      (s) => [s.format],
    ),
    byDpi: tallyBy(
      scores.filter((s) => s.dpi !== null),
      (s) => [`${String(s.dpi).padStart(3)} dpi`],
    ),
    statuses,
    wrong,
    invented,
    copies: scores.map((s) => ({ doc: s.doc.id, format: s.format, dpi: s.dpi, heldOut: s.doc.entry.heldOut, status: s.status, outcomes: s.outcomes })),
  };
}

export function printReport(r: EvaluationReport): string {
  const parts = [
    `Real documents: ${r.documents.total} (${r.documents.seen} seen, ${r.documents.heldOut} held out); share = fields recovered exactly / fields the documents state`,
    formatTable('\nAll copies', [r.totals]),
    formatTable('\nSeen / held out', r.seenVsHeldOut),
    formatTable('\nBy format', r.byFormat),
    formatTable('\nBy format, seen documents', r.byFormatSeen),
    formatTable('\nBy format, held-out documents', r.byFormatHeldOut),
    ...(r.byDpi.length ? [formatTable('\nScans by the resolution they were drawn at', r.byDpi)] : []),
    formatTable('\nBy shape (a document counts under each of its shapes)', r.byShape),
    formatTable('\nBy body', r.byLevel),
    formatTable('\nBy field', r.byField),
    `\nHow copies were read: ${Object.entries(r.statuses)
      .map(([f, s]) => `${f} ${Object.entries(s).map(([k, n]) => `${k} ${n}`).join(', ')}`)
      .join('; ')}`,
    `\nWrong values (${r.wrong.length}):${r.wrong.length ? `\n  ${r.wrong.join('\n  ')}` : ' none'}`,
    `\nValues where the document states none (${r.invented.length}):${r.invented.length ? `\n  ${r.invented.join('\n  ')}` : ' none'}`,
  ];
  return parts.join('\n');
}
