/** The command line's import runs: run number, Ctrl+C, `--resume`, `import-report`. */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { CLI_ENTRY, REPO } from '../support/paths';
import { writeManyDocuments } from '../support/partyDocs';
import { tempDir } from '../support/services';

const NODE = process.execPath;
const CLI = CLI_ENTRY;

function cli(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(NODE, [CLI, ...args], { cwd: REPO, env: { ...process.env, INIT_CWD: REPO }, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function committed(dbPath: string): number {
  if (!fs.existsSync(dbPath)) return 0;
  try {
    const db = new Database(dbPath, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

describe('import runs on the command line', () => {
  it('Ctrl+C stops a big import (exit 130) and says how to resume; --resume finishes it; import-report shows and exports it', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'c.sqlite');
    const folder = path.join(dir, 'kho');
    const files = writeManyDocuments(folder, 400);
    fs.writeFileSync(path.join(folder, 'hop-000', 'rỗng.txt'), '');

    const child = spawn(NODE, [CLI, '--db', db, 'import', folder], { cwd: REPO, env: { ...process.env, INIT_CWD: REPO }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = once(child, 'exit');
    while (committed(db) === 0) {
      expect(child.exitCode, stderr).toBeNull();
      await new Promise((r) => setTimeout(r, 5));
    }
    child.kill('SIGINT');
    const [code] = (await exited) as [number];
    expect(code, stderr).toBe(130);
    expect(stderr).toMatch(/^Lần nhập số 1 → phông NHAP/m);
    expect(stderr).toMatch(/Đã hủy: \d+ văn bản mới/);
    expect(stderr).toContain('Nhập tiếp: npm run cli -- import --resume 1');

    const resumed = cli(['--db', db, 'import', '--resume', '1']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain('Lần nhập số 1 (nhập tiếp)');
    expect(resumed.stderr).toMatch(/LỖI  .*rỗng\.txt: .*tệp rỗng/);
    expect(committed(db)).toBe(files.length);

    const list = cli(['--db', db, 'import-report']);
    expect(list.stdout).toMatch(/^#1 .* hoàn tất {2}401\/401 — nhập 400, trùng 0, lỗi 1 {2}phông NHAP/m);
    const one = cli(['--db', db, 'import-report', '1']);
    expect(one.stdout).toContain(`Nguồn: ${folder}`);
    expect(one.stdout).toMatch(/^Lỗi\t.*rỗng\.txt\t.*tệp rỗng/m);

    const out = path.join(dir, 'báo cáo.csv');
    expect(cli(['--db', db, 'import-report', '1', '--format', 'csv', '--out', out]).code).toBe(0);
    const bytes = fs.readFileSync(out);
    // UTF-8 byte order mark, so that a spreadsheet reads the Vietnamese correctly.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(rows).toHaveLength(402);
    expect(rows[0]).toBe('STT,Tệp,Kết quả,Mã văn bản,SHA-256,Kích thước (byte),Ghi chú,Thời điểm');
    const json = JSON.parse(cli(['--db', db, 'import-report', '1', '--format', 'json', '--outcome', 'failed']).stdout);
    expect(json.items).toHaveLength(1);
    expect(json.run).toMatchObject({ id: 1, state: 'done', processed: 401, resumes: 1 });

    // The run is finished with one failed file: --resume reads that file again (still empty), nothing else.
    const retried = cli(['--db', db, 'import', '--resume', '1']);
    expect(retried.code, retried.stderr).toBe(0);
    expect(retried.stderr).toMatch(/LỖI  .*rỗng\.txt: .*tệp rỗng/);
    expect(retried.stderr).toMatch(/Xong: 400 văn bản mới, 0 trùng lặp, 1 lỗi/);
    expect(JSON.parse(cli(['--db', db, 'import-report', '1', '--format', 'json']).stdout).run).toMatchObject({ processed: 401, imported: 400, failed: 1, resumes: 2 });
    expect(committed(db)).toBe(files.length);
    expect(cli(['--db', db, 'import-report', '1', '--format', 'xml']).code).toBe(1);
  });
});
