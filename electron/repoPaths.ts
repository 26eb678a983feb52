import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding the project's package.json: above this file in the sources, above the bundle in `dist/cli/`. */
function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'resources'))) return dir;
    dir = path.dirname(dir);
  }
  return fileURLToPath(new URL('..', import.meta.url));
}

/**
 * Paths inside the source tree, for the entry points run from it (browser host with tsx, the built
 * command line). The packaged Electron app gets its paths from `app.getAppPath()` instead.
 */
export const REPO_ROOT = findRoot();
export const SAMPLES_DIR = path.join(REPO_ROOT, 'resources', 'samples');
export const RENDERER_DIST = path.join(REPO_ROOT, 'dist', 'renderer');

export function appVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
