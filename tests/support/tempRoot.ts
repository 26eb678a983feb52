/**
 * Global setup of vitest and Playwright: every temporary folder a test makes (through
 * `os.tmpdir()`, in the test workers and in the processes they spawn) goes under one folder for
 * the run, removed when the run ends, so a run leaves nothing behind in the system's temporary
 * folder even where a test forgets, fails or is killed before its own clean-up.
 * `KHOLUU_KEEP_TMP=1` keeps it to inspect.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kholuu-testrun-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    if (process.env.KHOLUU_KEEP_TMP === '1') {
      console.log(`temporary files kept in ${root}`);
      return;
    }
    fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
}
