/** Helpers for the safety tests: services on a temp catalogue with a chosen host, passphrase and clock. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { InputOf, OperationName, OutputOf } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/errors';
import type { AppInfo } from '../../shared/contract/types';
import type { EncryptionResult } from '../../shared/contract/types/safety';
import { createServices } from '../../electron/services/createServices';
import { CLI_ENTRY, REPO, SAMPLES_DIR } from './paths';
import { type TestApp, tempDir, testAppOf, waitForJob } from './services';

export const FIXTURES_DIR = path.join(REPO, 'tests', 'fixtures', 'documents');
/** Fixtures marked Mật and Tuyệt mật by the parser. */
export const SECRET_FIXTURES = [path.join(FIXTURES_DIR, 'f05_bao_cao_ubkt_mat.txt'), path.join(FIXTURES_DIR, 'f16_thong_bao_tuyet_mat_hoa_toc.txt')];

export interface SafetyAppOptions {
  host?: AppInfo['host'];
  passphrase?: string | null;
  actor?: string;
  /** A fixed clock (ISO time) the test can move. */
  clock?: { now: string };
  backupDir?: string;
}

export function openSafetyApp(dir = tempDir('kholuu-safety-'), options: SafetyAppOptions = {}): TestApp {
  const cataloguePath = path.join(dir, 'catalogue.sqlite');
  const services = createServices({
    cataloguePath,
    host: options.host ?? 'test',
    version: '0.0.0-test',
    samplesDir: SAMPLES_DIR,
    actor: options.actor ?? 'tester',
    passphrase: options.passphrase ?? null,
    ...(options.clock ? { now: () => options.clock!.now } : {}),
    ...(options.backupDir ? { backupDir: options.backupDir } : {}),
  });
  return testAppOf(dir, cataloguePath, services);
}

export async function callError<N extends OperationName>(app: TestApp, name: N, input: InputOf<N>): Promise<ApiError> {
  try {
    await app.call(name, input);
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error(`expected ${name} to fail`);
}

/** A fonds with one fixed-term (10 years, closed in 2010) and one permanent file. */
export async function archiveWithFiles(app: TestApp) {
  const org = await app.call('organizations.create', { name: 'Huyện ủy Ea Súp', level: 'district', endDate: '2025-06-30' });
  const fonds = await app.call('fonds.create', { code: 'HU-ES', name: 'Phông Huyện ủy Ea Súp', organizationId: org.id, status: 'closed' });
  const fixed = await app.call('files.create', { fondsId: fonds.id, code: '12', title: 'Công văn trao đổi năm 2010', retentionCode: '10', startDate: '2010-01-05', endDate: '2010-12-28' });
  const permanent = await app.call('files.create', { fondsId: fonds.id, code: '1', title: 'Nghị quyết của Ban Chấp hành', retentionCode: 'VV', startDate: '2010-01-05', endDate: '2010-12-28' });
  return { org, fonds, fixed, permanent };
}

/**
 * Imports a few files as the UI uploads them: not a bulk import, so no automatic backup is taken
 * and the backup tests see only the backups they make.
 */
export async function importInto(app: TestApp, target: { fondsId: number; fileId?: number | null }, paths: string[]): Promise<number[]> {
  const uploads = paths.map((p) => ({ name: path.basename(p), contentBase64: fs.readFileSync(p).toString('base64') }));
  const { jobId } = await app.call('import.start', { target, uploads });
  const status = await waitForJob(app, jobId);
  const ids = status.results.filter((r) => r.outcome === 'imported').map((r) => r.documentId!);
  if (ids.length !== paths.length) throw new Error(`import: ${JSON.stringify(status.results)}`);
  return ids;
}


/** Runs the command line (as `npm run cli -- …`) and returns its output and exit code. */
export function cli(args: string[], options: { input?: string } = {}): { stdout: string; stderr: string; code: number } {
  try {
    const stdout = execFileSync(process.execPath, [CLI_ENTRY, ...args], {
      cwd: REPO,
      encoding: 'utf8',
      input: options.input,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    return { stdout, stderr: '', code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; status: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.status };
  }
}

export type { OutputOf };

/**
 * Encrypts the catalogue (or changes its passphrase) the way the app does: starts the job, follows
 * it to its end, and returns what it did. A refusal comes from the start; a failure of the job is
 * thrown as its error.
 */
export async function changePassphrase(app: TestApp, input: InputOf<'catalogue.setPassphrase'>): Promise<EncryptionResult> {
  const { jobId } = await app.call('catalogue.setPassphrase', input);
  const status = await waitForJob(app, jobId);
  if (status.state !== 'done') {
    throw status.errorMessage ? ApiError.fromBody({ ...status.errorMessage, kind: 'internal' } as never) : new Error(`encryption job ${status.state}: ${status.error ?? ''}`);
  }
  const { result } = await app.call('catalogue.passphraseResult', { jobId });
  if (!result) throw new Error('encryption job ended without a result');
  return result;
}
