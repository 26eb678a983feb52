/**
 * Crash test of receiving a package (beside the crash tests of the import and of packaging):
 * `handover receive` killed with SIGKILL five times in a row on the same receiving catalogue, each
 * time further on: while it verifies the package (bytes read, from /proc), while it backs up the
 * catalogue, while it copies the originals into the store, between two chunks of records, and
 * while it finishes (receipt, batch marked received). After each kill the catalogue opens, `check`
 * and the audit chain pass, no original sits half-written under its final name and none is
 * catalogued twice; the sixth run completes and the catalogue holds every document and original of
 * the package exactly once. Moments from a printed seed (`KHOLUU_CRASH_SEED` replays it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CataloguePoller, crashSeed, filesUnder, killGroup, lowerPriority, originalsOnDisk, readDb, runCli, seededRandom, sleep, startCli } from '../../support/crash';
import { packReadyCatalogue } from '../../support/packReady';
import { openSafetyApp } from '../../support/safety';
import { tempDir } from '../../support/services';

const SEED = crashSeed(20250630);
const PHASES = ['verifying', 'backup', 'originals', 'records', 'finishing'] as const;
type Phase = (typeof PHASES)[number];

let bag: string;
let bagBytes: number;
let expected: { documents: number; attachments: number; shas: string[] };

/**
 * Bytes read so far by the group's process that has the package open (Linux /proc: `rchar`), or
 * null while none has it open yet (the program is still starting, reading its own modules).
 */
function bytesRead(pgid: number): number | null {
  for (const n of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(n)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${n}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) !== pgid) continue;
      const open = fs.readdirSync(`/proc/${n}/fd`).some((fd) => {
        try {
          return fs.readlinkSync(`/proc/${n}/fd/${fd}`) === bag;
        } catch {
          return false;
        }
      });
      if (open) return Number(/^rchar: (\d+)$/m.exec(fs.readFileSync(`/proc/${n}/io`, 'utf8'))?.[1] ?? 0);
    } catch {
      // The process ended meanwhile.
    }
  }
  return null;
}

function receiverFacts(db: string) {
  return readDb(db, (d) => ({
    documents: (d.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n,
    shas: (d.prepare('SELECT sha256 FROM attachments ORDER BY sha256').all() as Array<{ sha256: string }>).map((r) => r.sha256),
    duplicateShas: d.prepare('SELECT sha256 FROM attachments GROUP BY sha256 HAVING COUNT(*) > 1').all(),
    batch: (d.prepare("SELECT status FROM handover_batches WHERE direction = 'incoming'").get() as { status: string } | undefined)?.status ?? null,
    storedPaths: (d.prepare('SELECT stored_path FROM attachments').all() as Array<{ stored_path: string }>).map((r) => r.stored_path.split(path.sep).join('/')),
  }))!;
}

async function waitForMoment(p: ReturnType<typeof startCli>, dir: string, phase: Phase, u: number): Promise<string | null> {
  const db = path.join(dir, 'catalogue.sqlite');
  const poller = new CataloguePoller(db);
  const backups = path.join(dir, 'catalogue.backups');
  const backupsBefore = new Set(fs.existsSync(backups) ? fs.readdirSync(backups) : []);
  const originals = path.join(dir, 'catalogue.originals');
  const originalsBefore = filesUnder(originals).length;
  const documentsBefore = poller.get((d) => (d.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n) ?? 0;
  let readFrom: number | null = null;
  try {
    for (;;) {
      if (p.done()) return null;
      switch (phase) {
        case 'verifying': {
          // Counted from when the package is first seen open: what is read after that is mostly the package.
          const read = bytesRead(p.child.pid!);
          if (read !== null) readFrom ??= read;
          if (read !== null && read - readFrom! >= bagBytes * (0.2 + 0.6 * u)) return `${read - readFrom!} bytes of the package read`;
          break;
        }
        case 'backup':
          if (fs.existsSync(backups) && fs.readdirSync(backups).some((n) => !backupsBefore.has(n))) return 'backup being written';
          break;
        case 'originals': {
          const n = filesUnder(originals).length;
          if (n >= originalsBefore + 1 + Math.floor(u * (expected.attachments - originalsBefore - 1))) return `${n} files in the originals folder`;
          break;
        }
        case 'records': {
          const n = poller.get((d) => (d.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n) ?? 0;
          if (n > documentsBefore) return `${n} documents committed`;
          break;
        }
        case 'finishing': {
          const status = poller.get((d) => (d.prepare("SELECT status FROM handover_batches WHERE direction = 'incoming'").get() as { status: string } | undefined)?.status);
          const receipts = path.join(dir, 'catalogue.exports');
          if (status === 'received' || (fs.existsSync(receipts) && fs.readdirSync(receipts).length > 0)) return `receipt written, batch ${status}`;
          const n = poller.get((d) => (d.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n) ?? 0;
          if (n >= expected.documents) return `all ${n} documents committed`;
          break;
        }
      }
      await sleep(1);
    }
  } finally {
    poller.close();
  }
}

beforeAll(async () => {
  const sender = tempDir('kholuu-crash-receive-sender-');
  const ready = await packReadyCatalogue(sender, { documents: 260, scans: 12, scanKib: 1024 });
  bag = path.join(sender, 'goi-ban-giao.zip');
  const made = await runCli(['--db', ready.cataloguePath, 'handover', 'package', ready.batchCode, '--out', bag]);
  expect(made.code, made.output).toBe(0);
  bagBytes = fs.statSync(bag).size;
  expected = { documents: 260 + 12, attachments: ready.attachments, shas: ready.corpus.map((f) => f.sha256).sort() };
}, 300_000);

describe('receiving a package killed with SIGKILL five times', () => {
  it('keeps the receiving catalogue sound after each kill and completes with each document and original exactly once', async () => {
    const random = seededRandom(SEED);
    const dir = tempDir('kholuu-crash-receive-');
    const db = path.join(dir, 'catalogue.sqlite');
    const log: string[] = [`crash seed ${SEED} (replay: KHOLUU_CRASH_SEED=${SEED}); package ${bagBytes} bytes`];
    try {
      // The receiving catalogue exists before the package arrives.
      await openSafetyApp(dir).close();
      for (const phase of PHASES) {
        const u = random();
        const t0 = performance.now();
        const p = startCli(['--db', db, 'handover', 'receive', bag]);
        // The receive runs at the lowest priority so that, on a loaded machine, the watcher is not
        // starved through the last moments: the finishing steps take a few milliseconds, and a
        // watcher that gets no CPU until the receive has ended cannot kill it there.
        lowerPriority(p.child.pid!);
        const seen = await waitForMoment(p, dir, phase, u);
        const killed = await killGroup(p);
        const facts = receiverFacts(db);
        log.push(`kill ${phase.padEnd(9)} u=${u.toFixed(3)}: ${killed ? 'killed' : `ENDED FIRST (exit ${p.child.exitCode})`} at ${seen ?? '-'}; ${facts.documents} documents, batch ${facts.batch ?? 'none'} (${Math.round(performance.now() - t0)} ms)`);
        expect(killed, `${phase}: the receive ended before it could be killed:\n${p.output()}`).toBe(true);
        expect(facts.duplicateShas).toEqual([]);
        for (const s of facts.shas) expect(expected.shas).toContain(s);
        const disk = originalsOnDisk(path.join(dir, 'catalogue.originals'));
        expect(disk.damaged).toEqual([]);
        const app = openSafetyApp(dir);
        try {
          const report = await app.call('integrity.check', { originals: true });
          expect(report.ok, JSON.stringify({ fk: report.foreignKeys, originals: report.originals.problems.slice(0, 3), audit: report.audit })).toBe(true);
          expect((await app.call('audit.verify', {})).ok).toBe(true);
        } finally {
          await app.close();
        }
      }
      // The rerun completes what was interrupted (a kill after the batch was marked received leaves nothing to do).
      const rerun = await runCli(['--db', db, 'handover', 'receive', bag]);
      log.push(`rerun: exit ${rerun.code}: ${rerun.output.split('\n').filter((l) => /tiếp nhận|Không/.test(l)).join(' / ')}`);
      if (receiverFacts(db).batch === 'received' && rerun.code === 2) log.push('rerun: already received, refused (nothing to complete)');
      else expect(rerun.code, rerun.output).toBe(0);
      const final = receiverFacts(db);
      expect(final.batch).toBe('received');
      expect(final.documents).toBe(expected.documents);
      expect(final.shas).toEqual(expected.shas);
      const disk = originalsOnDisk(path.join(dir, 'catalogue.originals'));
      expect(disk.damaged).toEqual([]);
      // No temporary copy left, and every original on disk is catalogued.
      expect(disk.temporary, JSON.stringify(disk.temporary)).toEqual([]);
      expect(disk.final).toEqual([...final.storedPaths].sort());
      const check = await runCli(['--db', db, 'check']);
      expect(check.code, check.output).toBe(0);
      // Receiving it again is refused: nothing twice.
      const again = await runCli(['--db', db, 'handover', 'receive', bag]);
      expect(again.code).toBe(2);
      expect(receiverFacts(db).documents).toBe(expected.documents);
    } finally {
      console.log(log.join('\n'));
    }
  }, 600_000);
});
