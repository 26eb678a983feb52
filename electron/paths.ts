import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'Kho Lưu';
export const CATALOGUE_FILE = 'catalogue.sqlite';

/**
 * The per-user data folder, the same one Electron's `app.getPath('userData')` gives for the
 * product name, so the desktop app and the browser host open the same default catalogue.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.KHOLUU_DATA_DIR) return path.resolve(env.KHOLUU_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_DIR_NAME);
}

export function defaultCataloguePath(dataDir: string): string {
  return path.join(dataDir, CATALOGUE_FILE);
}
