/**
 * An output path the system will not let us create (a folder under /proc) is refused with a clear
 * message at once. Node's recursive mkdir loops forever there at full CPU, which froze the command
 * line and the browser host; the product makes folders one by one instead, and no product code
 * uses the recursive form.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDirs } from '../../../electron/data/makeDirs';
import { listedSampleBatch } from '../../support/handover';
import { REPO } from '../../support/paths';
import { openTestApp, tempDir } from '../../support/services';

const TSX = path.join(REPO, 'node_modules', '.bin', 'tsx');
const hasProc = fs.existsSync('/proc/self');

/** The command line as a real process; killed (status null) if it has not ended after a minute. */
function cli(args: string[]) {
  const r = spawnSync(TSX, [path.join(REPO, 'electron', 'cli', 'main.ts'), ...args], { cwd: REPO, encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = tempDir('kholuu-outpaths-');
let db: string;

beforeAll(async () => {
  const app = openTestApp(dir);
  await listedSampleBatch(app);
  await app.close();
  db = app.cataloguePath;
}, 120_000);

describe.skipIf(!hasProc)('an output path under /proc (Linux)', () => {
  it('makeDirs throws the refusal instead of looping', () => {
    expect(() => makeDirs('/proc/nonexistent/x')).toThrow(/ENOENT/);
    const made = path.join(dir, 'a', 'b', 'c');
    makeDirs(made);
    makeDirs(made);
    expect(fs.statSync(made).isDirectory()).toBe(true);
    fs.writeFileSync(path.join(dir, 'tep'), 'x');
    expect(() => makeDirs(path.join(dir, 'tep', 'con'))).toThrow();
  });

  it('inventory --out /proc/nonexistent/x.csv exits 1 with a message', () => {
    const r = cli(['--db', db, 'inventory', '--fonds', 'MAU-01', '--format', 'csv', '--out', '/proc/nonexistent/x.csv']);
    expect(r.code, 'the command did not end (killed after a minute)').toBe(1);
    expect(r.stderr).toContain('/proc/nonexistent/x.csv');
  }, 90_000);

  it('handover package --out /proc/nonexistent/p.zip exits 1 with a message', () => {
    const r = cli(['--db', db, 'handover', 'package', '01/BB-BG', '--out', '/proc/nonexistent/p.zip']);
    expect(r.code, 'the command did not end (killed after a minute)').toBe(1);
    expect(r.stderr).toContain('Không tạo được thư mục');
  }, 90_000);
});

describe('product code', () => {
  it('never calls the recursive mkdir (it loops under /proc); it uses makeDirs', () => {
    const offenders: string[] = [];
    const walk = (folder: string) => {
      for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
        const p = path.join(folder, entry.name);
        if (entry.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(entry.name) && entry.name !== 'makeDirs.ts' && /mkdir(Sync)?\([^;]*recursive\s*:\s*true/.test(fs.readFileSync(p, 'utf8'))) offenders.push(path.relative(REPO, p));
      }
    };
    walk(path.join(REPO, 'electron'));
    expect(offenders).toEqual([]);
  });
});
