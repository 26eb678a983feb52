/**
 * The Electron shell's guards around every web contents (safety): permissions refused and
 * reported as refused, <webview> never attached, no navigation or new window away from the app,
 * and IPC answered only for the app's own page. Electron itself is replaced by a stand-in that
 * records what the shell registers, so the registered handlers can be called directly.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcChannel } from '../../shared/contract/operationNames';
import { tempDir } from '../support/services';

type Listener = (...args: unknown[]) => unknown;

const standIn = vi.hoisted(() => {
  const userData = { dir: '' };
  const session = {
    permissionRequest: null as null | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
    permissionCheck: null as null | ((contents: unknown, permission: string) => boolean),
  };
  const appListeners = new Map<string, (...args: unknown[]) => unknown>();
  const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
  class BrowserWindow {
    webContents = { setWindowOpenHandler: () => {}, on: () => this.webContents };
    loadFile = async () => {};
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
      on: (event: string, listener: (...args: unknown[]) => unknown) => appListeners.set(event, listener),
      quit: () => {},
      getPath: () => userData.dir,
      getAppPath: () => process.cwd(),
      getVersion: () => '0.0.0-test',
      isPackaged: false,
    },
    BrowserWindow,
    dialog: { showErrorBox: () => {} },
    ipcMain: { handle: (channel: string, fn: (event: unknown, input: unknown) => Promise<unknown>) => handlers.set(channel, fn) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: typeof session.permissionRequest) => (session.permissionRequest = h),
        setPermissionCheckHandler: (h: typeof session.permissionCheck) => (session.permissionCheck = h),
        webRequest: { onHeadersReceived: () => {} },
      },
    },
  };
  return { module, userData, session, appListeners, handlers };
});

vi.mock('electron', () => ({ ...standIn.module, default: standIn.module }));

/** A web contents as Electron would hand it to 'web-contents-created'. */
function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((d: { url: string }) => { action: string }) | null = null;
  return {
    contents: {
      setWindowOpenHandler: (h: (d: { url: string }) => { action: string }) => (openHandler = h),
      on(event: string, listener: Listener) {
        listeners.set(event, listener);
        return this;
      },
    },
    fire(event: string, ...args: unknown[]): boolean {
      let prevented = false;
      listeners.get(event)?.({ preventDefault: () => (prevented = true) }, ...args);
      return prevented;
    },
    open: (url: string) => openHandler?.({ url }),
  };
}

describe('the Electron shell’s guards', () => {
  let appUrl: string;
  beforeAll(async () => {
    standIn.userData.dir = tempDir('kholuu-hardening-');
    const main = await import('../../electron/main/main');
    await main.started;
    appUrl = `file://${path.join(path.dirname(String(main.WEB_PREFERENCES.preload)), '..', 'renderer', 'index.html')}`;
  });
  afterAll(async () => {
    const main = await import('../../electron/main/main');
    await (await main.started).close();
  });

  it('refuses every permission request and reports every permission as not granted', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | null = null;
      standIn.session.permissionRequest!({}, permission, (g) => (granted = g));
      expect(granted, permission).toBe(false);
      expect(standIn.session.permissionCheck!({}, permission), permission).toBe(false);
    }
  });

  it('never attaches a <webview>, never opens a window, never navigates or redirects away from the app', () => {
    const created = standIn.appListeners.get('web-contents-created')!;
    const c = fakeContents();
    created({}, c.contents);
    expect(c.fire('will-attach-webview')).toBe(true);
    expect(c.open('https://example.com/')).toEqual({ action: 'deny' });
    expect(c.open(appUrl)).toEqual({ action: 'deny' });
    expect(c.fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(c.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(c.fire('will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(c.fire('will-navigate', appUrl)).toBe(false);
  });

  it('answers IPC only for the app’s own page, validating the input', async () => {
    const invoke = standIn.handlers.get(ipcChannel('documents.remove'))!;
    const fromElsewhere = await invoke({ senderFrame: { url: 'https://evil.example/' } }, { id: 1, reason: 'xóa' });
    expect(fromElsewhere).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    const noFrame = await invoke({ senderFrame: null }, { id: 1, reason: 'xóa' });
    expect(noFrame).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    const invalid = await invoke({ senderFrame: { url: appUrl } }, { id: 1 });
    expect(invalid).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    const status = await standIn.handlers.get(ipcChannel('access.status'))!({ senderFrame: { url: appUrl } }, {});
    // The desktop app shows secrets by default but never exports them without an unlock.
    expect(status).toMatchObject({ ok: true, result: { visible: true, exportable: false } });
  });
});
