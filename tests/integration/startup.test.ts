import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../electron/paths';
import { REPO } from '../support/paths';
import { tempDir } from '../support/services';

const TSX = path.join(REPO, 'node_modules', '.bin', 'tsx');

function electronInstalled(): boolean {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    return typeof binary === 'string' && fs.existsSync(binary);
  } catch {
    return false;
  }
}

describe('start-up', () => {
  it('puts the default catalogue in the per-user data folder of each platform', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x/cfg' }, 'linux')).toBe('/x/cfg/Kho Lưu');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toMatch(/Kho Lưu$/);
    expect(defaultDataDir({ KHOLUU_DATA_DIR: '/data/kl' }, 'linux')).toBe('/data/kl');
  });

  it('the browser host creates the default catalogue on first start and prints its URL with a token', async () => {
    const config = tempDir('kholuu-config-');
    const child = spawn(TSX, [path.join(REPO, 'electron', 'host', 'webMain.ts'), '--port', '0'], {
      cwd: REPO,
      env: { ...process.env, XDG_CONFIG_HOME: config, KHOLUU_DATA_DIR: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed:\n${out}`)), 60_000);
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32,}/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[0]);
        }
      });
      child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    });
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:/);
    expect(fs.existsSync(path.join(config, 'Kho Lưu', 'catalogue.sqlite'))).toBe(true);
    expect(fs.existsSync(path.join(config, 'Kho Lưu', 'catalogue.originals'))).toBe(true);
  });

  it.skipIf(electronInstalled())('npm start says in one line that Electron is missing and how to use the browser host', () => {
    // Skipped where Electron is installed: there `npm start` opens the desktop app instead.
    const result = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'start.mjs')], { cwd: REPO, encoding: 'utf8' });
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Electron/);
    expect(lines[0]).toContain('npm run web');
  });

  it('bundles the Electron main and a self-contained sandboxed preload', async () => {
    execFileSync(process.execPath, [path.join(REPO, 'scripts', 'build-electron.mjs')], { cwd: REPO, stdio: 'pipe' });
    const preload = fs.readFileSync(path.join(REPO, 'dist', 'electron', 'preload.cjs'), 'utf8');
    const main = fs.readFileSync(path.join(REPO, 'dist', 'electron', 'main.cjs'), 'utf8');
    expect(main).toContain('contextIsolation: true');
    // A sandboxed preload may require only `electron`: run the bundle with a require that knows nothing else.
    const exposed: Record<string, unknown> = {};
    const required: string[] = [];
    const fakeRequire = (id: string) => {
      required.push(id);
      if (id !== 'electron') throw new Error(`sandboxed preload cannot require ${id}`);
      return {
        contextBridge: { exposeInMainWorld: (k: string, v: unknown) => (exposed[k] = v) },
        ipcRenderer: { invoke: async (channel: string, ...args: unknown[]) => invoked.push([channel, ...args]) },
        webUtils: { getPathForFile: (f: { path: string }) => f.path },
      };
    };
    const invoked: unknown[][] = [];
    const module = { exports: {} };
    new Function('require', 'module', 'exports', preload)(fakeRequire, module, module.exports);
    expect(required).toEqual(['electron']);
    // The contract, and the window's own calls (folder picker, open an original, a dropped file's path): nothing else.
    expect(Object.keys(exposed).sort()).toEqual(['kholuu', 'kholuuShell']);
    const shell = exposed.kholuuShell as Record<string, (arg?: unknown) => unknown>;
    expect(Object.keys(shell).sort()).toEqual(['openOriginal', 'pathForFile', 'pickFolders']);
    expect(Object.isFrozen(shell) && Object.isFrozen(exposed.kholuu)).toBe(true);
    await shell.pickFolders!();
    await shell.openOriginal!(7);
    expect(invoked).toEqual([['kholuu-shell:pickFolders'], ['kholuu-shell:openOriginal', 7]]);
    expect(shell.pathForFile!({ path: '/home/an/Hộp 1/a.pdf' })).toBe('/home/an/Hộp 1/a.pdf');
    const kholuu = exposed.kholuu as Record<string, (input: unknown) => unknown>;
    await kholuu['documents.get']!({ id: 1 });
    expect(invoked.at(-1)).toEqual(['kholuu:documents.get', { id: 1 }]);
  });
});
