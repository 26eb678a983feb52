/**
 * An import commits its batches with SQLite's statement journals in memory (`batchTransaction`):
 * spilled to a temporary file, they had every document's pages written a second time. The
 * setting holds only while a batch commits; the connection has its own back for everything else.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeManyDocuments } from '../support/partyDocs';
import { type TestApp, makeFondsWithFile, openTestApp, tempDir, waitForJob } from '../support/services';

const apps: TestApp[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const a of apps.splice(0)) await a.close();
});

const temporaryStore = (app: TestApp) => app.services.context.catalogue.db.pragma('temp_store', { simple: true }) as number;

describe('an import batch', () => {
  it('is committed with statement journals in memory, and the connection keeps its own setting outside it', async () => {
    const app = openTestApp(tempDir('kholuu-batch-journal-'));
    apps.push(app);
    const { fonds } = await makeFondsWithFile(app);
    const folder = tempDir('kholuu-batch-journal-src-');
    writeManyDocuments(folder, 120);
    const { catalogue } = app.services.context;
    const before = temporaryStore(app);
    // What each write transaction of the import saw: the batches of documents, the run's start and end.
    const seen: number[] = [];
    const transaction = catalogue.transaction.bind(catalogue);
    vi.spyOn(catalogue, 'transaction').mockImplementation(<T>(fn: () => T): T =>
      transaction(() => {
        seen.push(temporaryStore(app));
        return fn();
      }),
    );
    const { jobId } = await app.call('import.start', { target: { fondsId: fonds.id }, paths: [folder] });
    const status = await waitForJob(app, jobId);
    expect(status.state).toBe('done');
    expect(status.imported).toBe(120);
    // 2 = MEMORY: at least one batch committed so, and not every transaction (the run's own rows are not a batch).
    expect(seen).toContain(2);
    expect(seen.some((s) => s !== 2)).toBe(true);
    expect(temporaryStore(app)).toBe(before);
    // The documents are all there and searchable.
    const { total } = await app.call('search.query', { text: 'bàn giao hồ sơ' });
    expect(total).toBe(120);
    expect((catalogue.db.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n).toBe(120);
  });
});
