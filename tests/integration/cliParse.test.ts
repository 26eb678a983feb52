import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATS_DIR } from '../fixtures/formats/manifest';
import { CLI_ENTRY, REPO, SEEDS_DIR } from '../support/paths';
import { tempDir } from '../support/services';
import { comparable, loadCorpus } from '../unit/parser/truthHarness';
import { PARSE_JSON_KEYS } from '../../electron/cli/parseCommand';

// `npm run cli -- parse <file> --json` against the seeds' truth.json, field by field, from a real
// process, as `npm run cli` runs it; and in other formats and encodings of the same documents.


function cli(args: string[], typedIn = REPO): { stdout: string; stderr: string; code: number } {
  const r = spawnSync(process.execPath, [CLI_ENTRY, ...args], {
    cwd: REPO,
    env: { ...process.env, INIT_CWD: typedIn },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
}

const seeds = loadCorpus('seeds', SEEDS_DIR);
/** truth.json's field keys: everything but the file name, the notes and the meeting date. */
const TRUTH_KEYS = [...new Set(seeds.entries.flatMap((e) => Object.keys(e)))].filter((k) => k !== 'file' && k !== 'eventDate' && !k.endsWith('Note')).sort();

function expectMatchesTruth(json: Record<string, unknown>, entry: (typeof seeds.entries)[number]): void {
  expect(Object.keys(json).sort()).toEqual(TRUTH_KEYS);
  for (const key of TRUTH_KEYS) {
    const field = key as Parameters<typeof comparable>[0];
    expect(comparable(field, json[key]), `${entry.file} ${key}`).toEqual(comparable(field, entry[key]));
    // Nothing read is null or [], never a missing key or an empty string.
    if (entry[key] === null) expect(json[key], key).toBeNull();
    if (Array.isArray(entry[key]) && (entry[key] as unknown[]).length === 0) expect(json[key], key).toEqual([]);
  }
}

describe('npm run cli -- parse', () => {
  it('prints the keys of truth.json exactly', () => {
    expect(TRUTH_KEYS).toEqual(
      ['addressees', 'citations', 'docType', 'incomingStamp', 'issueDate', 'issuer', 'numberSymbol', 'parentIssuer', 'place', 'recipients', 'signerName', 'signerTitle', 'signingAuthority', 'subject'].sort(),
    );
  });

  for (const entry of seeds.entries) {
    it(`reads seed ${entry.file} as truth.json says`, () => {
      const out = cli(['parse', path.join(SEEDS_DIR, entry.file), '--json']);
      expect(out.code).toBe(0);
      expectMatchesTruth(JSON.parse(out.stdout) as Record<string, unknown>, entry);
    });
  }

  it('reads the same seed from .docx, .pdf, TCVN3 and an old .VnTime Word file', () => {
    const entry = seeds.entries.find((e) => e.file === '002_b9c6dfc83a8f48b9.txt')!;
    for (const variant of ['office/002_b9c6dfc83a8f48b9.docx', 'office/002_b9c6dfc83a8f48b9.pdf', 'encodings/002_b9c6dfc83a8f48b9.tcvn3.txt', 'legacy/002_b9c6dfc83a8f48b9.vntime.docx']) {
      const out = cli(['parse', path.join(FORMATS_DIR, variant), '--json']);
      expect(out.code, variant).toBe(0);
      expectMatchesTruth(JSON.parse(out.stdout) as Record<string, unknown>, entry);
    }
  });

  it('opens no catalogue, reads relative paths from where it was typed, and prints a readable listing', () => {
    const dir = tempDir();
    const db = path.join(dir, 'never-created.sqlite');
    fs.copyFileSync(path.join(SEEDS_DIR, '000_7b32d37c7a9e4c58.txt'), path.join(dir, 'kết luận 1485.txt'));
    const out = cli(['--db', db, 'parse', 'kết luận 1485.txt'], dir);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('Số, ký hiệu: 1485-KL/TU');
    expect(out.stdout).toContain('utf-8');
    expect(fs.existsSync(db)).toBe(false);
  });

  it('reads a scan by OCR, and fails clearly for a missing or unreadable file', () => {
    // An image-only PDF: its page is drawn and read by OCR, with the same keys as any other file.
    const scan = cli(['parse', path.join(FORMATS_DIR, 'office', 'f02_thong_bao_van_phong.scan.pdf'), '--json']);
    expect(scan.code).toBe(0);
    const json = JSON.parse(scan.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([...PARSE_JSON_KEYS]);
    expect(json).toMatchObject({ numberSymbol: '512-TB/VPTU', docType: 'THÔNG BÁO', parentIssuer: 'TỈNH ỦY GIA LAI', place: 'Gia Lai' });

    const missing = cli(['parse', '/nonexistent/văn bản.txt']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Không tìm thấy tệp “\/nonexistent\/văn bản\.txt”/);

    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'hỏng.pdf'), '%PDF-1.4\n1 0 obj');
    const broken = cli(['parse', path.join(dir, 'hỏng.pdf')]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/Không đọc được “hỏng\.pdf”: tệp PDF bị cắt cụt/);
    // OCR of a page takes seconds, many more on a loaded machine.
  }, 240_000);
});
