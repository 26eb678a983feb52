import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
/** The hand-checked seed documents, beside the repository (../shared/seeds). */
export const SEEDS_DIR = path.resolve(REPO, '..', 'shared', 'seeds');
export const SAMPLES_DIR = path.join(REPO, 'resources', 'samples');
/** The built command line (`npm run cli`), built before the tests by `tests/support/buildCli.ts`: run it with `process.execPath`. */
export const CLI_ENTRY = path.join(REPO, 'dist', 'cli', 'main.mjs');

export const SEED = {
  conclusion1485: path.join(SEEDS_DIR, '000_7b32d37c7a9e4c58.txt'),
  laoCai: path.join(SEEDS_DIR, '001_38eeffc6e2bc3679.txt'),
  conclusion1097: path.join(SEEDS_DIR, '002_b9c6dfc83a8f48b9.txt'),
  letter4029: path.join(SEEDS_DIR, '003_b4be3f4186006de6.txt'),
  haTinh: path.join(SEEDS_DIR, '004_055021857035daa7.txt'),
};

export const SEED_FILES = Object.values(SEED);
