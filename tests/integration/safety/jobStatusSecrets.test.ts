/**
 * A locked viewer's progress poll: the import's recent results are checked for secret documents
 * with one lookup, however many there are (the app polls every quarter second while a bulk import
 * runs, and a job keeps up to 500 results), and a secret document's file is still withheld.
 */
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createServices } from '../../../electron/services/createServices';
import { partyDocument } from '../../support/partyDocs';
import { type TestApp, tempDir, testAppOf, waitForJob } from '../../support/services';

let app: TestApp | null = null;
afterEach(async () => {
  vi.restoreAllMocks();
  await app?.close();
  app = null;
});

/** Services as the browser host opens them: secrets hidden until unlocked. */
function openLocked(): TestApp {
  const dir = tempDir();
  const cataloguePath = path.join(dir, 'c.sqlite');
  return testAppOf(dir, cataloguePath, createServices({ cataloguePath, host: 'web', version: 't', actor: 'tester', secretsVisibleByDefault: false }));
}

const upload = (name: string, text: string) => ({ name, contentBase64: Buffer.from(text).toString('base64') });

describe('a job status polled by a locked viewer', () => {
  it('looks its results up in one statement and withholds the secret one', async () => {
    app = openLocked();
    const org = await app.call('organizations.create', { name: 'Tỉnh ủy', level: 'province' });
    const fonds = await app.call('fonds.create', { code: 'TU', name: 'Phông Tỉnh ủy', organizationId: org.id });
    const secret = partyDocument({ number: '1-BC/TU', type: 'BÁO CÁO', body: ['Nội dung mật.'] }).replace('ĐẢNG CỘNG SẢN VIỆT NAM', 'ĐẢNG CỘNG SẢN VIỆT NAM\nMẬT');
    const uploads = [upload('mat.txt', secret)];
    for (let i = 2; i <= 30; i++) uploads.push(upload(`bc-${i}.txt`, partyDocument({ number: `${i}-BC/TU`, type: 'BÁO CÁO', body: [`Báo cáo số ${i} về công tác.`] })));
    const { jobId } = await app.call('import.start', { target: { fondsId: fonds.id }, uploads });
    const status = await waitForJob(app, jobId);
    expect(status.state).toBe('done');
    expect(status.results).toHaveLength(30);

    // Every statement run while the finished job is polled once more.
    const statement = Object.getPrototypeOf(app.services.context.catalogue.db.prepare('SELECT 1')) as Record<'get' | 'all' | 'iterate' | 'run', (...args: unknown[]) => unknown>;
    const runs = (['get', 'all', 'iterate', 'run'] as const).map((m) => vi.spyOn(statement, m));
    const polled = await app.call('jobs.get', { jobId });
    const statementsRun = runs.reduce((n, spy) => n + spy.mock.calls.length, 0);
    expect(statementsRun).toBeLessThanOrEqual(1);

    // The secret document's line keeps only its outcome: no name, no document.
    const withheld = polled.results.filter((r) => r.documentId === null);
    expect(withheld).toHaveLength(1);
    expect(withheld[0]).toMatchObject({ outcome: 'imported' });
    expect(withheld[0]!.name).not.toBe('mat.txt');
    expect(polled.results.some((r) => r.name === 'mat.txt')).toBe(false);
    expect(polled.results.filter((r) => r.documentId !== null)).toHaveLength(29);
  });
});
