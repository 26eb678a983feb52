/**
 * File names holding terminal escape sequences are printed escaped by the command line: in the
 * `LỖI` lines of an import, in `import-report` and in `show`. No raw control byte reaches the
 * terminal from the catalogue's data.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, SEED } from '../support/paths';
import { tempDir } from '../support/services';

const TSX = path.join(REPO, 'node_modules', '.bin', 'tsx');
const CLI = path.join(REPO, 'electron', 'cli', 'main.ts');

function cli(args: string[]) {
  const r = spawnSync(TSX, [CLI, ...args], { cwd: REPO, env: { ...process.env, INIT_CWD: REPO }, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Any control character but line feed and tab (ESC, BEL, CR, C1…). */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;

describe('control characters in file names on the command line', () => {
  it('are escaped in LỖI lines, import-report and show', () => {
    const dir = tempDir('kholuu-cli-esc-');
    const db = path.join(dir, 'c.sqlite');
    const folder = path.join(dir, 'kho');
    fs.mkdirSync(folder);
    // An empty file fails; a real document is imported under a hostile name.
    const failing = 'rong\x1b]0;pwned\x07\x1b[2J.txt';
    const hostile = 'ket-luan\x1b[31mDO\x1b[0m\r\u202Etxt.md';
    fs.writeFileSync(path.join(folder, failing), '');
    fs.copyFileSync(SEED.conclusion1485, path.join(folder, hostile));

    const imported = cli(['--db', db, 'import', folder]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toMatch(/^LỖI  .*rong\\x1b\]0;pwned\\x07/m);
    expect(imported.stderr).toContain('rong\\x1b]0;pwned\\x07\\x1b[2J.txt');
    expect(imported.stderr).not.toMatch(RAW_CONTROL);

    const report = cli(['--db', db, 'import-report', '1']);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toContain('rong\\x1b]0;pwned\\x07');
    expect(report.stdout).not.toMatch(RAW_CONTROL);
    const csv = cli(['--db', db, 'import-report', '1', '--format', 'csv']);
    expect(csv.stdout).toContain('\\x1b[31mDO');
    expect(csv.stdout).not.toMatch(RAW_CONTROL);

    const shown = cli(['--db', db, 'show', '1']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('Bản gốc: ket-luan\\x1b[31mDO\\x1b[0m\\r\\u202etxt.md');
    expect(shown.stdout).not.toMatch(RAW_CONTROL);
  }, 120_000);
});
