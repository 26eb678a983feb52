/**
 * The DejaVu fonts the PDFs are set in: PDF's built-in fonts have no Vietnamese letters, DejaVu
 * covers them all. Taken from the `dejavu-fonts-ttf` package, else from the system's copy.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ApiError } from '../../../../shared/contract/errors';

export type FontName = 'DejaVuSerif' | 'DejaVuSerif-Bold' | 'DejaVuSerif-Italic' | 'DejaVuSans' | 'DejaVuSans-Bold';

/** Where the package is, from an ES module (tsx, tests) or from a CommonJS bundle (the Electron main). */
function packageFontDir(): string | null {
  const resolvers: Array<() => NodeJS.Require> = [() => createRequire(import.meta.url), () => require];
  for (const resolver of resolvers) {
    try {
      return path.join(path.dirname(resolver().resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    } catch {
      // Not available in this runtime: try the next way, then the system's fonts.
    }
  }
  return null;
}

const SYSTEM_DIRS = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu', '/usr/local/share/fonts/dejavu'];

let cached: string | null = null;

function fontDir(): string {
  if (cached) return cached;
  for (const dir of [packageFontDir(), ...SYSTEM_DIRS]) {
    if (dir && fs.existsSync(path.join(dir, 'DejaVuSans.ttf'))) {
      cached = dir;
      return dir;
    }
  }
  throw new ApiError('handover.fontsMissing');
}

export function fontPath(name: FontName): string {
  return path.join(fontDir(), `${name}.ttf`);
}
