/**
 * The notice the services write where a locked viewer may not see a name is worded on screen in the
 * interface's language; the Vietnamese screen shows exactly what the Vietnamese forms print.
 */
import { describe, expect, it } from 'vitest';
import { HIDDEN_SECRET_TEXT } from '../../../shared/security/secretFields';
import { nameAsShown, namesAsShown } from '../../../renderer/src/util/withheld';

const VIETNAMESE = /[ăâđêôơưạảãàáậầấẩẫắằặẳẵẹẻẽèéệềếểễịỉĩìíọỏõòóộồốổỗớờợởỡụủũùúựừứửữỵỷỹỳý]/i;

describe('withheld names on screen', () => {
  it('words the notice in English in the English interface', () => {
    const en = nameAsShown(HIDDEN_SECRET_TEXT, 'en');
    expect(en).not.toBe(HIDDEN_SECRET_TEXT);
    expect(en).toMatch(/secret/i);
    expect(en).not.toMatch(VIETNAMESE);
  });

  it('shows the same notice as the forms in the Vietnamese interface', () => {
    expect(nameAsShown(HIDDEN_SECRET_TEXT, 'vi')).toBe(HIDDEN_SECRET_TEXT);
  });

  it('leaves every other value as it came, in both languages', () => {
    for (const locale of ['vi', 'en'] as const) {
      expect(nameAsShown('ket-luan-1485.pdf', locale)).toBe('ket-luan-1485.pdf');
      expect(nameAsShown(null, locale)).toBeNull();
      expect(nameAsShown(`${HIDDEN_SECRET_TEXT}.pdf`, locale)).toBe(`${HIDDEN_SECRET_TEXT}.pdf`);
      expect(namesAsShown(['a.docx', HIDDEN_SECRET_TEXT], locale)).toEqual(['a.docx', nameAsShown(HIDDEN_SECRET_TEXT, locale)]);
    }
  });
});
