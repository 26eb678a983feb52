import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { errorText, type ApiErrorBody } from '../../shared/contract/errors';
import { SHELL_CHANNELS } from '../../shared/contract/shellChannels';
import { OPERATION_NAMES, ipcChannel } from '../../shared/contract/operationNames';
import { tempDir } from '../support/services';

/**
 * A stand-in for the `electron` module (its binary cannot be installed everywhere): it records
 * what the shell asks of Electron, so the test can check the window's security switches and that
 * every operation of the contract is bound to IPC.
 */
const standIn = vi.hoisted(() => {
  const userData = { dir: '' };
  const windows: Array<{ options: Record<string, unknown>; loaded: string[]; openHandler?: (d: { url: string }) => { action: string }; navigate?: (e: { preventDefault(): void }, url: string) => void }> = [];
  const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
  const exposed = new Map<string, Record<string, (input: unknown) => Promise<unknown>>>();
  const invoked: Array<[string, unknown]> = [];
  const appListeners = new Map<string, () => void>();
  class BrowserWindow {
    webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      const record: (typeof windows)[number] = { options, loaded: [] };
      windows.push(record);
      this.webContents = {
        setWindowOpenHandler: (h: (d: { url: string }) => { action: string }) => (record.openHandler = h),
        on: (event: string, listener: (e: { preventDefault(): void }, url: string) => void) => {
          if (event === 'will-navigate') record.navigate = listener;
          return this.webContents;
        },
      };
      this.loadFile = async (file: string) => {
        record.loaded.push(file);
      };
    }
    loadFile: (file: string) => Promise<void>;
    once() {
      return this;
    }
    show() {}
    static getAllWindows() {
      return [];
    }
  }
  const module = {
    app: {
      whenReady: () => Promise.resolve(),
      on: (event: string, listener: () => void) => appListeners.set(event, listener),
      quit: () => {},
      getPath: () => userData.dir,
      getAppPath: () => process.cwd(),
      getVersion: () => '0.0.0-test',
      isPackaged: false,
    },
    BrowserWindow,
    dialog: { showErrorBox: () => {} },
    ipcMain: { handle: (channel: string, fn: (event: unknown, input: unknown) => Promise<unknown>) => handlers.set(channel, fn) },
    ipcRenderer: {
      invoke: async (channel: string, input: unknown) => {
        invoked.push([channel, input]);
        return { ok: true, result: null };
      },
    },
    contextBridge: { exposeInMainWorld: (key: string, api: Record<string, (input: unknown) => Promise<unknown>>) => exposed.set(key, api) },
    session: { defaultSession: { setPermissionRequestHandler: () => {}, setPermissionCheckHandler: () => {}, webRequest: { onHeadersReceived: () => {} } } },
  };
  return { module, userData, windows, handlers, exposed, invoked, appListeners };
});

vi.mock('electron', () => ({ ...standIn.module, default: standIn.module }));

describe('the Electron shell, loaded with a stand-in for electron', () => {
  beforeAll(() => {
    standIn.userData.dir = tempDir('kholuu-electron-');
  });
  afterAll(async () => {
    const main = await import('../../electron/main/main');
    await (await main.started).close();
  });

  it('creates its catalogue in the user data folder and the window with every security switch on', async () => {
    const main = await import('../../electron/main/main');
    await main.started;
    expect(fs.existsSync(path.join(standIn.userData.dir, 'catalogue.sqlite'))).toBe(true);
    expect(standIn.windows).toHaveLength(1);
    const prefs = standIn.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
    expect(standIn.windows[0]!.loaded[0]).toMatch(/renderer[\\/]index\.html$/);
  });

  it('refuses new windows and navigation away from the app', async () => {
    const win = standIn.windows[0]!;
    expect(win.openHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    let prevented = false;
    win.navigate!({ preventDefault: () => (prevented = true) }, 'https://example.com/');
    expect(prevented).toBe(true);
  });

  it('binds every contract operation to IPC, answering only the app’s own frame', async () => {
    // The contract's channels, and the window's own two (folder picker, open an original elsewhere).
    expect([...standIn.handlers.keys()].sort()).toEqual([...OPERATION_NAMES.map(ipcChannel), ...Object.values(SHELL_CHANNELS)].sort());
    const main = await import('../../electron/main/main');
    const indexUrl = pathToFileURL(path.join(path.dirname(String((standIn.windows[0]!.options.webPreferences as { preload: string }).preload)), '..', 'renderer', 'index.html')).href;
    const trusted = { senderFrame: { url: indexUrl } };
    expect(main.isTrustedSender(trusted as never)).toBe(true);
    const counts = await standIn.handlers.get(ipcChannel('app.counts'))!(trusted, {});
    expect(counts).toMatchObject({ ok: true, result: { documents: 0 } });
    const bad = await standIn.handlers.get(ipcChannel('files.get'))!(trusted, { id: 'x' });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    const foreign = await standIn.handlers.get(ipcChannel('app.counts'))!({ senderFrame: { url: 'https://evil.example/' } }, {});
    expect(foreign).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    // The window's own calls answer only the app's frame too, and check what they are given.
    const evil = { senderFrame: { url: 'https://evil.example/' }, sender: {} };
    expect(await standIn.handlers.get(SHELL_CHANNELS.pickFolders)!(evil, undefined)).toBeNull();
    expect(await standIn.handlers.get(SHELL_CHANNELS.openOriginal)!(evil, 1)).toMatchObject({ ok: false });
    const shellText = async (input: unknown) => {
      const reply = (await standIn.handlers.get(SHELL_CHANNELS.openOriginal)!({ ...trusted, sender: {} }, input)) as { ok: boolean; error?: ApiErrorBody };
      expect(reply.ok).toBe(false);
      return errorText('vi', reply.error!);
    };
    expect(await shellText('../../etc/passwd')).toBe('Mã tệp gốc không hợp lệ.');
    expect(await shellText(999)).toContain('Không tìm thấy tệp gốc');
  });

  it('has a preload that exposes exactly the contract operations, each an IPC invoke', async () => {
    await import('../../electron/preload/preload');
    const api = standIn.exposed.get('kholuu')!;
    expect(Object.keys(api).sort()).toEqual([...OPERATION_NAMES].sort());
    expect(Object.isFrozen(api)).toBe(true);
    await api['search.query']!({ text: 'bàn giao' });
    expect(standIn.invoked).toEqual([[ipcChannel('search.query'), { text: 'bàn giao' }]]);
  });
});
