/**
 * The part of Electron's API the thin shell uses, declared here so the project type-checks on
 * machines where the `electron` package (and its binary) could not be installed. tsconfig maps
 * the module name `electron` to this file; keep it a faithful subset of Electron's own typings.
 */
declare module 'electron' {
  interface WebPreferences {
    preload?: string;
    contextIsolation?: boolean;
    sandbox?: boolean;
    nodeIntegration?: boolean;
    nodeIntegrationInWorker?: boolean;
    nodeIntegrationInSubFrames?: boolean;
    webSecurity?: boolean;
    allowRunningInsecureContent?: boolean;
    webviewTag?: boolean;
    spellcheck?: boolean;
    navigateOnDragDrop?: boolean;
  }

  interface BrowserWindowConstructorOptions {
    width?: number;
    height?: number;
    minWidth?: number;
    minHeight?: number;
    show?: boolean;
    title?: string;
    backgroundColor?: string;
    webPreferences?: WebPreferences;
  }

  interface WebFrameMain {
    url: string;
  }

  interface IpcMainInvokeEvent {
    senderFrame: WebFrameMain | null;
    sender: WebContents;
  }

  interface Event {
    preventDefault(): void;
  }

  interface HandlerDetails {
    url: string;
  }

  interface WebContents {
    setWindowOpenHandler(handler: (details: HandlerDetails) => { action: 'deny' | 'allow' }): void;
    on(event: 'will-navigate' | 'will-redirect', listener: (event: Event, url: string) => void): this;
    on(event: 'will-attach-webview', listener: (event: Event) => void): this;
  }

  class BrowserWindow {
    constructor(options?: BrowserWindowConstructorOptions);
    webContents: WebContents;
    loadFile(filePath: string): Promise<void>;
    once(event: 'ready-to-show', listener: () => void): this;
    show(): void;
    static getAllWindows(): BrowserWindow[];
    static fromWebContents(webContents: WebContents): BrowserWindow | null;
  }

  interface OnHeadersReceivedListenerDetails {
    url: string;
    responseHeaders?: Record<string, string[]>;
  }

  interface Session {
    setPermissionRequestHandler(handler: ((webContents: WebContents, permission: string, callback: (granted: boolean) => void) => void) | null): void;
    setPermissionCheckHandler(handler: ((webContents: WebContents | null, permission: string) => boolean) | null): void;
    webRequest: {
      onHeadersReceived(
        listener: (details: OnHeadersReceivedListenerDetails, callback: (response: { responseHeaders?: Record<string, string[]> }) => void) => void,
      ): void;
    };
  }

  const session: { defaultSession: Session };

  const app: {
    whenReady(): Promise<void>;
    on(event: 'window-all-closed' | 'before-quit' | 'activate', listener: () => void): void;
    on(event: 'web-contents-created', listener: (event: Event, contents: WebContents) => void): void;
    quit(): void;
    getPath(name: 'userData' | 'appData' | 'home' | 'temp'): string;
    getAppPath(): string;
    getVersion(): string;
    isPackaged: boolean;
  };

  interface OpenDialogOptions {
    title?: string;
    properties?: Array<'openFile' | 'openDirectory' | 'multiSelections'>;
  }

  const dialog: {
    showErrorBox(title: string, content: string): void;
    showOpenDialog(window: BrowserWindow | null, options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  };

  const shell: {
    /** Opens a file in the system's program for it; resolves to an error message, or '' on success. */
    openPath(path: string): Promise<string>;
  };

  const webUtils: {
    getPathForFile(file: unknown): string;
  };

  const ipcMain: {
    handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
  };

  const ipcRenderer: {
    invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  };

  const contextBridge: {
    exposeInMainWorld(apiKey: string, api: unknown): void;
  };
}
