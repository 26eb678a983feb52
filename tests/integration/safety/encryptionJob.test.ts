/**
 * Encrypting runs as a job: the interface follows it through its phases, the originals are counted
 * as they are sealed, a cancel taken before the catalogue's key changes leaves everything as it
 * was, and one asked for after that point is not taken (the job finishes sealing).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobStatus } from '../../../shared/contract/types';
import { tempDir, type TestApp } from '../../support/services';
import { archiveWithFiles, openSafetyApp } from '../../support/safety';

const PASSPHRASE = 'Mật khẩu của Văn phòng Huyện ủy 2025';
const ORIGINALS = 120;

let app: TestApp | null = null;
afterEach(async () => {
  if (!app) return;
  await app.close();
  fs.rmSync(app.dir, { recursive: true, force: true });
  app = null;
});

/** A catalogue holding `ORIGINALS` distinct small originals, imported as the UI uploads them. */
async function catalogueWithOriginals(): Promise<TestApp> {
  const a = openSafetyApp(tempDir('kholuu-encjob-'));
  const { fonds, permanent } = await archiveWithFiles(a);
  const uploads = Array.from({ length: ORIGINALS }, (_, i) => ({
    name: `cong-van-${i + 1}.txt`,
    contentBase64: Buffer.from(`HUYỆN ỦY EA SÚP\nSố: ${i + 1}-CV/HU\nCÔNG VĂN\nV/v báo cáo tình hình tháng ${(i % 12) + 1} tại xã số ${i + 1}\n`).toString('base64'),
  }));
  const { jobId } = await a.call('import.start', { target: { fondsId: fonds.id, fileId: permanent.id }, uploads });
  for (;;) {
    const s = await a.call('jobs.get', { jobId });
    if (s.state !== 'running') break;
    await new Promise((r) => setTimeout(r, 20));
  }
  return a;
}

function originalStates(a: TestApp): Record<string, number> {
  const { originals, originalsDir } = a.services.context.catalogue;
  const out: Record<string, number> = {};
  for (const e of fs.readdirSync(originalsDir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const state = originals.stateOf(path.join(e.parentPath, e.name));
    out[state] = (out[state] ?? 0) + 1;
  }
  return out;
}

/** Every status the job goes through, read as often as the loop allows. */
async function follow(a: TestApp, jobId: string, onStatus: (s: JobStatus) => Promise<void> | void = () => {}): Promise<JobStatus[]> {
  const seen: JobStatus[] = [];
  for (;;) {
    const s = await a.call('jobs.get', { jobId });
    seen.push(s);
    await onStatus(s);
    if (s.state !== 'running') return seen;
    // Often enough to see every phase, seldom enough to keep the list short on a slow machine.
    await new Promise((r) => setTimeout(r, 2));
  }
}

describe('encrypting as a job', () => {
  it('goes through its phases and counts the originals it seals up to all of them', async () => {
    app = await catalogueWithOriginals();
    expect(originalStates(app)).toEqual({ plain: ORIGINALS });
    const { jobId } = await app.call('catalogue.setPassphrase', { next: PASSPHRASE });
    // The result is not there while the job runs.
    expect((await app.call('catalogue.passphraseResult', { jobId })).result).toBeNull();
    const seen = await follow(app, jobId);
    const last = seen.at(-1)!;
    expect(last.state).toBe('done');
    expect(last.kind).toBe('encrypt');
    const phases = [...new Set(seen.map((s) => s.phaseCode).filter(Boolean))];
    expect(phases).toEqual(expect.arrayContaining(['backupBeforeEncrypt', 'sealingOriginals']));
    // The managed folder and the backup taken just before: every original counted once per place.
    const sealing = seen.filter((s) => s.phaseCode === 'sealingOriginals');
    expect(sealing.length).toBeGreaterThan(0);
    const total = sealing.at(-1)!.total;
    expect(total).toBeGreaterThanOrEqual(ORIGINALS);
    const counts = sealing.map((s) => s.processed);
    expect(counts.every((n, i) => i === 0 || n >= counts[i - 1]!)).toBe(true);
    expect(counts.every((n) => n <= total)).toBe(true);
    const { result } = await app.call('catalogue.passphraseResult', { jobId });
    expect(result?.originalsSealed).toBe(total);
    expect(originalStates(app)).toEqual({ sealed: ORIGINALS });
    expect((await app.call('catalogue.encryption', {})).encrypted).toBe(true);
  }, 120_000);

  it('a cancel before the key changes leaves the catalogue, its originals and its audit as they were', async () => {
    app = await catalogueWithOriginals();
    const auditBefore = (await app.call('audit.list', { limit: 1 }))[0]!.id;
    const { jobId } = await app.call('catalogue.setPassphrase', { next: PASSPHRASE });
    await app.call('jobs.cancel', { jobId });
    const last = (await follow(app, jobId)).at(-1)!;
    expect(last.state).toBe('cancelled');
    expect((await app.call('catalogue.passphraseResult', { jobId })).result).toBeNull();
    expect((await app.call('catalogue.encryption', {})).encrypted).toBe(false);
    expect(originalStates(app)).toEqual({ plain: ORIGINALS });
    const after = await app.call('audit.list', { limit: 20 });
    expect(after.filter((r) => r.id > auditBefore).map((r) => r.action)).not.toContain('catalogue.encrypt');
    // Nothing is left half done: encrypting again goes through.
    const again = (await follow(app, (await app.call('catalogue.setPassphrase', { next: PASSPHRASE })).jobId)).at(-1)!;
    expect(again.state).toBe('done');
    expect(originalStates(app)).toEqual({ sealed: ORIGINALS });
  }, 120_000);

  it('a cancel after the key changed is not taken: the job says so and seals every original', async () => {
    app = await catalogueWithOriginals();
    const { jobId } = await app.call('catalogue.setPassphrase', { next: PASSPHRASE });
    let askedWhileRunning = false;
    const seen = await follow(app, jobId, async (s) => {
      if (s.state === 'running' && s.cancellable === false && !askedWhileRunning) {
        askedWhileRunning = true;
        const answer = await app!.call('jobs.cancel', { jobId });
        expect(answer.cancellable).toBe(false);
      }
    });
    expect(seen.some((s) => s.state === 'running' && s.cancellable === true)).toBe(true);
    expect(askedWhileRunning).toBe(true);
    expect(seen.at(-1)!.state).toBe('done');
    expect((await app.call('catalogue.encryption', {})).encrypted).toBe(true);
    expect(originalStates(app)).toEqual({ sealed: ORIGINALS });
  }, 120_000);
});
