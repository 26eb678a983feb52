/**
 * Texts the services send with a code (package problems, job failures and phases, import results)
 * read in the interface's language; one sent without a code still shows as it came.
 */
import { describe, expect, it } from 'vitest';
import { ApiError, coded } from '../../../shared/contract/errors';
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
