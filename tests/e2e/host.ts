/**
 * Starts the browser host (`npx tsx electron/host/webMain.ts`) as a child process on a data
 * directory, waits for the line with its URL, and stops it (SIGTERM, then wait for exit). A host
 * can be started again on the same data directory; each start prints a new token.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const URL_LINE = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_\-]+)/;
const TSX_CLI = path.join(REPO, 'node_modules/tsx/dist/cli.mjs');
const START_TIMEOUT_MS = 60_000;

export class TestHost {
  private child: ChildProcess | null = null;
  private output = '';
  /** The address with the token: opening it sets the session cookie. */
  url = '';

  private constructor(readonly dataDir: string) {}

  /** A host on a new, empty temporary data directory. */
  static async fresh(): Promise<TestHost> {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kholuu-e2e-'));
    return new TestHost(dir);
  }

  async start(): Promise<string> {
    if (this.child) throw new Error('host already running');
    this.output = '';
    // `npx tsx electron/host/webMain.ts …`, minus npx: tsx relays SIGTERM to the host and exits
    // only once the host has closed its catalogue, so waiting for this process is enough.
    const child = spawn(process.execPath, [TSX_CLI, 'electron/host/webMain.ts', '--data-dir', this.dataDir, '--port', '0'], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    this.child = child;
    this.url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`host did not print its URL in time:\n${this.output}`)), START_TIMEOUT_MS);
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString('utf8');
        const m = URL_LINE.exec(this.output);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (chunk: Buffer) => {
        this.output += chunk.toString('utf8');
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`host exited (code ${code}) before it was ready:\n${this.output}`));
      });
    });
    return this.url;
  }

  /** SIGTERM, then wait until the host has exited (SIGKILL after 15 s). */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 15_000));
    if ((await Promise.race([exited, timeout])) === 'timeout') {
      child.kill('SIGKILL');
      await exited;
    }
  }

  async restart(): Promise<string> {
    await this.stop();
    return this.start();
  }

  /** Stops the host and removes its data directory. */
  async dispose(): Promise<void> {
    await this.stop();
    await fs.rm(this.dataDir, { recursive: true, force: true });
  }

  get log(): string {
    return this.output;
  }
}
