import { execFileSync } from 'node:child_process';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { VIETNAMESE_NON_ASCII } from '../../../shared/text/encodings/letters';
import { windows1252Byte, windows1252Chars } from '../../../shared/text/encodings/singleByte';
import { decodeTcvn3, encodeTcvn3, restoreCapitals } from '../../../shared/text/encodings/tcvn3';
import { decodeVni, encodeVni } from '../../../shared/text/encodings/vni';
import { decodeWindows1258, encodeWindows1258 } from '../../../shared/text/encodings/windows1258';

// The legacy tables, walked both ways over every Vietnamese letter, and checked against an
// independent converter where one exists (glibc's TCVN5712-1, iconv-lite's windows1258).

const LOWER = VIETNAMESE_NON_ASCII.filter((c) => c === c.toLowerCase());
const UPPER = VIETNAMESE_NON_ASCII.filter((c) => c !== c.toLowerCase());

function hasIconv(): boolean {
  try {
    execFileSync('iconv', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('the Vietnamese alphabet', () => {
  it('has 66 toned or shaped vowels and đ in each case', () => {
    expect(LOWER).toHaveLength(67);
    expect(UPPER).toHaveLength(67);
    expect(new Set(VIETNAMESE_NON_ASCII).size).toBe(134);
    for (const c of VIETNAMESE_NON_ASCII) expect(c.normalize('NFC')).toBe(c);
  });
});

describe('TCVN3 (ABC)', () => {
  it.skipIf(!hasIconv())('agrees with glibc’s TCVN5712-1 on every code from 0xA0 to 0xFF', () => {
    for (let b = 0xa0; b <= 0xff; b++) {
      const glibc = execFileSync('iconv', ['-f', 'TCVN5712-1', '-t', 'UTF-8'], { input: Buffer.from([b]) }).toString('utf8');
      expect(decodeTcvn3(String.fromCharCode(b)), `0x${b.toString(16)}`).toBe(glibc.normalize('NFC'));
    }
  });

  it('writes and reads back every lower-case letter, each as one code', () => {
    for (const c of LOWER) {
      const { text, unmapped } = encodeTcvn3(c);
      expect(unmapped).toBe(0);
      expect(text).toHaveLength(1);
      expect(text.charCodeAt(0)).toBeGreaterThanOrEqual(0xa1);
      expect(decodeTcvn3(text)).toBe(c);
    }
  });

  it('keeps the capitals it has and writes the others with the lower-case code', () => {
    for (const c of UPPER) {
      const back = decodeTcvn3(encodeTcvn3(c).text);
      expect([c, c.toLowerCase()]).toContain(back);
    }
    expect(decodeTcvn3(encodeTcvn3('Ằ Ắ Ấ Ế Ố Đ Ư').text)).toBe('Ằ Ắ Ấ Ế Ố Đ Ư');
  });

  it('reads the combining tone marks at 0xB0–0xB4 into composed letters', () => {
    expect(decodeTcvn3('a\u00b3')).toBe('á');
    expect(decodeTcvn3('\u00a9\u00b4')).toBe('ậ');
  });

  it('gives words in capitals their lost capitals, and leaves ordinary words alone', () => {
    const header = decodeTcvn3(encodeTcvn3('TỈNH ỦY ĐẮK LẮK').text);
    expect(header).toBe('TỉNH ủY ĐẮK LẮK');
    expect(restoreCapitals(header)).toBe('TỈNH ỦY ĐẮK LẮK');
    expect(restoreCapitals(decodeTcvn3(encodeTcvn3('KẾT LUẬN HỘI NGHỊ').text))).toBe('KẾT LUẬN HỘI NGHỊ');
    // One capital, lower case around: a sentence start, not a capitals word.
    expect(restoreCapitals(decodeTcvn3(encodeTcvn3('Từ đó, Ủy ban').text))).toBe('Từ đó, ủy ban');
    // `Số`: Ố exists in TCVN3, so a lower-case ố is truly lower case, whatever follows.
    expect(restoreCapitals(decodeTcvn3(encodeTcvn3('Số 1485-KL/TU').text))).toBe('Số 1485-KL/TU');
    // A capitals line: every word on it.
    expect(restoreCapitals(decodeTcvn3(encodeTcvn3('ĐẢNG BỘ CẤP XÃ CŨ').text))).toBe('ĐẢNG BỘ CẤP XÃ CŨ');
  });
});

describe('VNI', () => {
  it('writes and reads back every letter, lower and upper case', () => {
    for (const c of VIETNAMESE_NON_ASCII) {
      const code = encodeVni(c);
      expect(code.length).toBeLessThanOrEqual(2);
      for (const ch of code) expect(ch.charCodeAt(0)).toBeLessThan(0x100);
      expect(decodeVni(code), `${c} → ${code}`).toBe(c);
    }
  });

  it('reads text typed in VNI-Times', () => {
    expect(decodeVni('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam')).toBe('Cộng hòa xã hội chủ nghĩa Việt Nam');
    expect(decodeVni('ÑAÛNG COÄNG SAÛN VIEÄT NAM')).toBe('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(decodeVni('ñöôøng')).toBe('đường');
    // A base in capitals followed by a lower-case mark (mixed fonts) keeps the base's case.
    expect(decodeVni('Aù')).toBe('Á');
  });

  it('reads back whole documents exactly', () => {
    const text = 'Thường trực Tỉnh ủy; Ủy ban Kiểm tra; “Hỏa tốc” – Nguyễn Ỷ Lan, Ngô Thị Ỵ.';
    expect(decodeVni(encodeVni(text))).toBe(text);
  });
});

describe('Windows-1258', () => {
  it('agrees with iconv-lite on all 256 bytes', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const ours = decodeWindows1258(bytes).text;
    const theirs = iconv.decode(Buffer.from(bytes), 'windows1258').normalize('NFC');
    expect(ours).toBe(theirs);
  });

  it('writes every letter the Windows way and reads it back', () => {
    for (const c of VIETNAMESE_NON_ASCII) {
      const { bytes, unmapped } = encodeWindows1258(c);
      expect(unmapped).toBe(0);
      expect(bytes.length).toBeLessThanOrEqual(2);
      expect(decodeWindows1258(bytes).text, c).toBe(c);
      expect(iconv.decode(Buffer.from(bytes), 'windows1258').normalize('NFC')).toBe(c);
    }
    // ấ: the shaped base â, then the tone byte (sắc, 0xEC).
    expect([...encodeWindows1258('ấ').bytes]).toEqual([0xe2, 0xec]);
    // Ộ decomposes with the dot before the circumflex: the tone is still found.
    expect([...encodeWindows1258('Ộ').bytes]).toEqual([0xd4, 0xf2]);
  });
});

describe('the Windows-1252 layer under the legacy fonts', () => {
  it('maps bytes to characters and back, with 0x80–0x9F as punctuation', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const chars = windows1252Chars(bytes);
    expect(chars[0x93]).toBe('“');
    expect(chars[0x96]).toBe('–');
    expect(chars[0xb8]).toBe('¸');
    for (let b = 0; b < 256; b++) expect(windows1252Byte(chars[b]!)).toBe(b);
  });
});
