/**
 * The Electron shell: the only module besides the preload that imports `electron`. It opens the
 * window with every security switch on, and binds each contract operation to an IPC channel that
 * forwards to the same dispatch the browser host uses. All the work happens in the services.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, type IpcMainInvokeEvent, ipcMain, session } from 'electron';
import { ApiError, type CallReply } from '../../shared/contract/errors';
import { OPERATION_NAMES, ipcChannel } from '../../shared/contract/operationNames';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/contentSecurityPolicy';
import { defaultCataloguePath } from '../paths';
import type { Dispatch } from '../services/dispatch';
import { type CatalogueGate, openCatalogueGate } from '../services/safety/catalogueGate';
import { isRendererUrl, rendererRootUrl } from './rendererUrl';
import { openedCopiesFolder, sweepOpenedCopies } from './openedCopies';
import { registerShellIpc } from './shellIpc';

/** Built layout: dist/electron/main.cjs beside dist/electron/preload.cjs and dist/renderer/. */
const PRELOAD = path.join(__dirname, 'preload.cjs');
const INDEX_HTML = path.join(__dirname, '..', 'renderer', 'index.html');

export const WEB_PREFERENCES = {
  preload: PRELOAD,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
  navigateOnDragDrop: false,
} as const;

/** The renderer folder as Chromium names it (see rendererUrl.ts: compared as paths, not strings). */
const rendererRoot = rendererRootUrl(INDEX_HTML);
const isOwnPage = (url: string) => isRendererUrl(url, rendererRoot);

/** IPC is answered only for the app's own page, never for a frame that navigated elsewhere. */
export function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  return isOwnPage(event.senderFrame?.url ?? '');
}

export function registerIpc(dispatch: Dispatch): void {
  for (const operation of OPERATION_NAMES) {
    ipcMain.handle(ipcChannel(operation), async (event, input): Promise<CallReply<unknown>> => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: new ApiError('common.untrustedCaller').toBody() };
      }
      return dispatch(operation, input);
    });
  }
}

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Kho Lưu',
    backgroundColor: '#f6f7f9',
    webPreferences: { ...WEB_PREFERENCES },
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event, url) => {
    if (!isOwnPage(url)) event.preventDefault();
  });
  win.once('ready-to-show', () => win.show());
  void win.loadFile(INDEX_HTML);
  return win;
}

function hardenSessions(): void {
  // No camera, microphone, notifications, geolocation… are ever granted, nor reported as granted.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.on('will-navigate', (event, url) => {
      if (!isOwnPage(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isOwnPage(url)) event.preventDefault();
    });
  });
}

/** better-sqlite3 built for Electron's ABI, kept apart from the Node build the tests use (see scripts/start.mjs). */
function electronSqliteBinding(): string | undefined {
  const candidate = process.env.KHOLUU_SQLITE_BINDING ?? path.join(app.getAppPath(), '.cache', 'electron-native', 'better_sqlite3.node');
  return !app.isPackaged && fs.existsSync(candidate) ? candidate : undefined;
}

let services: CatalogueGate | null = null;

/**
 * Opens the catalogue behind a gate (safety): an encrypted one starts locked and the
 * renderer shows its unlock screen, which calls `catalogue.unlock`; automatic backups run while
 * it is open.
 */
export async function start(): Promise<CatalogueGate> {
  await app.whenReady();
  hardenSessions();
  const nativeBinding = electronSqliteBinding();
  services = openCatalogueGate({
    cataloguePath: process.env.KHOLUU_DB ?? defaultCataloguePath(app.getPath('userData')),
    host: 'electron',
    version: app.getVersion(),
    samplesDir: path.join(app.getAppPath(), 'resources', 'samples'),
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  registerIpc(services.dispatch);
  // The folder picker and opening an original in another program
  registerShellIpc(services.dispatch, isTrustedSender);
  // Copies opened in other programs by a session that ended without closing.
  sweepOpenedCopies(openedCopiesFolder());
  createMainWindow();
  app.on('window-all-closed', () => {
    const s = services;
    services = null;
    sweepOpenedCopies(openedCopiesFolder());
    void (s ? s.close() : Promise.resolve()).then(() => app.quit());
  });
  return services;
}

export const started: Promise<CatalogueGate> = start();
started.catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  console.error(`[kholuu] start-up failed: ${message}`);
  dialog.showErrorBox('Kho Lưu không khởi động được', message);
  app.quit();
});
