import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InputOf, OperationName, OutputOf } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/errors';
import { createDispatch } from '../../electron/services/dispatch';
import { type Services, createServices } from '../../electron/services/createServices';
import { SAMPLES_DIR } from './paths';

export function tempDir(prefix = 'kholuu-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TestApp {
  dir: string;
  cataloguePath: string;
  services: Services;
  /** Calls an operation through the validating dispatch, as the UI does; throws ApiError. */
  call<N extends OperationName>(name: N, input: InputOf<N>): Promise<OutputOf<N>>;
  /** Sends anything at all, as a hostile caller could. */
  raw(name: unknown, input: unknown): ReturnType<ReturnType<typeof createDispatch>>;
  close(): Promise<void>;
}

/** Services on a real catalogue file in a fresh temporary folder. */
export function openTestApp(dir = tempDir(), actor = 'tester'): TestApp {
  const cataloguePath = path.join(dir, 'catalogue.sqlite');
  return testAppOf(dir, cataloguePath, createServices({ cataloguePath, host: 'test', version: '0.0.0-test', samplesDir: SAMPLES_DIR, actor }));
}

/** Services already created, called through the validated contract as the hosts call them. */
export function testAppOf(dir: string, cataloguePath: string, services: ReturnType<typeof createServices>): TestApp {
  const dispatch = createDispatch(services.handlers, { error: () => {} });
  return {
    dir,
    cataloguePath,
    services,
    raw: dispatch,
    async call(name, input) {
      const reply = await dispatch(name, input);
      if (!reply.ok) throw ApiError.fromBody(reply.error);
      return reply.result as never;
    },
    close: () => services.close(),
  };
}

/** An organization, a fonds and one file with the given retention, ready to import into. */
export async function makeFondsWithFile(app: TestApp, retentionCode: string | null = 'VV') {
  const org = await app.call('organizations.create', { name: 'Huyện ủy Krông Pắc', level: 'district', endDate: '2025-06-30' });
  const fonds = await app.call('fonds.create', { code: 'HU-KP', name: 'Phông Huyện ủy Krông Pắc', organizationId: org.id, status: 'closed' });
  const file = await app.call('files.create', { fondsId: fonds.id, code: '1', title: 'Kết luận của Tỉnh ủy', retentionCode });
  return { org, fonds, file };
}

export async function waitForJob(app: TestApp, jobId: string) {
  for (;;) {
    const status = await app.call('jobs.get', { jobId });
    if (status.state !== 'running') return status;
    await new Promise((r) => setTimeout(r, 10));
  }
}
