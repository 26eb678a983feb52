/**
 * The desktop app's few calls that are not catalogue operations (they belong to the window, not to
 * the services): the system's folder picker and opening a copy of an original in another program.
 * The preload exposes them as `window.kholuuShell`; the browser host has no such thing.
 */
export const SHELL_NAME = 'kholuuShell';

export const SHELL_CHANNELS = {
  pickFolders: 'kholuu-shell:pickFolders',
  openOriginal: 'kholuu-shell:openOriginal',
} as const;
