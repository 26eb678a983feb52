/**
 * Hostile input to the importers: every file of the hostile corpus
 * (`tests/fixtures/hostile/`) is imported on its own, then all of them together with ordinary
 * documents in one folder (enough files for the reading to run on worker threads). No file may
 * crash or hang the import (each is given a generous bound, not a speed target), none may leave
 * a partial record (counts before and after, no orphan row, no original on disk the catalogue
 * does not name), and each refused file gets its own clear Vietnamese reason. Files that are
 * fine despite looking odd are imported whole, their text stored literally.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportFileResult } from '../../../shared/contract/types';
import { type FolderCase, type HostileCase, makeFolderCases, makeHostileCorpus } from '../../fixtures/hostile/make';
import { filesUnder, readDb } from '../../support/crash';
import { writeManyDocuments } from '../../support/partyDocs';
import { openSafetyApp } from '../../support/safety';
import { type TestApp, tempDir, waitForJob } from '../../support/services';

/** Generous: a hostile file must be dealt with in this time, whatever the machine's load. */
const PER_FILE_BOUND_MS = 120_000;

/** Temporary folders, removed at the end: a catalogue here grows to a gigabyte (30 MB texts, their originals, backups). */
const made: string[] = [];
const dirOf = (prefix: string) => {
  const d = tempDir(prefix);
  made.push(d);
  return d;
};

let corpusDir: string;
let cases: { documents: HostileCase[]; registers: HostileCase[] };
let app: TestApp;
let fondsId: number;

async function bounded<T>(work: Promise<T>, what: string, ms = PER_FILE_BOUND_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: still running after ${ms / 1000} s (a hang)`)), ms);
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Row counts and integrity facts of the catalogue, read from the file itself. */
function facts(a: TestApp) {
  return readDb(a.cataloguePath, (d) => {
    const n = (sql: string) => (d.prepare(sql).get() as { n: number }).n;
    return {
      documents: n('SELECT COUNT(*) AS n FROM documents'),
      attachments: n('SELECT COUNT(*) AS n FROM attachments'),
      citations: n('SELECT COUNT(*) AS n FROM document_citations'),
      items: n('SELECT COUNT(*) AS n FROM import_run_items'),
      orphanAttachments: n('SELECT COUNT(*) AS n FROM attachments a LEFT JOIN documents d ON d.id = a.document_id WHERE d.id IS NULL'),
      orphanCitations: n('SELECT COUNT(*) AS n FROM document_citations c LEFT JOIN documents d ON d.id = c.document_id WHERE d.id IS NULL'),
      orphanItems: n('SELECT COUNT(*) AS n FROM import_run_items i LEFT JOIN documents d ON d.id = i.document_id WHERE i.document_id IS NOT NULL AND d.id IS NULL'),
      storedPaths: (d.prepare('SELECT stored_path FROM attachments').all() as Array<{ stored_path: string }>).map((r) => r.stored_path.split(path.sep).join('/')),
    };
  })!;
}

const originalsOf = (a: TestApp) => new Set(filesUnder(a.services.context.catalogue.originalsDir));

/** Originals on disk that were not there before (`known`) and that no attachment names. */
function strayOriginals(a: TestApp, known: ReadonlySet<string>): string[] {
  const named = new Set(facts(a).storedPaths);
  return [...originalsOf(a)].filter((f) => !named.has(f) && !known.has(f));
}

function expectNoOrphans(a: TestApp) {
  const f = facts(a);
  expect({ attachments: f.orphanAttachments, citations: f.orphanCitations, items: f.orphanItems }).toEqual({ attachments: 0, citations: 0, items: 0 });
}

/** The reason must be Vietnamese, name the file, and give the expected cause. */
function expectReason(message: string | null, c: { name: string; expect: RegExp }) {
  expect(message, c.name).not.toBeNull();
  expect(message!, c.name).toMatch(c.expect);
  expect(message!, c.name).toContain(c.name);
  expect(message!, c.name).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵêếềệểễôốồộổỗơớờợởỡưứừựửữđ]/i);
}

beforeAll(async () => {
  corpusDir = dirOf('kholuu-hostile-');
  cases = await makeHostileCorpus(corpusDir);
  app = openSafetyApp(dirOf('kholuu-hostile-cat-'));
  const org = await app.call('organizations.create', { name: 'Huyện ủy Ea Súp', level: 'district', endDate: '2025-06-30' });
  fondsId = (await app.call('fonds.create', { code: 'HU-ES', name: 'Phông Huyện ủy Ea Súp', organizationId: org.id, status: 'closed' })).id;
}, 120_000);

afterAll(async () => {
  await app?.close();
  for (const d of made) fs.rmSync(d, { recursive: true, force: true });
});

describe('hostile documents, one at a time', () => {
  it('the corpus has at least 50 cases', () => {
    expect(cases.documents.length + cases.registers.length).toBeGreaterThanOrEqual(50);
  });

  it('imports each acceptable file whole and refuses each other one with its own reason, leaving nothing behind', async () => {
    for (const c of cases.documents) {
      const file = path.join(corpusDir, 'van-ban', c.name);
      const before = facts(app);
      const known = originalsOf(app);
      const { jobId } = await app.call('import.start', { target: { fondsId }, paths: [file] });
      const status = await bounded(waitForJob(app, jobId), c.name);
      expect(status.state, c.name).toBe('done');
      expect(status.results, c.name).toHaveLength(1);
      const result: ImportFileResult = status.results[0]!;
      const after = facts(app);
      expect(after.items, c.name).toBe(before.items + 1);
      if (c.expect === 'imported') {
        expect(result.outcome, `${c.name}: ${result.message}`).toBe('imported');
        expect(after.documents - before.documents, c.name).toBe(1);
        expect(after.attachments - before.attachments, c.name).toBe(1);
        const doc = await app.call('documents.get', { id: result.documentId! });
        if (c.holds) expect(doc.fullText, c.name).toContain(c.holds);
        expect(doc.attachments[0]!.sha256, c.name).toBe(sha256(c.bytes));
        const stored = path.join(app.services.context.catalogue.originalsDir, app.services.context.catalogue.repos.attachments.storedPath(doc.attachments[0]!.id)!);
        expect(sha256(fs.readFileSync(stored)), c.name).toBe(sha256(c.bytes));
      } else {
        expect(result.outcome, `${c.name}: ${result.message}`).toBe('failed');
        expectReason(result.message, { name: c.name, expect: c.expect });
        expect({ documents: after.documents, attachments: after.attachments, citations: after.citations }, c.name).toEqual({
          documents: before.documents,
          attachments: before.attachments,
          citations: before.citations,
        });
        expect(strayOriginals(app, known), c.name).toEqual([]);
      }
      expectNoOrphans(app);
    }
  }, 900_000);

  it('reads each acceptable register and refuses each other one with its own reason', async () => {
    for (const c of cases.registers) {
      const file = path.join(corpusDir, 'so-dang-ky', c.name);
      const before = facts(app);
      const known = originalsOf(app);
      const preview = await bounded(
        app.call('registers.preview', { source: { path: file }, sampleRows: 20 }).then(
          (p) => ({ ok: true as const, p }),
          (err: Error) => ({ ok: false as const, message: err.message }),
        ),
        c.name,
      );
      if (c.expect === 'imported') {
        expect(preview.ok, `${c.name}: ${preview.ok ? '' : preview.message}`).toBe(true);
        if (!preview.ok) continue;
        const started = await app.call('registers.import', { target: { fondsId }, source: { path: file }, headerRow: preview.p.headerRow, mapping: preview.p.suggested });
        const status = await bounded(waitForJob(app, started.jobId), c.name);
        expect(status.state, c.name).toBe('done');
        const imported = status.results.filter((r) => r.outcome === 'imported');
        expect(imported.length, c.name).toBe(facts(app).documents - before.documents);
        if (c.holds) {
          const texts = await Promise.all(imported.map(async (r) => (await app.call('documents.get', { id: r.documentId! })).fullText));
          expect(texts.join('\n'), c.name).toContain(c.holds);
        }
      } else {
        expect(preview.ok, c.name).toBe(false);
        if (preview.ok) continue;
        expectReason(preview.message, { name: c.name, expect: c.expect });
        expect(facts(app).documents, c.name).toBe(before.documents);
        expect(strayOriginals(app, known), c.name).toEqual([]);
      }
      expectNoOrphans(app);
    }
  }, 600_000);

  it('leaves a catalogue that passes check and whose audit chain holds', async () => {
    const report = await app.call('integrity.check', { originals: true });
    expect(report.ok, JSON.stringify(report.originals.problems)).toBe(true);
    expect((await app.call('audit.verify', {})).ok).toBe(true);
  }, 300_000); // check re-hashes every original and every record, the 30 MB texts among them: minutes on a busy machine
});

describe('hostile documents in a folder of ordinary ones', () => {
  it('imports the ordinary and acceptable files and reports each hostile one, on worker threads', async () => {
    const other = openSafetyApp(dirOf('kholuu-hostile-folder-'));
    try {
      const org = await other.call('organizations.create', { name: 'Huyện ủy Cư Kuin', level: 'district', endDate: '2025-06-30' });
      const fonds = await other.call('fonds.create', { code: 'HU-CK', name: 'Phông Huyện ủy Cư Kuin', organizationId: org.id, status: 'closed' });
      const folder = path.join(dirOf('kholuu-hostile-mixed-'), 'Hộp 1');
      const ordinary = writeManyDocuments(path.join(folder, 'binh-thuong'), 70);
      const hostileDir = path.join(folder, 'la');
      fs.mkdirSync(hostileDir, { recursive: true });
      for (const c of cases.documents) fs.writeFileSync(path.join(hostileDir, c.name), c.bytes);
      const folderCases: FolderCase[] = makeFolderCases(path.join(folder, 'lien-ket'));
      expect(ordinary.length + cases.documents.length).toBeGreaterThanOrEqual(100);

      const { jobId } = await other.call('import.start', { target: { fondsId: fonds.id }, paths: [folder] });
      const status = await bounded(waitForJob(other, jobId), 'the mixed folder', PER_FILE_BOUND_MS * 4);
      expect(status.state).toBe('done');
      const byName = new Map(status.results.map((r) => [r.name, r]));
      for (const f of ordinary) expect(byName.get(f)?.outcome, f).toBe('imported');
      for (const c of cases.documents) {
        const r = byName.get(path.join(hostileDir, c.name));
        expect(r, c.name).toBeDefined();
        if (c.expect === 'imported') expect(r!.outcome, `${c.name}: ${r!.message}`).toBe('imported');
        else {
          expect(r!.outcome, c.name).toBe('failed');
          expectReason(r!.message, { name: c.name, expect: c.expect });
        }
      }
      for (const c of folderCases) {
        const r = byName.get(path.join(folder, 'lien-ket', c.name));
        expect(r, `${c.name} is reported, not silently skipped`).toBeDefined();
        expect(r!.outcome, c.name).toBe('failed');
        expectReason(r!.message, c);
      }
      const imported = status.results.filter((r) => r.outcome === 'imported').length;
      expect(facts(other).documents).toBe(imported);
      expect(imported).toBe(ordinary.length + cases.documents.filter((c) => c.expect === 'imported').length);
      expect(strayOriginals(other, new Set())).toEqual([]);
      expectNoOrphans(other);
      const report = await other.call('integrity.check', { originals: true });
      expect(report.ok).toBe(true);
    } finally {
      await other.close();
    }
  }, 900_000);
});
