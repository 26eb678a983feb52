/**
 * The window's own calls (not catalogue operations): the system's folder picker for the import,
 * and opening a read-only copy of an original in the program the system chooses (openedCopies.ts). Answered only for
 * the app's own page (the same sender check as the contract's channels), inputs checked here.
 */
import { BrowserWindow, dialog, type IpcMainInvokeEvent, ipcMain, shell } from 'electron';
import { ApiError } from '../../shared/contract/errors';
import { SHELL_CHANNELS } from '../../shared/contract/shellChannels';
import type { Dispatch } from '../services/dispatch';
import { openedCopiesFolder, writeOpenedCopy } from './openedCopies';

export function registerShellIpc(dispatch: Dispatch, isTrustedSender: (event: IpcMainInvokeEvent) => boolean): void {
  ipcMain.handle(SHELL_CHANNELS.pickFolders, async (event) => {
    if (!isTrustedSender(event)) return null;
    const result = await dialog.showOpenDialog(BrowserWindow.fromWebContents(event.sender), {
      title: 'Chọn thư mục tài liệu để nhập',
      properties: ['openDirectory', 'multiSelections'],
    });
    return result.canceled ? null : result.filePaths;
  });

  ipcMain.handle(SHELL_CHANNELS.openOriginal, async (event, attachmentId) => {
    if (!isTrustedSender(event)) return { ok: false, error: new ApiError('common.untrustedCaller').toBody() };
    if (typeof attachmentId !== 'number' || !Number.isInteger(attachmentId) || attachmentId <= 0) return { ok: false, error: new ApiError('shell.badAttachmentId').toBody() };
    // Through the contract: the same visibility and export rules as a saved copy.
    const reply = await dispatch('originals.content', { attachmentId, purpose: 'save' });
    if (!reply.ok) return { ok: false, error: reply.error };
    const { attachment, contentBase64 } = reply.result as { attachment: { sha256: string; fileName: string }; contentBase64: string };
    let file: string;
    try {
      file = writeOpenedCopy(openedCopiesFolder(), attachment, Buffer.from(contentBase64, 'base64'));
    } catch (err) {
      return { ok: false, error: (err instanceof ApiError ? err : new ApiError('shell.openFailed', { detail: String((err as Error).message ?? err) })).toBody() };
    }
    const error = await shell.openPath(file);
    return error ? { ok: false, error: new ApiError('shell.openFailed', { detail: error }).toBody() } : { ok: true };
  });
}
