/**
 * Helpers for the crash tests: the command line started in its own process group and killed
 * with SIGKILL (nothing gets to clean up, as in a power cut), the catalogue read read-only while
 * it is being written (as another program would), a seeded random source (so a failing plan can
 * be replayed), and the checks every kill must pass.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { CLI_ENTRY, REPO } from './paths';

/** The built command line, run with this Node (a kill reaches the process doing the work, not a wrapper). */
export const CLI = CLI_ENTRY;

/** mulberry32: a tiny deterministic generator; the same seed gives the same plan. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed: `KHOLUU_CRASH_SEED` to replay a printed one, else a fixed default (the suite is deterministic). */
export function crashSeed(fallback: number): number {
  const env = process.env['KHOLUU_CRASH_SEED'];
  return env !== undefined && /^\d+$/.test(env) ? Number(env) : fallback;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A command-line process in its own process group (the group holds anything it starts, too). */
export interface CliProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<unknown>;
  /** True once the process has ended on its own or by a signal. */
  done(): boolean;
}

export function startCli(args: string[]): CliProcess {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: REPO,
    env: { ...process.env, INIT_CWD: REPO },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = once(child, 'exit');
  return { child, output: () => out, exited, done: () => child.exitCode !== null || child.signalCode !== null };
}

/**
 * Runs a started process at the lowest priority, so that on a loaded machine the test watching it
 * is not starved through the few milliseconds of a moment it means to kill it in.
 */
export function lowerPriority(pid: number): void {
  try {
    os.setPriority(pid, 19);
  } catch {
    // Ended already, or not allowed here: the moment is then only less likely to be caught.
  }
}

/** SIGKILL to the whole group; returns false when the process had already ended (no kill happened). */
export async function killGroup(p: CliProcess): Promise<boolean> {
  if (p.done()) {
    await p.exited;
    return false;
  }
  try {
    process.kill(-p.child.pid!, 'SIGKILL');
  } catch {
    // The group is gone (it ended between the check and the kill).
  }
  await p.exited;
  await groupGone(p.child.pid!);
  return p.child.signalCode === 'SIGKILL';
}

/** The state letter and process group of a process, from /proc (Linux). */
function procStat(pid: number): { state: string; pgrp: number } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: rest[0]!, pgrp: Number(rest[2]) };
  } catch {
    return null;
  }
}

/**
 * Waits until no process of the group is still running: a killed process takes a moment to die (its threads are torn down), so the group leader's exit
 * alone does not say the program is gone. Zombies (dead, not yet reaped) count as gone.
 */
async function groupGone(pgid: number): Promise<void> {
  if (process.platform !== 'linux') return;
  for (let i = 0; i < 5_000; i++) {
    const alive = fs
      .readdirSync('/proc')
      .filter((n) => /^\d+$/.test(n))
      .some((n) => {
        const s = procStat(Number(n));
        return s !== null && s.pgrp === pgid && s.state !== 'Z' && s.state !== 'X';
      });
    if (!alive) return;
    await sleep(2);
  }
  throw new Error(`process group ${pgid} still alive after SIGKILL`);
}

/** Runs the command line to its end. */
export async function runCli(args: string[]): Promise<{ code: number | null; output: string }> {
  const p = startCli(args);
  await p.exited;
  return { code: p.child.exitCode, output: p.output() };
}

/** Reads the catalogue read-only while another process may be writing it; null if it cannot be read yet. */
export function readDb<T>(dbPath: string, fn: (db: Database.Database) => T): T | null {
  if (!fs.existsSync(dbPath)) return null;
  let db: Database.Database | null = null;
  try {
    db = new Database(dbPath, { readonly: true, fileMustExist: true });
    return fn(db);
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

/**
 * A read-only connection kept open while a process writes the catalogue (WAL: each query sees the
 * last committed state), so that polling every millisecond costs a query, not an open.
 */
export class CataloguePoller {
  private db: Database.Database | null = null;

  constructor(readonly path: string) {}

  get<T>(fn: (db: Database.Database) => T): T | null {
    try {
      if (!this.db) {
        if (!fs.existsSync(this.path)) return null;
        this.db = new Database(this.path, { readonly: true, fileMustExist: true });
      }
      return fn(this.db);
    } catch {
      // Not created or not migrated yet: try again from a fresh connection.
      this.close();
      return null;
    }
  }

  close(): void {
    this.db?.close();
    this.db = null;
  }
}

export function sha256Of(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Every regular file under `dir`, relative, `/`-separated. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (abs: string, rel: string) => {
    if (!fs.existsSync(abs)) return;
    for (const e of fs.readdirSync(abs, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(abs, e.name), r);
      else out.push(r);
    }
  };
  walk(dir, '');
  return out.sort();
}

/**
 * The originals store's promise: a file under a final name (`ab/<sha256>.ext`) holds exactly the
 * bytes its name says. Temporary files (`….tmp`, `….receiving`) are listed apart.
 */
export function originalsOnDisk(originalsDir: string): { final: string[]; temporary: string[]; damaged: string[] } {
  const final: string[] = [];
  const temporary: string[] = [];
  const damaged: string[] = [];
  for (const rel of filesUnder(originalsDir)) {
    const m = /^([0-9a-f]{2})\/([0-9a-f]{64})(\.[a-z0-9]{1,10})?$/.exec(rel);
    if (!m) {
      temporary.push(rel);
      continue;
    }
    final.push(rel);
    if (m[2]!.slice(0, 2) !== m[1] || sha256Of(path.join(originalsDir, rel)) !== m[2]) damaged.push(rel);
  }
  return { final, temporary, damaged };
}
