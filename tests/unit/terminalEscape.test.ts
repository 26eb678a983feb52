import { describe, expect, it } from 'vitest';
import { escapeControls } from '../../shared/text/terminal';

describe('escapeControls (text from the catalogue printed on a terminal)', () => {
  it('writes escape sequences, carriage returns, bells and C1 controls as visible escapes', () => {
    expect(escapeControls('a\x1b[2Jb')).toBe('a\\x1b[2Jb');
    expect(escapeControls('\x1b]0;pwned\x07')).toBe('\\x1b]0;pwned\\x07');
    expect(escapeControls('ok\rLỖI')).toBe('ok\\rLỖI');
    expect(escapeControls('\u009b31m')).toBe('\\x9b31m');
    expect(escapeControls('\x7f\x00')).toBe('\\x7f\\x00');
  });

  it('shows bidirectional overrides and line separators', () => {
    expect(escapeControls('hoa-don\u202Etxt.exe')).toBe('hoa-don\\u202etxt.exe');
    expect(escapeControls('a\u2028b\u2066c')).toBe('a\\u2028b\\u2066c');
  });

  it('leaves Vietnamese text alone and keeps only the controls asked for', () => {
    expect(escapeControls('Kết luận số 1485-KL/TU — “hồ sơ”')).toBe('Kết luận số 1485-KL/TU — “hồ sơ”');
    expect(escapeControls('dòng 1\ndòng 2\tx', '\n\t')).toBe('dòng 1\ndòng 2\tx');
    expect(escapeControls('dòng 1\ndòng 2')).toBe('dòng 1\\ndòng 2');
  });
});
