import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_ENTRY, REPO, SEEDS_DIR } from '../../support/paths';
import { tempDir } from '../../support/services';


function cli(args: string[]): { stdout: string; stderr: string; code: number } {
  try {
    const stdout = execFileSync(process.execPath, [CLI_ENTRY, ...args], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { stdout, stderr: '', code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; status: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.status };
  }
}

describe('search on the command line', () => {
  it('filters by fonds, type and dates, sorts, and keeps the documented JSON fields', () => {
    const db = path.join(tempDir(), 'x.db');
    expect(cli(['--db', db, 'import', SEEDS_DIR]).code).toBe(0);
    const typed = JSON.parse(cli(['--db', db, 'search', '', '--type', 'KL', '--from', '2020-01-01', '--to', '2025-12-31', '--sort', 'date', '--json']).stdout);
    expect(typed.hits.map((h: { numberSymbol: string }) => h.numberSymbol)).toEqual(['1485-KL/TU', '1097-KL/TU']);
    expect(typed.sort).toBe('date');
    expect(typed.filters).toEqual({ docTypes: ['KẾT LUẬN'], dateFrom: '2020-01-01', dateTo: '2025-12-31' });
    const asc = JSON.parse(cli(['--db', db, 'search', 'tinh uy', '--type', 'kết luận', '--from', '2020-01-01', '--sort', 'date-asc', '--json']).stdout);
    expect(asc.hits.map((h: { issueDate: string }) => h.issueDate)).toEqual(['2020-07-03', '2025-05-14']);
    const inFonds = JSON.parse(cli(['--db', db, 'search', 'kết luận', '--fonds', 'NHAP', '--json']).stdout);
    expect(inFonds.total).toBeGreaterThan(0);
    expect(inFonds.hits.every((h: { fonds: string }) => h.fonds === 'NHAP')).toBe(true);
    const byNumber = JSON.parse(cli(['--db', db, 'search', 'KL/TU 1485', '--json']).stdout);
    expect(byNumber.direct).toBe(byNumber.hits[0].id);
    expect(byNumber.matches[0]).toMatchObject({ id: byNumber.hits[0].id, matchedBy: 'number' });
    const missing = cli(['--db', db, 'search', 'x', '--fonds', 'KHONG-CO']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Không có phông mã “KHONG-CO”/);
    expect(cli(['--db', db, 'search', 'x', '--sort', 'sideways']).stderr).toMatch(/--sort nhận/);
  });
});
