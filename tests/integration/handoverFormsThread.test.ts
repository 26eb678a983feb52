/**
 * A package's forms are rendered on a thread of their own, beside the copying of the originals:
 * the same forms, in the same order, as rendering them on the calling thread; stopping it (a
 * cancelled or failed package) ends the thread and the rendering fails instead of hanging.
 */
import { afterEach, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { type ExportContext, renderExport } from '../../electron/services/handover/exports/exporter';
import { loadExportContext } from '../../electron/services/handover/exports/exportContext';
import { renderForms } from '../../electron/services/handover/exports/formsThread';
import { listedSampleBatch } from '../support/handover';
import { type TestApp, openTestApp, tempDir } from '../support/services';

const FORMS = [
  ['fileList', 'xlsx'],
  ['documentList', 'docx'],
  ['minutes', 'pdf'],
  ['statistics', 'json'],
] as const;

const apps: TestApp[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
});

async function batchContext(): Promise<ExportContext> {
  const app = openTestApp(tempDir('kholuu-forms-thread-'));
  apps.push(app);
  const { batch } = await listedSampleBatch(app);
  return loadExportContext(app.services.context, { kind: 'batch', batchId: batch.id });
}

async function zipEntryNames(bytes: Buffer): Promise<string[]> {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
  const names: string[] = [];
  for await (const e of zip.eachEntry()) names.push(e.fileName);
  zip.close();
  return names.sort();
}

describe('the forms of a package', () => {
  it('are rendered on their own thread, as the calling thread renders them', async () => {
    const ec = await batchContext();
    const rendering = renderForms(ec, FORMS);
    expect(await rendering.apart).toBe(true);
    const apart = await rendering.rendered;
    const here = await Promise.all(FORMS.map(([form, format]) => renderExport(ec, form, format)));
    expect(apart.map((r) => [r.fileName, r.mediaType])).toEqual(here.map((r) => [r.fileName, r.mediaType]));
    // The statistics are plain JSON: byte for byte the same.
    expect(apart[3]!.bytes.equals(here[3]!.bytes)).toBe(true);
    // Word and spreadsheet files hold the same parts (their times differ).
    expect(await zipEntryNames(apart[0]!.bytes)).toEqual(await zipEntryNames(here[0]!.bytes));
    expect(await zipEntryNames(apart[1]!.bytes)).toEqual(await zipEntryNames(here[1]!.bytes));
    expect(apart[2]!.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('stops when the package stops, failing rather than hanging', async () => {
    const ec = await batchContext();
    const rendering = renderForms(ec, FORMS);
    rendering.stop();
    await expect(rendering.rendered).rejects.toThrow();
  });
});
