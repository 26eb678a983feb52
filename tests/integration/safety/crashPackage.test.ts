/**
 * Crash test of packaging: `handover package` killed with SIGKILL at 20 moments, in 4
 * chains of 5 (two writing a zip, two a folder), each chain on its own copy of a catalogue whose
 * batch is listed and boxed (100 documents in text, Word and PDF, and 30 scanned pages). Each kill
 * lands in one phase of the package, in the order the bag is written: catalogue records, originals,
 * forms, manifests, or the finishing (zip end, flush, rename, recording the package on the batch). After each kill: no
 * package under the target's name unless it is complete (a kill after the rename), only
 * `*.partial-*` leftovers beside it, the batch either still listed or packed to a package that is
 * there, and the catalogue passes `check` and the audit chain. The run after the last kill of a
 * chain completes: `handover verify` accepts its bag, no leftover of the killed runs remains, and
 * the batch records exactly that package.
 *
 * The moments come from a seed printed with the plan (`KHOLUU_CRASH_SEED=<n>` replays it); a kill
 * is triggered by what the dead-to-be process has written (the partial zip's size against the
 * offsets of a reference package, or the files in the partial folder), polled every millisecond.
 */
import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE_JSON, FORMS_DIR, ORIGINALS_DIR } from '../../../shared/handover/packageFormat';
import { crashSeed, killGroup, lowerPriority, readDb, runCli, seededRandom, sleep, startCli } from '../../support/crash';
import { packReadyCatalogue, type PackReady } from '../../support/packReady';
import { openSafetyApp } from '../../support/safety';
import { tempDir } from '../../support/services';

const SEED = crashSeed(20250701);
const CHAINS = 4;
const PHASES = ['records', 'originals', 'forms', 'manifests', 'finishing'] as const;
type Phase = (typeof PHASES)[number];

let pristine: string;
let ready: PackReady;
/** Byte offsets, in a reference zip, where each phase's entries begin. */
let offsets: { originals: number; forms: number; tags: number; end: number };

function copyCatalogue(to: string): string {
  fs.mkdirSync(to, { recursive: true });
  for (const name of fs.readdirSync(pristine)) {
    if (name === 'nguon') continue;
    fs.cpSync(path.join(pristine, name), path.join(to, name), { recursive: true });
  }
  return path.join(to, 'catalogue.sqlite');
}

async function zipOffsets(file: string): Promise<typeof offsets> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  const entries: yauzl.Entry[] = [];
  for await (const e of zip.eachEntry()) entries.push(e);
  zip.close();
  const at = (test: (name: string) => boolean) => Math.min(...entries.filter((e) => test(e.fileName.slice(e.fileName.indexOf('/') + 1))).map((e) => e.relativeOffsetOfLocalHeader));
  const end = Math.max(...entries.map((e) => e.relativeOffsetOfLocalHeader + 30 + Buffer.byteLength(e.fileName) + e.compressedSize));
  return { originals: at((n) => n.startsWith(`${ORIGINALS_DIR}/`)), forms: at((n) => n.startsWith(`${FORMS_DIR}/`)), tags: at((n) => n === 'bagit.txt'), end };
}

interface BatchRow {
  status: string;
  package_path: string | null;
  package_digest: string | null;
}
const batchRow = (db: string) => readDb(db, (d) => d.prepare('SELECT status, package_path, package_digest FROM handover_batches WHERE id = ?').get(ready.batchId) as BatchRow)!;

/**
 * Files under a folder, at any depth (originals sit in `ban-goc/<fonds>/<file>/`). The partial
 * package may be renamed into place while it is being counted: that counts as nothing here, and the
 * next look finds the package in place.
 */
function countIn(dir: string): number {
  try {
    return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw err;
  }
}

/** Waits until the newest partial package has reached the planned point; null if the process ended first. */
async function waitForMoment(p: ReturnType<typeof startCli>, out: string, zip: boolean, phase: Phase, u: number, before: Set<string>): Promise<string | null> {
  const dir = path.dirname(out);
  const prefix = `${path.basename(out)}.partial-`;
  for (;;) {
    if (p.done()) return null;
    const partial = fs.readdirSync(dir).find((n) => n.startsWith(prefix) && !before.has(n));
    if (partial) {
      const abs = path.join(dir, partial);
      if (zip) {
        const size = fs.statSync(abs, { throwIfNoEntry: false })?.size ?? 0;
        const target = {
          records: Math.floor(u * offsets.originals * 0.9),
          originals: offsets.originals + Math.floor(u * (offsets.forms - offsets.originals)),
          forms: offsets.forms + Math.floor(u * (offsets.tags - offsets.forms)),
          manifests: offsets.tags,
          finishing: offsets.end,
        }[phase];
        if (size >= target) return `partial zip at ${size} bytes`;
      } else {
        const reached = {
          forms: countIn(path.join(abs, ...FORMS_DIR.split('/'))) >= 1 + Math.floor(u * 6),
          records: fs.existsSync(path.join(abs, ...CATALOGUE_JSON.split('/'))),
          originals: countIn(path.join(abs, ...ORIGINALS_DIR.split('/'))) >= 1 + Math.floor(u * (ready.attachments - 1)),
          manifests: fs.existsSync(path.join(abs, 'bagit.txt')),
          finishing: fs.existsSync(path.join(abs, 'tagmanifest-sha256.txt')),
        }[phase];
        if (reached) return `partial folder with ${countIn(path.join(abs, ...ORIGINALS_DIR.split('/')))} originals`;
      }
    } else if (!before.has(path.basename(out)) && fs.existsSync(out)) {
      // The last steps went by between two looks (the machine is busy): the bag is in place and
      // the batch is being recorded, or the process is closing down; that is a moment too.
      return 'package renamed into place';
    }
    await sleep(1);
  }
}

async function checkCatalogue(dir: string): Promise<void> {
  const app = openSafetyApp(dir);
  try {
    const report = await app.call('integrity.check', { originals: true });
    expect(report.integrity).toEqual(['ok']);
    expect(report.foreignKeys).toEqual([]);
    expect(report.originals.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect((await app.call('audit.verify', {})).ok).toBe(true);
  } finally {
    await app.close();
  }
}

async function verifyCli(db: string, location: string) {
  const out = await runCli(['--db', db, 'handover', 'verify', location, '--json']);
  const report = JSON.parse(out.output.slice(out.output.indexOf('{'))) as { valid: boolean; report: { digest: string; problemCount: number } };
  return { code: out.code, ...report };
}

beforeAll(async () => {
  pristine = tempDir('kholuu-crash-package-');
  ready = await packReadyCatalogue(pristine, { documents: 100, scans: 30, scanKib: 1536 });
  const refDir = tempDir('kholuu-crash-package-ref-');
  const db = copyCatalogue(refDir);
  const ref = await runCli(['--db', db, 'handover', 'package', ready.batchCode, '--out', path.join(refDir, 'goi.zip')]);
  expect(ref.code, ref.output).toBe(0);
  offsets = await zipOffsets(path.join(refDir, 'goi.zip'));
  fs.rmSync(refDir, { recursive: true, force: true });
}, 600_000);

describe('packaging killed with SIGKILL at 20 moments', () => {
  it(
    'leaves no package that could pass for a finished one, keeps the catalogue and the batch consistent, and the rerun makes a valid bag',
    async () => {
      const random = seededRandom(SEED);
      const log: string[] = [`crash seed ${SEED} (replay: KHOLUU_CRASH_SEED=${SEED}); reference zip offsets ${JSON.stringify(offsets)}`];
      let kills = 0;
      try {
        for (let chain = 0; chain < CHAINS; chain++) {
          const zip = chain % 2 === 0;
          const dir = tempDir(`kholuu-crash-package-${chain}-`);
          const db = copyCatalogue(dir);
          let out = path.join(dir, zip ? 'goi.zip' : 'goi');
          // Each chain meets the phases in its own order.
          const order: Phase[] = [...PHASES];
          for (let i = order.length - 1; i > 0; i--) {
            const j = Math.floor(random() * (i + 1));
            [order[i], order[j]] = [order[j]!, order[i]!];
          }
          for (const phase of order) {
            const u = random();
            const before = new Set(fs.readdirSync(dir));
            const t0 = performance.now();
            const p = startCli(['--db', db, 'handover', 'package', ready.batchCode, '--out', out]);
            // The packaging runs at the lowest priority so that, on a loaded machine, the watcher is
            // not starved through the last moments (a folder's rename and recording take a few
            // milliseconds: a watcher that got no CPU until the process had ended could not kill it).
            lowerPriority(p.child.pid!);
            const seen = await waitForMoment(p, out, zip, phase, u, before);
            const killed = await killGroup(p);
            log.push(`chain ${chain} (${zip ? 'zip' : 'folder'}) kill ${phase.padEnd(9)} u=${u.toFixed(3)}: ${killed ? 'killed' : `ENDED FIRST (exit ${p.child.exitCode})`} at ${seen ?? '-'} (${Math.round(performance.now() - t0)} ms)`);
            expect(killed, `chain ${chain}, ${phase}: packaging ended before it could be killed:\n${p.output()}`).toBe(true);
            kills++;

            const batch = batchRow(db);
            // Once a chain has recorded one package, the batch stays packed; this run's package counts as recorded only when the batch names it.
            const recordedHere = batch.status === 'packed' && batch.package_path === out;
            const left = fs.readdirSync(dir).filter((n) => n.startsWith('goi'));
            // Beside the target only partial leftovers, named as such (and packages recorded earlier in the chain).
            for (const n of left.filter((x) => !before.has(x) || x === path.basename(out))) expect(n === path.basename(out) || n.startsWith(`${path.basename(out)}.partial-`), `unexpected ${n}`).toBe(true);
            if (fs.existsSync(out)) {
              // Killed after the rename: the package under the final name is complete. Not yet
              // recorded, it is checked by itself: this catalogue's recorded digest for the batch is
              // that of the package an earlier run of the chain recorded, not this one's.
              const alone = recordedHere ? null : tempDir('kholuu-crash-verify-');
              const v = await verifyCli(alone ? path.join(alone, 'empty.sqlite') : db, out);
              if (alone) fs.rmSync(alone, { recursive: true, force: true });
              expect(v.valid, JSON.stringify(v)).toBe(true);
              log[log.length - 1] += recordedHere ? '; package complete and recorded' : '; package complete, not yet recorded';
              if (recordedHere) expect(batch.package_digest).toBe(v.report.digest);
            } else if (batch.status === 'packed') {
              // Killed before the rename: the batch still names the package an earlier run recorded.
              expect(batch.package_path).not.toBe(out);
            } else {
              expect(batch.status).toBe('listed');
              expect(batch.package_path).toBeNull();
            }
            // A package recorded on the batch is there, whole.
            if (batch.status === 'packed') {
              expect(fs.existsSync(batch.package_path!), `recorded package ${batch.package_path} is missing`).toBe(true);
              if (!recordedHere) expect((await verifyCli(db, batch.package_path!)).valid).toBe(true);
            }
            if (recordedHere) {
              // Packing again needs a new name: a recorded package is never overwritten.
              out = path.join(dir, zip ? `goi-${kills}.zip` : `goi-${kills}`);
            }
            await checkCatalogue(dir);
          }

          const rerun = await runCli(['--db', db, 'handover', 'package', ready.batchCode, '--out', out]);
          expect(rerun.code, rerun.output).toBe(0);
          const v = await verifyCli(db, out);
          expect(v.code, JSON.stringify(v)).toBe(0);
          expect(v.valid).toBe(true);
          const batch = batchRow(db);
          expect(batch).toMatchObject({ status: 'packed', package_path: out, package_digest: v.report.digest });
          // No leftover of the killed runs is left beside the package.
          expect(fs.readdirSync(dir).filter((n) => n.includes('.partial-'))).toEqual([]);
          await checkCatalogue(dir);
          fs.rmSync(dir, { recursive: true, force: true });
        }
      } finally {
        console.log(log.join('\n'));
      }
      expect(kills).toBe(CHAINS * PHASES.length);
    },
    600_000,
  );
});
