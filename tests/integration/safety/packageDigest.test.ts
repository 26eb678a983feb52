/**
 * A folder package changed after it left and re-hashed consistently (the payload manifest and the
 * tag manifest recomputed) agrees with itself: BagIt alone cannot tell. Its digest (the SHA-256 of
 * the tag manifest, recorded on the batch at packaging and printed on the Biên bản) can: `handover
 * verify` and `receive` compare it whenever it is known — on the catalogue that packed it, or when
 * the user gives the digest from the Biên bản.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listedSampleBatch, packageBatch } from '../../support/handover';
import { cli } from '../../support/safety';
import { type TestApp, openTestApp, tempDir, waitForJob } from '../../support/services';

let sender: TestApp;
let receiver: TestApp;
let batchId: number;
let digest: string;
let pristine: string;

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/**
 * Changes one original and makes everything agree again — the records that name its SHA-256, the
 * payload manifest, the tag manifest — as someone covering their tracks would.
 */
function rehashedCopy(): string {
  const bag = path.join(tempDir('kholuu-rehashed-'), 'goi');
  fs.cpSync(pristine, bag, { recursive: true });
  const manifest = path.join(bag, 'manifest-sha256.txt');
  const entries = fs
    .readFileSync(manifest, 'utf8')
    .trim()
    .split('\n')
    .map((l) => ({ sha: l.slice(0, 64), path: l.slice(65) }));
  const target = entries.find((e) => e.path.startsWith('data/ban-goc/') && e.path.endsWith('.txt'))!;
  const file = path.join(bag, target.path);
  const text = fs.readFileSync(file, 'utf8');
  // Same length, so the Payload-Oxum still adds up.
  fs.writeFileSync(file, text.replace('Tỉnh ủy', 'Tỉnh uỷ'));
  const newSha = sha(fs.readFileSync(file));
  expect(newSha).not.toBe(target.sha);
  for (const e of entries.filter((x) => x.path.startsWith('data/catalogue/'))) {
    const p = path.join(bag, e.path);
    fs.writeFileSync(p, fs.readFileSync(p, 'utf8').split(target.sha).join(newSha));
  }
  fs.writeFileSync(manifest, `${entries.map((e) => `${sha(fs.readFileSync(path.join(bag, e.path)))} ${e.path}`).join('\n')}\n`);
  const tagmanifest = path.join(bag, 'tagmanifest-sha256.txt');
  const tags = fs.readFileSync(tagmanifest, 'utf8').trim().split('\n');
  fs.writeFileSync(tagmanifest, `${tags.map((l) => `${sha(fs.readFileSync(path.join(bag, l.slice(65))))} ${l.slice(65)}`).join('\n')}\n`);
  return bag;
}

async function check(app: TestApp, op: 'handover.verify.start' | 'handover.receive.start', location: string, expectedDigest?: string) {
  const { jobId } = await app.call(op, { path: location, ...(expectedDigest ? { expectedDigest } : {}) });
  const status = await waitForJob(app, jobId);
  const { result } = await app.call('handover.jobResult', { jobId });
  if (result?.kind !== 'verify' && result?.kind !== 'receive') throw new Error(`no report: ${status.error}`);
  return { status, report: result.report, received: result.kind === 'receive' ? result.result : null };
}

beforeAll(async () => {
  sender = openTestApp(tempDir('kholuu-digest-sender-'));
  receiver = openTestApp(tempDir('kholuu-digest-receiver-'));
  ({
    batch: { id: batchId },
  } = await listedSampleBatch(sender));
  pristine = path.join(tempDir('kholuu-digest-'), 'goi');
  digest = (await packageBatch(sender, batchId, pristine)).digest;
  expect((await sender.call('handover.batches.get', { id: batchId })).package?.digest).toBe(digest);
}, 180_000);

afterAll(async () => {
  await sender.close();
  await receiver.close();
});

describe('a consistently re-hashed package', () => {
  it('passes BagIt’s own checks where no digest is known (what the attack relied on)', async () => {
    const { report } = await check(receiver, 'handover.verify.start', rehashedCopy());
    expect(report.valid).toBe(true);
    expect(report.digest).not.toBe(digest);
    expect(report.expectedDigest).toBeNull();
  });

  it('is refused by the catalogue that packed it, which recorded the digest', async () => {
    const { report } = await check(sender, 'handover.verify.start', rehashedCopy());
    expect(report.valid).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'digest_mismatch', expected: digest, actual: report.digest })]);
    expect(report.expectedDigest).toMatchObject({ digest, source: 'batch', matches: false });
    const untouched = await check(sender, 'handover.verify.start', pristine);
    expect(untouched.report).toMatchObject({ valid: true, expectedDigest: { digest, source: 'batch', matches: true } });
  });

  it('is refused by a receiving catalogue given the digest from the Biên bản, and nothing is received', async () => {
    const before = receiver.services.context.catalogue.repos.counts();
    const verified = await check(receiver, 'handover.verify.start', rehashedCopy(), digest.toUpperCase());
    expect(verified.report.valid).toBe(false);
    expect(verified.report.problems[0]).toMatchObject({ kind: 'digest_mismatch', expected: digest });
    const received = await check(receiver, 'handover.receive.start', rehashedCopy(), digest);
    expect(received.status.state).toBe('failed');
    expect(received.received).toBeNull();
    expect(receiver.services.context.catalogue.repos.counts()).toEqual(before);
    // The right package, with the right digest, is received.
    const good = await check(receiver, 'handover.receive.start', pristine, digest);
    expect(good.status.state).toBe('done');
    expect(good.report.expectedDigest).toMatchObject({ source: 'given', matches: true });
  });

  it('on the command line: --digest, exit 2 for the re-hashed package', () => {
    const bad = cli(['--db', receiver.cataloguePath, 'handover', 'verify', rehashedCopy(), '--digest', digest]);
    expect(bad.code, bad.stderr).toBe(2);
    expect(bad.stdout).toContain('[digest_mismatch]');
    const wrong = cli(['--db', receiver.cataloguePath, 'handover', 'verify', pristine, '--digest', 'abc']);
    expect(wrong.code).toBe(1);
  }, 120_000);
});
