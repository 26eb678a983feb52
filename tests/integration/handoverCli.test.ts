/**
 * `npm run cli -- inventory …` and `handover package|verify|receive`, run as real processes on real
 * catalogue files, with their exit codes: verify exits 0 only for a valid bag.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listedSampleBatch } from '../support/handover';
import { CLI_ENTRY, REPO } from '../support/paths';
import { openTestApp, tempDir } from '../support/services';


function cli(args: string[], typedIn: string): { stdout: string; stderr: string; code: number } {
  try {
    const stdout = execFileSync(process.execPath, [CLI_ENTRY, ...args], {
      cwd: REPO,
      env: { ...process.env, INIT_CWD: typedIn },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { stdout, stderr: '', code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; status: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.status };
  }
}

const dir = tempDir('kholuu-cli-handover-');
const sender = path.join(dir, 'sender.sqlite');
const receiver = path.join(dir, 'receiver.sqlite');

beforeAll(async () => {
  // The sample fonds is loaded through the services (there is no command for it), then closed.
  const app = openTestApp(dir);
  await listedSampleBatch(app);
  await app.close();
  fs.renameSync(app.cataloguePath, sender);
  for (const suffix of ['-wal', '-shm']) if (fs.existsSync(app.cataloguePath + suffix)) fs.renameSync(app.cataloguePath + suffix, sender + suffix);
  fs.renameSync(path.join(dir, 'catalogue.originals'), path.join(dir, 'sender.originals'));
});

describe('handover on the command line', () => {
  it('writes the inventory in each format, relative to where the command was typed', () => {
    for (const format of ['xlsx', 'docx', 'csv', 'json']) {
      const r = cli(['--db', sender, 'inventory', '--fonds', 'MAU-01', '--format', format, '--out', `kiem-ke.${format}`], dir);
      expect(r.code).toBe(0);
      expect(r.stdout.trim()).toBe(path.join(dir, `kiem-ke.${format}`));
      expect(fs.statSync(path.join(dir, `kiem-ke.${format}`)).size).toBeGreaterThan(100);
    }
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'kiem-ke.json'), 'utf8')) as { files: Array<{ code: string }>; statistics: { totals: { documents: number } } };
    expect(json.files.map((f) => f.code)).toEqual(['1', '2']);
    expect(json.statistics.totals.documents).toBe(5);
    expect(fs.readFileSync(path.join(dir, 'kiem-ke.csv')).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const unknown = cli(['--db', sender, 'inventory', '--fonds', 'KHONG-CO', '--format', 'csv', '--out', 'x.csv'], dir);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Không có phông mã “KHONG-CO”');
  });

  it('packages a batch by its number, verifies it (exit 0), and another catalogue receives it', () => {
    const packed = cli(['--db', sender, 'handover', 'package', '01/BB-BG', '--out', 'goi.zip'], dir);
    expect(packed.code).toBe(0);
    expect(packed.stdout.trim()).toBe(path.join(dir, 'goi.zip'));

    const verified = cli(['--db', receiver, 'handover', 'verify', 'goi.zip'], dir);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('HỢP LỆ');
    expect(verified.stdout).toContain('Phông MAU-01: 2 hồ sơ, 5 văn bản, 5 bản gốc');

    const received = cli(['--db', receiver, 'handover', 'receive', 'goi.zip', '--json'], dir);
    expect(received.code).toBe(0);
    const out = JSON.parse(received.stdout) as { valid: boolean; received: { documents: number; receiptPath: string } };
    expect(out.valid).toBe(true);
    expect(out.received.documents).toBe(5);
    expect(fs.existsSync(out.received.receiptPath)).toBe(true);

    const again = cli(['--db', receiver, 'handover', 'receive', 'goi.zip'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('đã được tiếp nhận');
  });

  it('exits 2 for a tampered bag and lists what is wrong', () => {
    // A packed batch may be packed again, here as a folder.
    expect(cli(['--db', sender, 'handover', 'package', '01/BB-BG', '--out', 'goi-thu-muc'], dir).code).toBe(0);
    const bag = path.join(dir, 'goi-thu-muc');
    expect(cli(['--db', receiver, 'handover', 'verify', bag], dir).code).toBe(0);
    const target = path.join(bag, 'data', 'catalogue', 'ho-so.csv');
    fs.appendFileSync(target, 'x');
    const verified = cli(['--db', receiver, 'handover', 'verify', bag], dir);
    expect(verified.code).toBe(2);
    expect(verified.stdout).toContain('KHÔNG HỢP LỆ');
    expect(verified.stdout).toContain('[changed] Tệp “data/catalogue/ho-so.csv” đã bị thay đổi');
    expect(cli(['--db', receiver, 'handover', 'verify', path.join(dir, 'khong-co.zip')], dir).code).toBe(1);
  });
});
