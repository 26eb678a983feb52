/**
 * A folder uploaded from the browser in parts is one import run: one report, one pre-import backup,
 * the parts fed to the import as they arrive, memory held to a bound by making the sender wait,
 * and a sender that stops does not leave the run waiting for ever.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/contract/errors';
import type { ImportSource } from '../../../electron/services/import/importDocument';
import { startImportRun } from '../../../electron/services/import/runs';
import { UploadRefused, UploadStream } from '../../../electron/services/import/uploadStream';
import { writeManyDocuments } from '../../support/partyDocs';
import { type TestApp, makeFondsWithFile, openTestApp, tempDir, waitForJob } from '../../support/services';

const apps: TestApp[] = [];
afterEach(async () => {
  while (apps.length) await apps.pop()!.close();
});

function uploadsOf(files: string[]) {
  return files.map((f) => ({ name: `Hồ sơ 2024/${path.basename(f)}`, contentBase64: fs.readFileSync(f).toString('base64') }));
}

async function errorOf(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected an error');
}

function source(name: string, size: number): ImportSource {
  return { name, size, read: () => new Uint8Array(size) };
}

describe('an upload in parts', () => {
  it('is one run with one backup: every part imported, the report complete, the picked folder named', async () => {
    const app = openTestApp();
    apps.push(app);
    const { fonds } = await makeFondsWithFile(app);
    const files = writeManyDocuments(tempDir('kholuu-parts-'), 25);
    const uploads = uploadsOf(files);
    const preImport = async () => (await app.call('backups.list', {})).filter((b) => b.reason === 'pre-import').length;
    const backupsBefore = await preImport();

    const { jobId } = await app.call('import.start', { target: { fondsId: fonds.id }, uploads: uploads.slice(0, 10), uploadTotal: 25, uploadSources: ['Hồ sơ 2024'] });
    expect((await app.call('jobs.get', { jobId })).total).toBe(25);
    expect(await app.call('import.upload', { jobId, uploads: uploads.slice(10, 20), last: false })).toEqual({ received: 20 });
    expect(await app.call('import.upload', { jobId, uploads: uploads.slice(20), last: true })).toEqual({ received: 25 });
    const done = await waitForJob(app, jobId);
    expect(done).toMatchObject({ state: 'done', total: 25, processed: 25, imported: 25, failed: 0 });

    const runs = await app.call('importRuns.list', {});
    expect(runs.items).toHaveLength(1);
    expect(runs.items[0]).toMatchObject({ id: done.runId, state: 'done', imported: 25, sources: ['Hồ sơ 2024'] });
    const items = await app.call('importRuns.items', { runId: done.runId!, limit: 100 });
    expect(items.items.map((i) => i.name).sort()).toEqual(uploads.map((u) => u.name).sort());
    expect((await preImport()) - backupsBefore).toBe(1);

    // The upload has ended: a late part is refused, not imported.
    const late = await errorOf(app.call('import.upload', { jobId, uploads: uploads.slice(0, 1), last: true }));
    expect(late.code).toBe('intake.uploadEnded');
  });

  it('refuses more files than announced, and parts for a job that takes none', async () => {
    const app = openTestApp();
    apps.push(app);
    const { fonds } = await makeFondsWithFile(app);
    const uploads = uploadsOf(writeManyDocuments(tempDir('kholuu-parts-'), 4));
    const { jobId } = await app.call('import.start', { target: { fondsId: fonds.id }, uploads: uploads.slice(0, 1), uploadTotal: 2 });
    const tooMany = await errorOf(app.call('import.upload', { jobId, uploads: uploads.slice(1, 3), last: true }));
    expect(tooMany.code).toBe('intake.tooManyFiles');
    await app.call('import.upload', { jobId, uploads: uploads.slice(1, 2), last: true });
    expect(await waitForJob(app, jobId)).toMatchObject({ state: 'done', imported: 2 });

    const single = await app.call('import.start', { target: { fondsId: fonds.id }, uploads: uploads.slice(3) });
    expect((await errorOf(app.call('import.upload', { jobId: single.jobId, uploads: [], last: true }))).code).toBe('intake.notAnUpload');
    await waitForJob(app, single.jobId);

    const small = await errorOf(app.call('import.start', { target: { fondsId: fonds.id }, uploads: uploads.slice(0, 2), uploadTotal: 1 }));
    expect(small.fields?.['uploadTotal']?.code).toBe('field.uploadTotalTooSmall');
  });

  it('a cancelled run refuses the parts still coming, and keeps what it imported', async () => {
    const app = openTestApp();
    apps.push(app);
    const { fonds } = await makeFondsWithFile(app);
    const uploads = uploadsOf(writeManyDocuments(tempDir('kholuu-parts-'), 6));
    const { jobId } = await app.call('import.start', { target: { fondsId: fonds.id }, uploads: uploads.slice(0, 3), uploadTotal: 6 });
    await app.call('jobs.cancel', { jobId });
    const refused = await errorOf(app.call('import.upload', { jobId, uploads: uploads.slice(3), last: true }));
    expect(refused.code).toBe('intake.uploadEnded');
    expect(refused.params).toEqual({ state: 'cancelled' });
    const status = await waitForJob(app, jobId);
    expect(status.state).toBe('cancelled');
    const docs = await app.call('documents.list', { fondsId: fonds.id, limit: 100 });
    expect(docs.total).toBe(status.imported);
    expect(status.imported).toBeLessThanOrEqual(3);
  });

  it('a sender that goes quiet ends the run with the reason; the files it sent are imported', async () => {
    const app = openTestApp();
    apps.push(app);
    const { fonds } = await makeFondsWithFile(app);
    const files = writeManyDocuments(tempDir('kholuu-parts-'), 3);
    const ctx = app.services.context;
    const uploads = files.map((f) => ({ name: path.basename(f), size: fs.statSync(f).size, read: () => fs.readFileSync(f) }));
    const stream = new UploadStream({ expected: 5, first: uploads.slice(0, 1), idleMs: 200 });
    const job = startImportRun(ctx, { fondsId: fonds.id }, { roots: [], uploads: [], stream });
    await stream.push(uploads.slice(1), false);
    const status = await waitForJob(app, job.status.id);
    expect(status.state).toBe('failed');
    expect(status.imported).toBe(3);
    expect(status.error).toContain('trình duyệt ngừng gửi tệp (đã nhận 3/5 tệp');
    const run = await app.call('importRuns.get', { runId: status.runId! });
    expect(run).toMatchObject({ state: 'failed', imported: 3 });
    expect(run.error).toContain('ngừng gửi tệp');
  });
});

describe('UploadStream', () => {
  it('holds a sender back while more than its high-water mark is queued, and lets it go as the import takes files', async () => {
    const stream = new UploadStream({ expected: 6, highWaterBytes: 100, idleMs: 10_000 });
    let answered = false;
    const sent = stream.push([source('a', 60), source('b', 60), source('c', 60)], false).then(() => (answered = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(answered).toBe(false);
    const taken: string[] = [];
    const reader = stream.sources();
    taken.push((await reader.next()).value!.name);
    await new Promise((r) => setTimeout(r, 20));
    expect(answered).toBe(false); // 120 bytes still queued
    taken.push((await reader.next()).value!.name);
    await sent;
    expect(answered).toBe(true);
    await stream.push([source('d', 10), source('e', 10), source('f', 10)], true);
    for (let r = await reader.next(); !r.done; r = await reader.next()) taken.push(r.value.name);
    expect(taken).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('closing lets a held sender go with a refusal', async () => {
    const stream = new UploadStream({ expected: 2, highWaterBytes: 10, idleMs: 10_000 });
    const held = stream.push([source('a', 50)], false);
    stream.close();
    await expect(held).rejects.toBeInstanceOf(UploadRefused);
    await expect(stream.push([source('b', 1)], true)).rejects.toBeInstanceOf(UploadRefused);
  });
});
