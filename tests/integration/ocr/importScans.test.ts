/**
 * A folder of 300 scanned pages (single-page PNG and JPEG, multi-page TIFF, image-only PDF) imported
 * with OCR: progress counted in pages; a cancel during OCR stops and a resume finishes with each file
 * once; a SIGKILL during OCR loses nothing committed and doubles nothing; search then finds the
 * words read from the scans. Pages are small (a strip of two lines) so 300 of them are OCR'd in a
 * few minutes, but every page is really drawn, scanned and read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killGroup, readDb, runCli, sleep, startCli } from '../../support/crash';
import { type ScannedPage, asImagePdf, asJpeg, asTiff, scanPage } from '../../support/scans';
import { type TestApp, makeFondsWithFile, openTestApp, tempDir, waitForJob } from '../../support/services';

const strip = (n: number): Promise<ScannedPage> =>
  scanPage({ lines: [`Biên bản kiểm kê tài liệu số ${1000 + n}`, 'Phông lưu trữ Huyện ủy Krông Pắc'], dpi: 200, widthIn: 4.2, heightIn: 0.9, pointSize: 14, skew: n % 3 === 0 ? 0.6 : 0 });

/** Writes files holding `pages` pages in all; returns the files with the page numbers each holds. */
async function writeScans(folder: string, pages: number): Promise<Map<string, number[]>> {
  fs.mkdirSync(folder, { recursive: true });
  const files = new Map<string, number[]>();
  let n = 0;
  let k = 0;
  while (n < pages) {
    const kind = k++ % 6;
    const count = kind === 4 || kind === 5 ? Math.min(3, pages - n) : 1;
    const numbers = Array.from({ length: count }, (_, i) => n + i);
    const scans = await Promise.all(numbers.map(strip));
    const name = path.join(folder, `scan-${String(k).padStart(3, '0')}.${['png', 'jpg', 'png', 'jpg', 'tif', 'pdf'][kind]}`);
    const bytes = kind === 0 || kind === 2 ? scans[0]!.png : kind === 1 || kind === 3 ? await asJpeg(scans[0]!, 70) : kind === 4 ? await asTiff(scans) : await asImagePdf(scans);
    fs.writeFileSync(name, bytes);
    files.set(name, numbers);
    n += count;
  }
  return files;
}

const apps: TestApp[] = [];
afterAll(async () => {
  for (const app of apps) await app.close();
});

// OCR of hundreds of pages takes minutes on a loaded machine: generous timeouts, no timing asserted.
describe('importing scans', { timeout: 1_200_000 }, () => {
  it('counts pages, stops on cancel during OCR and resumes with every file once', async () => {
    const app = openTestApp();
    apps.push(app);
    const { fonds } = await makeFondsWithFile(app);
    const folder = path.join(tempDir(), 'scans');
    const files = await writeScans(folder, 24);
    const { jobId, } = await app.call('import.start', { target: { fondsId: fonds.id }, paths: [folder] });
    let status = await app.call('jobs.get', { jobId });
    while (status.state === 'running' && (status.pagesDone ?? 0) < 4) {
      await sleep(20);
      status = await app.call('jobs.get', { jobId });
    }
    expect(status.pagesTotal).toBeGreaterThan(status.pagesDone!);
    await app.call('jobs.cancel', { jobId });
    const cancelled = await waitForJob(app, jobId);
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.processed).toBeLessThan(files.size);
    // A file whose OCR the cancel stopped is not reported (neither failed nor imported).
    expect(cancelled.failed).toBe(0);

    const { jobId: again } = await app.call('import.resume', { runId: cancelled.runId! });
    const done = await waitForJob(app, again);
    expect(done.state).toBe('done');
    const run = await app.call('importRuns.get', { runId: cancelled.runId! });
    expect(run).toMatchObject({ processed: files.size, imported: files.size, failed: 0, duplicates: 0 });
    const docs = await app.call('documents.list', { fondsId: fonds.id, limit: 100 });
    expect(docs.total).toBe(files.size);
  });

  it('imports 300 scanned pages, survives a SIGKILL during OCR, and search finds the words read', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'catalogue.sqlite');
    const folder = path.join(dir, 'Bản quét');
    const files = await writeScans(folder, 300);
    const pages = [...files.values()].reduce((a, b) => a + b.length, 0);
    expect(pages).toBe(300);

    const first = startCli(['--db', dbPath, 'import', folder]);
    const committed = () => readDb(dbPath, (db) => (db.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n) ?? 0;
    while (committed() < 5) {
      expect(first.done(), `the import ended before it could be killed: ${first.output()}`).toBe(false);
      await sleep(50);
    }
    expect(await killGroup(first)).toBe(true);
    const afterKill = readDb(dbPath, (db) => ({
      docs: db.prepare('SELECT d.id, a.sha256, d.full_text AS text FROM documents d JOIN attachments a ON a.document_id = d.id').all() as Array<{ id: number; sha256: string; text: string }>,
      run: db.prepare('SELECT id, processed FROM import_runs').get() as { id: number; processed: number },
    }))!;
    expect(afterKill.docs.length).toBeGreaterThan(0);
    expect(afterKill.docs.length).toBeLessThan(files.size);

    const resumed = await runCli(['--db', dbPath, 'import', '--resume', String(afterKill.run.id)]);
    expect(resumed.code, resumed.output).toBe(0);

    const final = readDb(dbPath, (db) => ({
      docs: db.prepare('SELECT d.id, a.sha256, a.file_name AS name, d.full_text AS text, d.page_count AS pages FROM documents d JOIN attachments a ON a.document_id = d.id').all() as Array<{
        id: number;
        sha256: string;
        name: string;
        text: string;
        pages: number;
      }>,
      items: db.prepare('SELECT name FROM import_run_items').all() as Array<{ name: string }>,
      pageRows: (db.prepare('SELECT COUNT(*) AS n FROM document_pages').get() as { n: number }).n,
    }))!;
    // Nothing doubled: one document per file, one report line per file.
    expect(final.docs).toHaveLength(files.size);
    expect(new Set(final.docs.map((d) => d.sha256)).size).toBe(files.size);
    expect(final.items.map((i) => i.name).sort()).toEqual([...files.keys()].sort());
    // Nothing lost: every document committed before the kill is there unchanged.
    const byId = new Map(final.docs.map((d) => [d.id, d]));
    for (const d of afterKill.docs) expect(byId.get(d.id)).toMatchObject({ sha256: d.sha256, text: d.text });
    // Every page was read: its number is in its document's text, and its word boxes are stored.
    expect(final.pageRows).toBe(300);
    expect(final.docs.reduce((a, d) => a + d.pages, 0)).toBe(300);
    let read = 0;
    for (const d of final.docs) {
      const numbers = files.get(path.join(folder, d.name))!;
      read += numbers.filter((n) => d.text.includes(String(1000 + n))).length;
    }
    expect(read / 300).toBeGreaterThan(0.95);

    // Search finds the words read from the scans, with or without diacritics.
    const search = await runCli(['--db', dbPath, 'search', 'kiem ke tai lieu', '--json', '--limit', '5']);
    expect(search.code, search.output).toBe(0);
    const json = JSON.parse(search.output.slice(search.output.indexOf('{'))) as { total: number };
    expect(json.total).toBeGreaterThan(files.size * 0.9);
  });
});
