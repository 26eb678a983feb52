/**
 * The built command line run in a child process whose wall time and peak resident memory (every
 * thread of the process, from `process.resourceUsage().maxRSS` at exit) are measured: how much an
 * import of one file costs the machine, whatever the file.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CLI_ENTRY, REPO } from './paths';
import { tempDir } from './services';

export interface MeasuredRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Peak resident set of the process, in MB; null when it died before writing it (a signal). */
  peakMb: number | null;
}

const PRELOAD = path.join(REPO, 'tests', 'support', 'peakRss.mjs');

/** Starts the command line; `done` gives its outcome, time and peak memory once it has ended. */
export function startMeasuredCli(args: string[], env: NodeJS.ProcessEnv = {}): { child: ChildProcess; stderr: () => string; done: Promise<MeasuredRun> } {
  const peakFile = path.join(tempDir('kholuu-peak-'), 'peak');
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', PRELOAD, CLI_ENTRY, ...args], {
    cwd: REPO,
    env: { ...process.env, ...env, KHOLUU_PEAK_RSS_FILE: peakFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<MeasuredRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const ms = performance.now() - t0;
      const kb = fs.existsSync(peakFile) ? Number(fs.readFileSync(peakFile, 'utf8')) : NaN;
      fs.rmSync(path.dirname(peakFile), { recursive: true, force: true });
      resolve({ code, signal, stdout, stderr, ms, peakMb: Number.isFinite(kb) ? kb / 1024 : null });
    });
  });
  return { child, stderr: () => stderr, done };
}

export function runMeasuredCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<MeasuredRun> {
  return startMeasuredCli(args, env).done;
}
