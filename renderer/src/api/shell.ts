/**
 * What only the desktop app can do, offered by its preload beside the contract (`window.kholuuShell`):
 * the system's folder picker, opening a copy of an original in the program the system chooses, and
 * the paths of files dropped on the window. In the browser host it is absent and the UI uses the
 * browser's own means (a folder upload, a download).
 */
import type { ApiErrorBody } from '@shared/contract/errors';
import { SHELL_NAME } from '@shared/contract/shellChannels';

export interface DesktopShell {
  /** The folders the user picked in the system dialog, or null when cancelled. */
  pickFolders(): Promise<string[] | null>;
  /** Opens a read-only copy of an original in the system's program for its type. */
  openOriginal(attachmentId: number): Promise<{ ok: true } | { ok: false; error: ApiErrorBody }>;
  /** The paths on disk of files (or folders) dropped on the window. */
  pathForFile(file: File): string;
}

export const desktopShell: DesktopShell | null = ((globalThis as Record<string, unknown>)[SHELL_NAME] as DesktopShell | undefined) ?? null;
