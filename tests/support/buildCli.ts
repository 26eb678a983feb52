/**
 * vitest's global setup: the command line is built (`dist/cli/`, when a source is newer than it)
 * once before any test spawns it, so tests run what `npm run cli` runs.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { REPO } from './paths';

export default function setup(): void {
  execFileSync(process.execPath, [path.join(REPO, 'scripts', 'build-cli.mjs'), '--if-stale', '--quiet'], { cwd: REPO, stdio: 'inherit' });
}
