/**
 * Texts the services send to people must reach the English interface in English: a code and
 * parameters worded in both languages (`shared/contract/errors/<area>.ts`, `jobPhases.ts`), the
 * Vietnamese kept beside it for the command line. This test reads every string literal under
 * electron/services (with the TypeScript parser, so comments are not counted) and sorts those
 * holding Vietnamese letters into:
 * - CONTENT: Vietnamese that is the archive's own content, never interface text: the forms and
 *   the package's records (Mục lục, Biên bản, CSV headers), the note left beside quarantined
 *   originals, reasons and notes written into the records (undo, destruction, backups), the
 *   default user name, the text a register row becomes;
 * - NOT_YET_CODED: interface texts still in Vietnamese only, listed one by one. A text converted
 *   leaves this list (the test fails while it is still listed), and a new one fails the test.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../../electron/services');
const VIETNAMESE = /[ăâđêôơưạảãàáậầấẩẫắằặẳẵẹẻẽèéệềếểễịỉĩìíọỏõòóộồốổỗớờợởỡụủũùúựừứửữỵỷỹỳý]/i;

/** Whole files of Vietnamese content (forms, the package's records). */
const CONTENT_FILES = ['handover/catalogueRecords.ts', 'handover/exports/'];

/** Single texts of Vietnamese content, as `file: start of the text` (template holes shown as …). */
const CONTENT = [
  'handover/bag/buildPackage.ts: Kho Lưu …',
  'handover/bag/buildPackage.ts: Tài liệu bàn giao theo Biên bản giao nhận số …',
  // The note written beside quarantined originals (a file for the destruction council).
  'safety/quarantine.ts: Bản gốc của các hồ sơ thuộc Quyết định tiêu',
  'safety/quarantine.ts: Kho Lưu đã chuyển các tệp này ra khỏi thư mục',
  'safety/quarantine.ts: Kho Lưu không xóa chúng. Việc hủy vật lý (nế',
  'safety/quarantine.ts: Danh sách tệp và mã SHA-256: ban-ke.csv',
  // Reasons and notes recorded with the records (removal reasons, backup notes).
  'bulk/undo.ts: Hoàn tác thao tác hàng loạt số …',
  'safety/destruction.ts: Tiêu hủy theo Quyết định số … ngày … (…)',
  'handover/receive/receivePackage.ts: tiếp nhận gói …',
  'import/importJob.ts: lần nhập số …',
  'registers/registerImport.ts: nhập sổ đăng ký, lần nhập số …',
  'safety/backups/restoreBackup.ts: Trước khi khôi phục bản sao lưu …',
  'safety/encryption.ts: Trước khi mã hóa danh mục',
  'safety/encryption.ts: Trước khi đổi mật khẩu',
  // Who acts when no name was set (recorded in the audit log).
  'handlers/app.ts: người dùng',
  // A register row becomes a document: its text, and its name in the run's report.
  'registers/registerImport.ts: Sổ đăng ký “…”…, dòng …',
  'registers/registerImport.ts: Cột …',
  'registers/registerImport.ts: … — dòng …',
];

/** Interface texts not yet coded: each should become a code with both languages, then leave this list. */
const NOT_YET_CODED: string[] = [];

const KEY_LENGTH = 45;

function* sources(dir: string): Generator<string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) yield* sources(full);
    else if (e.name.endsWith('.ts')) yield full;
  }
}

/** Every string literal (a template's parts joined by …) holding a Vietnamese letter, as `file: start`. */
function vietnameseLiterals(): string[] {
  const found: string[] = [];
  for (const file of sources(ROOT)) {
    const rel = path.relative(ROOT, file).split(path.sep).join('/');
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      let text: string | null = null;
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
      else if (ts.isTemplateExpression(node)) text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('…');
      if (text !== null && VIETNAMESE.test(text)) found.push(`${rel}: ${text.slice(0, KEY_LENGTH)}`);
      // A template's holes may hold literals of their own (a nested template): look inside them too.
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

const matches = (finding: string, entry: string) => finding.startsWith(entry) || entry.startsWith(finding);

describe('texts the services show people', () => {
  const found = vietnameseLiterals();

  it('are coded for both languages, unless they are Vietnamese content', () => {
    const uncoded = found.filter(
      (f) => !CONTENT_FILES.some((prefix) => f.startsWith(prefix)) && !CONTENT.some((c) => matches(f, c)) && !NOT_YET_CODED.some((c) => matches(f, c)),
    );
    expect(uncoded, 'Vietnamese-only texts: give each a code in shared/contract/errors/<area>.ts (both languages) and send it with its parameters').toEqual([]);
  });

  it('lists only texts that are still there (a text coded leaves the list)', () => {
    const stale = [...CONTENT, ...NOT_YET_CODED].filter((entry) => !found.some((f) => matches(f, entry)));
    expect(stale).toEqual([]);
  });

  it('finds the Vietnamese texts that are there', () => {
    // The package records' CSV headers are Vietnamese literals: the scan must see them.
    expect(found).toContain('handover/catalogueRecords.ts: Số, ký hiệu');
    expect(found.length).toBeGreaterThan(CONTENT.length);
  });
});
