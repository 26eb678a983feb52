import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Paths inside the source tree, for the entry points run from it with tsx (browser host, command
 * line). The packaged Electron app gets its paths from `app.getAppPath()` instead.
 */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SAMPLES_DIR = fileURLToPath(new URL('../resources/samples', import.meta.url));
export const RENDERER_DIST = fileURLToPath(new URL('../dist/renderer', import.meta.url));

export function appVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
