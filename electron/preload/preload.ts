/**
 * The preload bridge: exposes one function per contract operation on `window.kholuu`, each an
 * IPC invoke, and the window's own calls (`kholuuShell`). Nothing else of Electron or Node reaches
 * the page (contextIsolation + sandbox).
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { SHELL_CHANNELS, SHELL_NAME } from '../../shared/contract/shellChannels';
import { BRIDGE_NAME, OPERATION_NAMES, ipcChannel } from '../../shared/contract/operationNames';

const api: Record<string, (input: unknown) => Promise<unknown>> = {};
for (const operation of OPERATION_NAMES) {
  api[operation] = (input: unknown) => ipcRenderer.invoke(ipcChannel(operation), input);
}

contextBridge.exposeInMainWorld(BRIDGE_NAME, Object.freeze(api));

// The window's own calls: the folder picker, an original opened elsewhere, the path of a dropped file.
contextBridge.exposeInMainWorld(
  SHELL_NAME,
  Object.freeze({
    pickFolders: () => ipcRenderer.invoke(SHELL_CHANNELS.pickFolders),
    openOriginal: (attachmentId: unknown) => ipcRenderer.invoke(SHELL_CHANNELS.openOriginal, attachmentId),
    pathForFile: (file: unknown) => webUtils.getPathForFile(file),
  }),
);
