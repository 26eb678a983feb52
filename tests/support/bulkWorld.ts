/** Services on a fonds to arrange (see arrangement.ts), for the bulk tests. */
import { type ArrangementOptions, seedArrangement, type Seeded } from './arrangement';
import { openTestApp, tempDir, type TestApp } from './services';
import { createServices } from '../../electron/services/createServices';
import { testAppOf } from './services';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { InputOf } from '../../shared/contract/api';
import { SAMPLES_DIR } from './paths';

export interface BulkWorld extends Seeded {
  app: TestApp;
}

export interface WorldOptions extends ArrangementOptions {
  /** Secret documents hidden from the caller (as in the browser host) instead of shown. */
  secretsHidden?: boolean;
}

export async function bulkWorld(o: WorldOptions = {}): Promise<BulkWorld> {
  const dir = tempDir('kholuu-bulk-');
  const app = o.secretsHidden
    ? (() => {
        const cataloguePath = path.join(dir, 'catalogue.sqlite');
        return testAppOf(dir, cataloguePath, createServices({ cataloguePath, host: 'test', version: '0.0.0-test', samplesDir: SAMPLES_DIR, actor: 'tester', secretsVisibleByDefault: false }));
      })()
    : openTestApp(dir);
  return { app, ...seedArrangement(app.services.context.catalogue, o) };
}

/** Runs a bulk action to the end (waiting for its job if it became one) and returns its result. */
export async function runBulk(app: TestApp, input: InputOf<'bulk.start'>) {
  const started = await app.call('bulk.start', input);
  if (started.result) return started.result;
  for (;;) {
    const status = await app.call('jobs.get', { jobId: started.jobId! });
    if (status.state === 'done') return (await app.call('bulk.jobResult', { jobId: started.jobId! })).result!;
    if (status.state !== 'running') throw new Error(`bulk job ${status.state}: ${status.error}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Audit rows of one action, oldest first. */
export function auditRows(app: TestApp, action: string): Array<{ entity_type: string; entity_id: number; before_json: string | null; after_json: string | null }> {
  return app.services.context.catalogue.db.prepare('SELECT entity_type, entity_id, before_json, after_json FROM audit_log WHERE action = ? ORDER BY id').all(action) as never;
}

/** A `world()` for a test file: each world made is closed after its test. */
export function bulkWorlds(): (o?: WorldOptions) => Promise<BulkWorld> {
  const open: BulkWorld[] = [];
  afterEach(async () => {
    while (open.length > 0) await open.pop()!.app.close();
  });
  return async (o = {}) => {
    const w = await bulkWorld(o);
    open.push(w);
    return w;
  };
}
