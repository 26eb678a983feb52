/**
 * The preload bridge: exposes one function per contract operation on `window.kholuu`, each an
 * IPC invoke. Nothing else of Electron or Node reaches the page (contextIsolation + sandbox).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_NAME, OPERATION_NAMES, ipcChannel } from '../../shared/contract/operationNames';

const api: Record<string, (input: unknown) => Promise<unknown>> = {};
for (const operation of OPERATION_NAMES) {
  api[operation] = (input: unknown) => ipcRenderer.invoke(ipcChannel(operation), input);
}

contextBridge.exposeInMainWorld(BRIDGE_NAME, Object.freeze(api));
