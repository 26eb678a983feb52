import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_ENTRY, REPO, SEEDS_DIR } from '../support/paths';
import { tempDir } from '../support/services';


/** Runs the command line as `npm run cli` does: in the package root, with INIT_CWD = where the user typed it. */
function cli(args: string[], typedIn = REPO): { stdout: string; code: number; stderr: string } {
  try {
    const stdout = execFileSync(process.execPath, [CLI_ENTRY, ...args], {
      cwd: REPO,
      env: { ...process.env, INIT_CWD: typedIn },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { stdout, code: 0, stderr: '' };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; status: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.status };
  }
}

describe('the command line', () => {
  const db = path.join(tempDir(), 'x.db');

  it('imports the seeds folder and finds the 1485-KL/TU conclusion first for "ban giao tai lieu"', () => {
    const imported = cli(['--db', db, 'import', SEEDS_DIR]);
    expect(imported.code).toBe(0);

    const search = cli(['--db', db, 'search', 'ban giao tai lieu', '--json']);
    expect(search.code).toBe(0);
    const out = JSON.parse(search.stdout);
    expect(out.query).toBe('ban giao tai lieu');
    expect(out.hits[0].numberSymbol).toBe('1485-KL/TU');
    expect(Object.keys(out.hits[0]).sort()).toEqual(
      ['docType', 'file', 'fonds', 'highlights', 'id', 'issueDate', 'issuer', 'numberSymbol', 'score', 'snippet', 'subject'].sort(),
    );
    const [start, end] = out.hits[0].highlights[0];
    expect(out.hits[0].snippet.slice(start, end).length).toBeGreaterThan(0);

    const show = cli(['--db', db, 'show', String(out.hits[0].id), '--json']);
    const doc = JSON.parse(show.stdout);
    expect(doc.numberSymbol).toBe('1485-KL/TU');
    expect(doc.attachments[0].sha256).toMatch(/^[0-9a-f]{64}$/);

    const text = cli(['--db', db, 'show', String(out.hits[0].id)]);
    expect(text.stdout).toContain('Số, ký hiệu: 1485-KL/TU');
  });

  it('re-importing the same folder adds nothing', () => {
    const again = cli(['--db', db, 'import', SEEDS_DIR]);
    expect(again.code).toBe(0);
    const search = JSON.parse(cli(['--db', db, 'search', '', '--json', '--limit', '50']).stdout);
    const numbers = search.hits.map((h: { numberSymbol: string | null }) => h.numberSymbol).filter(Boolean);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('resolves relative paths from where the command was typed', () => {
    const here = tempDir();
    const seedCopyDir = path.relative(here, SEEDS_DIR);
    expect(cli(['--db', 'relative.db', 'import', seedCopyDir], here).code).toBe(0);
    expect(fs.existsSync(path.join(here, 'relative.db'))).toBe(true);
    const out = JSON.parse(cli(['--db', path.join(here, 'relative.db'), 'search', '1485', '--json']).stdout);
    expect(out.hits[0].numberSymbol).toBe('1485-KL/TU');
  });

  it('fails clearly on bad input', () => {
    const rel = cli(['--db', db, 'show', '999999']);
    expect(rel.code).toBe(1);
    expect(rel.stderr).toMatch(/Không tìm thấy văn bản/);
    const unknown = cli(['--db', db, 'frobnicate']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/Lệnh không tồn tại/);
  });
});
