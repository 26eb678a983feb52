/**
 * Each original is checked against the SHA-256 the catalogue holds as it goes into a package
 * (several are hashed at once, off the main thread): one changed or gone on disk, anywhere in the
 * batch, fails the package with its name, and nothing is left behind — as a zip and as a folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { jobResult, listedSampleBatch } from '../support/handover';
import { type TestApp, openTestApp, tempDir } from '../support/services';

const apps: TestApp[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
});

/** A listed batch, and the stored file of one of its last originals (packed after many others). */
async function batchWithLastOriginal() {
  const app = openTestApp(tempDir('kholuu-originals-checked-'));
  apps.push(app);
  const { batch } = await listedSampleBatch(app);
  const { db, originalsDir } = app.services.context.catalogue;
  const last = db
    .prepare(
      `SELECT a.file_name AS fileName, a.stored_path AS storedPath FROM attachments a JOIN documents d ON d.id = a.document_id
       JOIN handover_batch_files b ON b.file_id = d.file_id WHERE b.batch_id = ? ORDER BY d.file_id DESC, d.order_in_file DESC, d.id DESC LIMIT 1`,
    )
    .get(batch.id) as { fileName: string; storedPath: string };
  return { app, batch, last, stored: path.join(originalsDir, last.storedPath) };
}

async function packageFails(app: TestApp, batchId: number, out: string) {
  const { jobId } = await app.call('handover.package.start', { batchId, out });
  const { status } = await jobResult(app, jobId);
  expect(status.state).toBe('failed');
  expect(fs.readdirSync(path.dirname(out)).filter((f) => f.startsWith('goi'))).toEqual([]);
  expect((await app.call('handover.batches.get', { id: batchId })).status).toBe('listed');
  return status.errorMessage;
}

describe('an original that no longer matches the catalogue', () => {
  for (const zip of [true, false]) {
    it(`changed on disk fails the package (${zip ? 'zip' : 'folder'}), naming it`, async () => {
      const { app, batch, last, stored } = await batchWithLastOriginal();
      const bytes = fs.readFileSync(stored);
      bytes[bytes.length >> 1] ^= 0xff;
      fs.writeFileSync(stored, bytes);
      const message = await packageFails(app, batch.id, path.join(app.dir, zip ? 'goi.zip' : 'goi'));
      expect(message).toEqual({ code: 'handover.originalChanged', params: { fileName: last.fileName } });
    });
  }

  it('gone from disk fails the package, naming it', async () => {
    const { app, batch, last, stored } = await batchWithLastOriginal();
    fs.rmSync(stored);
    const message = await packageFails(app, batch.id, path.join(app.dir, 'goi.zip'));
    expect(message).toMatchObject({ code: 'handover.originalMissing', params: { fileName: last.fileName } });
  });
});
