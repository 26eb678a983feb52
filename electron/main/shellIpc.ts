/**
 * The window's own calls (not catalogue operations): the system's folder picker for the import,
 * and opening a read-only copy of an original in the program the system chooses. Answered only for
 * the app's own page (the same sender check as the contract's channels), inputs checked here.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow, dialog, type IpcMainInvokeEvent, ipcMain, shell } from 'electron';
import { ApiError } from '../../shared/contract/errors';
import { SHELL_CHANNELS } from '../../shared/contract/shellChannels';
import type { Dispatch } from '../services/dispatch';
import { makeDirs } from '../data/makeDirs';

/** A name safe to write in a temporary folder on every system. */
function safeFileName(name: string): string {
  const cleaned = name.replace(/[\u0000-\u001f<>:"/\\|?*]+/g, '_').replace(/^\.+/, '').trim();
  return (cleaned || 'ban-goc').slice(0, 150);
}

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
    const folder = path.join(os.tmpdir(), 'kho-luu-ban-goc');
    makeDirs(folder, 0o700);
    const file = path.join(folder, `${attachment.sha256.slice(0, 12)}-${safeFileName(attachment.fileName)}`);
    // A copy, read-only, so that an edit in the other program cannot be taken for the original.
    if (fs.existsSync(file)) fs.chmodSync(file, 0o600);
    fs.writeFileSync(file, Buffer.from(contentBase64, 'base64'), { mode: 0o400 });
    fs.chmodSync(file, 0o400);
    const error = await shell.openPath(file);
    return error ? { ok: false, error: new ApiError('shell.openFailed', { detail: error }).toBody() } : { ok: true };
  });
}
