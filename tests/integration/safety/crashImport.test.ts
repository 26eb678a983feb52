/**
 * Crash test of the import: `import` on the command line killed with SIGKILL at 20
 * moments, 4 rounds of 5, each round on a fresh catalogue and a mixed corpus of 200 files (text, Word, PDF).
 * In a round the first run is killed while it starts (counting, backup, first reads), and each
 * `import --resume` that follows is killed later on: in the early batches, mid-run, while a batch
 * commits, while the run finishes. After every kill the catalogue opens, `check` (integrity,
 * foreign keys, audit chain, fixity of every original) passes, the audit chain verifies, no
 * original is damaged under its final name, and nothing committed before is gone; the last rerun
 * completes with every source file's SHA-256 present exactly once.
 *
 * The moments are random from a seed printed with the plan: `KHOLUU_CRASH_SEED=<n>` replays it.
 * A kill is triggered by progress read from the catalogue (opened read-only, as another program
 * would), plus a seeded delay of a few milliseconds, never by a fixed sleep alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CataloguePoller, crashSeed, killGroup, originalsOnDisk, readDb, runCli, seededRandom, sleep, startCli } from '../../support/crash';
import { writeMixedCorpus } from '../../support/mixedCorpus';
import { tempDir } from '../../support/services';
import { openSafetyApp } from '../../support/safety';

const ROUNDS = 4;
// Enough files that a faster import still leaves time to be killed mid-run and while finishing.
const FILES = 200;
const SEED = crashSeed(20250815);
const PHASES = ['start', 'early', 'committing', 'mid', 'finishing'] as const;
type Phase = (typeof PHASES)[number];

interface RunRow {
  id: number;
  state: string;
  total: number | null;
  processed: number;
  imported: number;
  resumes: number;
}

const LATEST_RUN = 'SELECT id, state, total, processed, imported, resumes FROM import_runs ORDER BY id DESC LIMIT 1';
const latestRun = (db: string) => readDb(db, (d) => (d.prepare(LATEST_RUN).get() as RunRow | undefined) ?? null);

function catalogueFacts(db: string) {
  return readDb(db, (d) => ({
    documents: d.prepare('SELECT d.id, a.sha256 FROM documents d JOIN attachments a ON a.document_id = d.id ORDER BY d.id').all() as Array<{ id: number; sha256: string }>,
    documentCount: (d.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n,
    duplicateShas: d.prepare('SELECT sha256 FROM attachments GROUP BY sha256 HAVING COUNT(*) > 1').all(),
    storedPaths: (d.prepare('SELECT stored_path FROM attachments').all() as Array<{ stored_path: string }>).map((r) => r.stored_path.split(path.sep).join('/')),
    runs: d.prepare('SELECT id, state, total, processed, imported, resumes FROM import_runs').all() as RunRow[],
    items: d.prepare('SELECT run_id AS runId, COUNT(*) AS n, COUNT(DISTINCT name) AS names FROM import_run_items GROUP BY run_id').all() as Array<{ runId: number; n: number; names: number }>,
    orphanItems: (d.prepare('SELECT COUNT(*) AS n FROM import_run_items i LEFT JOIN documents d ON d.id = i.document_id WHERE i.document_id IS NOT NULL AND d.id IS NULL').get() as { n: number }).n,
  }))!;
}

/** Waits for the moment planned for this kill; returns what was last seen, or null if the process ended first. */
async function waitForMoment(db: string, p: ReturnType<typeof startCli>, phase: Phase, u: number, before: RunRow | null): Promise<RunRow | null> {
  const poller = new CataloguePoller(db);
  try {
    return await pollFor(poller, p, phase, u, before);
  } finally {
    poller.close();
  }
}

async function pollFor(poller: CataloguePoller, p: ReturnType<typeof startCli>, phase: Phase, u: number, before: RunRow | null): Promise<RunRow | null> {
  // A new run (the first, or a whole import again after a run that was done) starts from nothing.
  const resumed = before !== null && before.state !== 'done';
  const baseline = resumed ? before.processed : 0;
  let seen: RunRow | null = null;
  // This process's run: a new one, or the one resumed (its resume count went up). Past the start, a
  // run already marked done still counts: when the last batches commit between two looks, the
  // process is closing down, and that is a moment to kill too.
  const started = (r: RunRow | null) =>
    r !== null && (r.state === 'running' || (phase !== 'start' && r.state === 'done')) && (resumed ? r.id === before.id && r.resumes > before.resumes : r.id !== before?.id);
  // Committing: once this process's backup is written (its audit row appears), the next write to
  // the write-ahead log is a batch being committed; the kill follows the first byte of it.
  const lastBackup = (): number => poller.get((d) => (d.prepare("SELECT MAX(id) AS n FROM audit_log WHERE action = 'backup.create'").get() as { n: number | null }).n ?? 0) ?? 0;
  const walTime = (): number => fs.statSync(`${poller.path}-wal`, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const backupBefore = phase === 'committing' ? lastBackup() : 0;
  let armedAt: number | null = null;
  for (;;) {
    if (p.done()) return null;
    const r = poller.get((d) => (d.prepare(LATEST_RUN).get() as RunRow | undefined) ?? null);
    if (started(r)) {
      seen = r!;
      const remaining = (seen.total ?? FILES) - baseline;
      switch (phase) {
        case 'start':
          return seen;
        case 'early':
          if (seen.processed >= baseline + 1) return seen;
          break;
        case 'mid':
          if (seen.processed >= baseline + Math.ceil(remaining * (0.3 + 0.3 * u))) return seen;
          break;
        case 'committing':
          if (armedAt === null) {
            if (lastBackup() > backupBefore) armedAt = walTime();
          } else if (walTime() !== armedAt || seen.state === 'done') return seen;
          break;
        case 'finishing':
          if (seen.total !== null && seen.processed >= seen.total - Math.floor(u * 6)) return seen;
          break;
      }
    }
    await sleep(1);
  }
}

describe('import killed with SIGKILL at 20 moments', () => {
  it(
    'keeps what it committed, passes check and the audit chain after each kill, and completes with each file exactly once',
    async () => {
      const random = seededRandom(SEED);
      const log: string[] = [`crash seed ${SEED} (replay: KHOLUU_CRASH_SEED=${SEED})`];
      let kills = 0;
      try {
        for (let round = 0; round < ROUNDS; round++) {
          const roundStart = performance.now();
          const dir = tempDir(`kholuu-crash-import-${round}-`);
          const db = path.join(dir, 'catalogue.sqlite');
          const src = path.join(dir, 'Phông Huyện ủy');
          const corpus = await writeMixedCorpus(src, FILES);
          const corpusShas = new Set(corpus.map((f) => f.sha256));
          const committed = new Map<number, string>();
          let run: RunRow | null = null;

          for (const phase of PHASES) {
            const u = random();
            // A few milliseconds more, so the kill lands anywhere in the work that follows what was seen
            // (none while committing or finishing: those take only a few milliseconds).
            const delayMs = Math.floor(random() * { start: 60, early: 20, mid: 20, committing: 1, finishing: 1 }[phase]);
            const t0 = performance.now();
            let p: ReturnType<typeof startCli>;
            let seen: RunRow | null;
            let killed: boolean;
            for (let attempt = 1; ; attempt++) {
              const before: RunRow | null = run;
              // Resume what a kill interrupted; after a run that got to its end, import the folder again (all duplicates).
              p = startCli(['--db', db, 'import', ...(before && before.state !== 'done' ? ['--resume', String(before.id)] : [src])]);
              seen = await waitForMoment(db, p, phase, u, before);
              if (seen && delayMs > 0) await sleep(delayMs);
              killed = await killGroup(p);
              // A run that reached its end between the last look and the kill (its last batch of up to
              // 50 files, then closing, take a few milliseconds) missed the moment, through no fault of
              // its own: the moment is tried again on a whole import of the folder (all duplicates).
              if (killed || p.child.exitCode !== 0 || attempt === 3) break;
              run = latestRun(db);
              if (run?.state !== 'done') break;
              log.push(`round ${round} kill ${phase.padEnd(10)}: the run ended (exit 0) before the kill at ${run.processed}/${run.total}; the moment tried again`);
            }
            const after = latestRun(db);
            run = after;
            log.push(
              `round ${round} kill ${phase.padEnd(10)} u=${u.toFixed(3)} +${String(delayMs).padStart(2)}ms: ${killed ? 'killed' : `ENDED FIRST (exit ${p.child.exitCode})`} at ${after?.processed ?? 0}/${after?.total ?? '?'} committed (seen ${seen?.processed ?? '-'}), state ${after?.state} (${Math.round(performance.now() - t0)} ms)`,
            );
            expect(killed, `round ${round}, ${phase}: the import ended before it could be killed:\n${p.output()}`).toBe(true);
            kills++;

            // What the dead process left, read before anything opens the catalogue for writing.
            const facts = catalogueFacts(db);
            expect(facts.duplicateShas, 'no original catalogued twice').toEqual([]);
            for (const d of facts.documents) expect(corpusShas.has(d.sha256)).toBe(true);
            expect(facts.documentCount).toBe(facts.documents.length);
            for (const [id, sha] of committed) expect(facts.documents.find((d) => d.id === id)?.sha256, `document ${id} committed before a kill is still there`).toBe(sha);
            for (const d of facts.documents) committed.set(d.id, d.sha256);
            const r = facts.runs.find((x) => x.id === after!.id)!;
            // The runs' counts and their reports are exactly what was committed.
            expect(facts.runs.reduce((n, x) => n + x.imported, 0)).toBe(facts.documents.length);
            for (const x of facts.runs) expect(facts.items.find((i) => i.runId === x.id)?.n ?? 0).toBe(x.processed);
            expect(facts.orphanItems).toBe(0);
            const disk = originalsOnDisk(path.join(dir, 'catalogue.originals'));
            expect(disk.damaged, 'no half-written original under a final name').toEqual([]);
            const uncommitted = disk.final.filter((f) => !facts.storedPaths.includes(f)).length;
            log[log.length - 1] += `; left on disk: ${disk.temporary.length} temporary, ${uncommitted} written but not committed`;

            // The catalogue opens (the dead run is marked interrupted), check and the audit chain pass.
            const app = openSafetyApp(dir);
            try {
              const report = await app.call('integrity.check', { originals: true });
              expect(report.integrity).toEqual(['ok']);
              expect(report.foreignKeys).toEqual([]);
              expect(report.originals.problems).toEqual([]);
              expect(report.audit.ok).toBe(true);
              expect(report.ok).toBe(true);
              expect((await app.call('audit.verify', {})).ok).toBe(true);
              const reopened = await app.call('importRuns.get', { runId: r.id });
              if (r.state === 'running') expect(reopened.state).toBe('interrupted');
              run = { ...r, state: reopened.state };
            } finally {
              await app.close();
            }
            // Temporary files of the dead process are swept when its run is found interrupted.
            expect(originalsOnDisk(path.join(dir, 'catalogue.originals')).temporary).toEqual([]);
          }

          // The rerun: resume what was interrupted; a run that got to its end is imported again, all duplicates.
          const rerun = run!.state === 'done' ? await runCli(['--db', db, 'import', src]) : await runCli(['--db', db, 'import', '--resume', String(run!.id)]);
          expect(rerun.code, rerun.output).toBe(0);
          const final = catalogueFacts(db);
          expect(final.documents.map((d) => d.sha256).sort()).toEqual([...corpusShas].sort());
          expect(final.duplicateShas).toEqual([]);
          for (const [id, sha] of committed) expect(final.documents.find((d) => d.id === id)?.sha256).toBe(sha);
          // Every run ended done, handled each file once, and together they imported each file once.
          for (const x of final.runs) {
            expect(x).toMatchObject({ state: 'done', processed: FILES });
            expect(final.items.find((i) => i.runId === x.id)).toEqual({ runId: x.id, n: FILES, names: FILES });
          }
          expect(final.runs.reduce((n, x) => n + x.imported, 0)).toBe(FILES);
          // The originals folder holds exactly the catalogued originals: nothing half-written, nothing left over.
          const disk = originalsOnDisk(path.join(dir, 'catalogue.originals'));
          expect(disk.damaged).toEqual([]);
          expect(disk.temporary).toEqual([]);
          expect(disk.final).toEqual([...final.storedPaths].sort());
          // The real commands agree.
          const check = await runCli(['--db', db, 'check']);
          expect(check.code, check.output).toBe(0);
          const audit = await runCli(['--db', db, 'audit', 'verify']);
          expect(audit.code, audit.output).toBe(0);
          fs.rmSync(dir, { recursive: true, force: true });
          log.push(`round ${round}: ${Math.round(performance.now() - roundStart)} ms`);
        }
      } finally {
        console.log(log.join('\n'));
      }
      expect(kills).toBe(ROUNDS * PHASES.length);
    },
    600_000,
  );
});
