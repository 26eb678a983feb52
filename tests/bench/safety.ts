/**
 * Safety benchmark: on a generated archive (5,000 party documents by default, imported into a fresh
 * catalogue), times what an archivist waits for — a first (full) backup, a second (incremental:
 * originals hard-linked) backup, verifying a backup, the integrity check with every original
 * re-hashed, the audit chain, a restore preview and a restore — plain, then encrypted (SQLCipher).
 * Each step is repeated `--runs` times; medians are reported.
 *
 *   tsx tests/bench/safety.ts [--count 5000] [--seed 1] [--runs 3]
 *
 * Writes tests/bench/results/safety.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDispatch } from '../../electron/services/dispatch';
import { createServices, type Services } from '../../electron/services/createServices';
import type { InputOf, OperationName, OutputOf } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/errors';
import { generateDocuments } from './corpus/generate';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const COUNT = option('count', 5_000);
const SEED = option('seed', 1);
const RUNS = option('runs', 3);

function corpusDir(): string {
  const dir = path.join(os.tmpdir(), `kholuu-bench-safety-${COUNT}-${SEED}`);
  if (fs.existsSync(`${dir}.complete`)) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  for (const d of generateDocuments({ count: COUNT, seed: SEED })) {
    const folder = path.join(dir, d.fondsCode);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, d.fileName), d.text);
  }
  fs.writeFileSync(`${dir}.complete`, '');
  return dir;
}

function open(dir: string, passphrase: string | null) {
  const services: Services = createServices({ cataloguePath: path.join(dir, 'catalogue.sqlite'), host: 'test', version: 'bench', samplesDir: null, actor: 'bench', passphrase });
  const dispatch = createDispatch(services.handlers, { error: (m) => console.error(m) });
  const call = async <N extends OperationName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> => {
    const reply = await dispatch(name, input);
    if (!reply.ok) throw ApiError.fromBody(reply.error);
    return reply.result as OutputOf<N>;
  };
  return { services, call };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await work();
  return { ms: performance.now() - t0, value };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A catalogue holding the generated archive, imported once and copied for each run. */
async function template(corpus: string): Promise<{ dir: string; documents: number; originalBytes: number }> {
  const dir = path.join(os.tmpdir(), `kholuu-bench-safety-catalogue-${COUNT}-${SEED}`);
  const marker = `${dir}.complete.json`;
  if (fs.existsSync(marker)) return { dir, ...(JSON.parse(fs.readFileSync(marker, 'utf8')) as { documents: number; originalBytes: number }) };
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const { services, call } = open(dir, null);
  const org = await call('organizations.create', { name: 'Tỉnh ủy (kho lưu trữ)', level: 'province' });
  const fonds = await call('fonds.create', { code: 'KHO', name: 'Kho lưu trữ Tỉnh ủy', organizationId: org.id });
  const { jobId } = await call('import.start', { target: { fondsId: fonds.id }, paths: [corpus] });
  for (;;) {
    const s = await call('jobs.get', { jobId });
    if (s.state !== 'running') break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const counts = await call('app.counts', {});
  const originalBytes = fs.readdirSync(services.context.catalogue.originalsDir, { recursive: true, withFileTypes: true }).reduce((n, e) => (e.isFile() ? n + fs.statSync(path.join(e.parentPath, e.name)).size : n), 0);
  await services.close();
  fs.writeFileSync(marker, JSON.stringify({ documents: counts.documents, originalBytes }));
  return { dir, documents: counts.documents, originalBytes };
}

async function runOnce(templateDir: string, passphrase: string | null): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kholuu-bench-safety-run-'));
  fs.cpSync(templateDir, dir, { recursive: true });
  let app = open(dir, null);
  const out: Record<string, number> = {};
  try {
    if (passphrase) {
      const r = await timed(async () => {
        const { jobId } = await app.call('catalogue.setPassphrase', { next: passphrase });
        for (;;) {
          const s = await app.call('jobs.get', { jobId });
          if (s.state === 'done') break;
          if (s.state !== 'running') throw new Error(`encryption ${s.state}: ${s.error ?? ''}`);
          await new Promise((r) => setTimeout(r, 50));
        }
      });
      out.encrypt = r.ms;
      // The copy taken before encrypting does not count as the first backup below.
      for (const b of await app.call('backups.list', {})) fs.rmSync(b.path, { recursive: true, force: true });
      await app.services.close();
      app = open(dir, passphrase);
    }
    const first = await timed(() => app.call('backups.create', {}));
    out.backupFull = first.ms;
    out.copied = first.value.originals.copied;
    const second = await timed(() => app.call('backups.create', {}));
    out.backupIncremental = second.ms;
    out.linked = second.value.originals.linked;
    out.verifyBackup = (await timed(() => app.call('backups.verify', { id: second.value.id }))).ms;
    const check = await timed(() => app.call('integrity.check', { originals: true }));
    if (!check.value.ok) throw new Error('integrity check failed on a fresh catalogue');
    out.check = check.ms;
    out.checkQuick = (await timed(() => app.call('integrity.check', { originals: false }))).ms;
    out.auditVerify = (await timed(() => app.call('audit.verify', {}))).ms;
    const preview = await timed(() => app.call('backups.previewRestore', { id: first.value.id }));
    out.restorePreview = preview.ms;
    out.restore = (await timed(() => app.call('backups.restore', { id: first.value.id, confirmToken: preview.value.confirmToken }))).ms;
    out.catalogueMB = first.value.catalogueBytes / 1024 / 1024;
    return out;
  } finally {
    await app.services.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const corpus = corpusDir();
  const t = await template(corpus);
  console.log(`Archive: ${t.documents} documents, originals ${(t.originalBytes / 1024 / 1024).toFixed(1)} MB; ${RUNS} runs each, medians.`);
  const results: Record<string, Record<string, number>> = {};
  for (const [label, passphrase] of [
    ['plain', null],
    ['encrypted', 'mật khẩu thử nghiệm dài'],
  ] as const) {
    const runs: Array<Record<string, number>> = [];
    for (let i = 0; i < RUNS; i++) runs.push(await runOnce(t.dir, passphrase));
    results[label] = Object.fromEntries(Object.keys(runs[0]!).map((k) => [k, median(runs.map((r) => r[k]!))]));
  }
  const rows = ['encrypt', 'backupFull', 'backupIncremental', 'verifyBackup', 'check', 'checkQuick', 'auditVerify', 'restorePreview', 'restore'];
  console.log(`\n| step (ms, median) | plain | encrypted |\n| --- | ---: | ---: |`);
  for (const r of rows) console.log(`| ${r} | ${results.plain![r]?.toFixed(0) ?? '—'} | ${results.encrypted![r]?.toFixed(0) ?? '—'} |`);
  console.log(`\ncatalogue copy: ${results.plain!.catalogueMB!.toFixed(1)} MB; first backup copied ${results.plain!.copied} originals, second hard-linked ${results.plain!.linked}.`);
  const outDir = path.join(path.dirname(new URL(import.meta.url).pathname), 'results');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'safety.json'), JSON.stringify({ count: COUNT, seed: SEED, runs: RUNS, documents: t.documents, originalBytes: t.originalBytes, results }, null, 2));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
