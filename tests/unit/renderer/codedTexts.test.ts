/**
 * Texts the services send with a code (package problems, job failures and phases, import results)
 * read in the interface's language; one sent without a code still shows as it came.
 */
import { describe, expect, it } from 'vitest';
import { ApiError, coded, readStoredText, sentence, storedText } from '../../../shared/contract/errors';
import { CONVERSION, conversionText } from '../../../shared/importing/conversions';
import { mentionOf } from '../../../shared/importing/sameDocument';
import { translate } from '../../../renderer/src/i18n';
import { shownValue } from '../../../renderer/src/components/review/reviewFields';
import { jobErrorText, jobPhaseText, textOf, textsOf } from '../../../renderer/src/util/errors';

const VIETNAMESE = /[ăâđêôơưạảãàáậầấẩẫắằặẳẵẹẻẽèéệềếểễịỉĩìíọỏõòóộồốổỗớờợởỡụủũùúựừứửữỵỷỹỳý]/i;

describe('coded texts in the interface', () => {
  it('words a package problem in English and in Vietnamese', () => {
    const problem = { kind: 'changed', path: 'data/a.txt', ...coded('package.changed', { path: 'data/a.txt' }) };
    expect(problem.message).toBe('Tệp “data/a.txt” đã bị thay đổi: SHA-256 không khớp manifest.');
    expect(textOf(problem, 'en')).toBe('File “data/a.txt” was changed: its SHA-256 does not match the manifest.');
    expect(textOf(problem, 'vi')).toBe(problem.message);
    expect(textOf({ message: 'chỉ tiếng Việt' }, 'en')).toBe('chỉ tiếng Việt');
  });

  it('words why a job stopped, with the error that stopped it nested in the same language', () => {
    const stopped = new ApiError('job.importStopped', { cause: [{ code: 'import.pathMissing', params: { path: '/x' } }] });
    const status = { error: stopped.message, errorMessage: { code: stopped.code, params: stopped.params } as never };
    expect(jobErrorText(status, 'en')).toBe('The import stopped on an error: “/x” was not found.');
    expect(jobErrorText(status, 'vi')).toBe('Nhập tài liệu bị dừng do lỗi: Không tìm thấy “/x”.');
    expect(jobErrorText({ error: 'cũ', errorMessage: null }, 'en')).toBe('cũ');
  });

  it('words what a job is doing now', () => {
    const status = { phase: 'Đang ghi', phaseCode: 'writing' as const };
    expect(jobPhaseText(status, 'en')).toBe('Writing');
    expect(VIETNAMESE.test(jobPhaseText({ phase: 'x', phaseCode: 'checkingPackage' }, 'en')!)).toBe(false);
    expect(jobPhaseText({ phase: 'Đang ghi', phaseCode: null }, 'en')).toBe('Đang ghi');
  });

  it('words a list sent with its codes beside it, and keeps one sent without them', () => {
    const said = [coded('backupCheck.catalogueOnly'), coded('backupCheck.changesUndone', { count: 3 })];
    const messages = said.map((c) => c.message);
    expect(textsOf(messages, said.map((c) => c.text), 'en')).toEqual([
      'This backup holds the catalogue only (no originals): the originals in place are kept.',
      '3 changes recorded after the backup will be taken back (the current state is backed up before the restore).',
    ]);
    expect(textsOf(messages, undefined, 'en')).toEqual(messages);
  });
});

describe('texts the catalogue keeps, in the interface’s language', () => {
  const numbered = mentionOf({ numberSymbol: '77-KL/TU', issueDate: '2025-03-02', issuer: 'Tỉnh ủy Đắk Lắk', subject: 'về lưu trữ' });

  it('names a catalogued document in either language, and a secret one in neither', () => {
    expect(sentence('vi', numbered)).toBe('văn bản số 77-KL/TU ngày 02/03/2025 của Tỉnh ủy Đắk Lắk');
    expect(sentence('en', numbered)).toBe('document No. 77-KL/TU of 02/03/2025 by Tỉnh ủy Đắk Lắk');
    const unnumbered = mentionOf({ numberSymbol: null, issueDate: null, subject: 'x'.repeat(100) });
    expect(sentence('en', unnumbered)).toBe(`a document without a number-symbol “${'x'.repeat(80)}…”`);
    const secret = mentionOf({ numberSymbol: '9-BC/TU', issueDate: '2025-01-01', securityLevel: 'mat' });
    expect(JSON.stringify(secret)).not.toContain('9-BC/TU');
    expect(sentence('en', secret)).toBe('a secret document (its number-symbol withheld)');
    expect(sentence('vi', secret)).toBe('một văn bản mật (không nêu số, ký hiệu)');
  });

  it('stores a coded text as its code and reads it back in both forms; a plain stored text reads as it was', () => {
    const note = coded('importNote.sameBytes', { document: [numbered] });
    const stored = storedText(note)!;
    expect(JSON.parse(stored)).toEqual({ code: 'importNote.sameBytes', params: { document: [numbered] } });
    const read = readStoredText(stored);
    expect(read.message).toBe(note.message);
    expect(textOf(read, 'en')).toBe('This file (the same content, byte for byte) is already in the catalogue: document No. 77-KL/TU of 02/03/2025 by Tỉnh ủy Đắk Lắk.');
    expect(readStoredText('Tệp này đã có trong danh mục.')).toEqual({ message: 'Tệp này đã có trong danh mục.', text: null });
    expect(readStoredText('{"code":"no.such.code","params":{}}').text).toBeNull();
    expect(readStoredText('{"code": broken').message).toBe('{"code": broken');
    expect(readStoredText(null)).toEqual({ message: null, text: null });
    expect(storedText({ message: 'chỉ tiếng Việt' })).toBe('chỉ tiếng Việt');
    // A reason kept inside parse_info (already parsed JSON).
    expect(readStoredText({ code: 'review.needsOcr', params: {} }).message).toBe('cần nhận dạng chữ (OCR)');
  });

  it('words what was done to a document’s characters, and keeps a label it does not know', () => {
    expect(conversionText('en', CONVERSION.legacyFont('tcvn3'))).toBe('tcvn3→unicode (font)');
    expect(conversionText('vi', CONVERSION.legacyFont('vni'))).toBe('vni→unicode (phông chữ)');
    expect(conversionText('en', CONVERSION.marksSplit)).toBe('nfd→nfc (runs of more than 30 combining marks split, UAX #15)');
    expect(conversionText('en', CONVERSION.garbledLayer)).toBe('broken text layer');
    expect(conversionText('en', CONVERSION.doubtfulLayer)).toBe('doubtful text layer');
    for (const token of ['nfd→nfc', 'tcvn3→unicode', 'ocr', 'lớp chữ hỏng']) expect(conversionText('en', token)).toBe(token);
  });

  it('gives a full text waiting for review by its length, and a value confirmed before as it was stored', () => {
    expect(shownValue('fullText', 1234, (key, vars) => translate('en', key, vars))).toBe(`${(1234).toLocaleString('vi-VN')} characters`);
    expect(shownValue('fullText', 12, (key, vars) => translate('vi', key, vars))).toBe('12 ký tự');
    expect(shownValue('fullText', '1234 ký tự', (key, vars) => translate('en', key, vars))).toBe('1234 ký tự');
  });
});
