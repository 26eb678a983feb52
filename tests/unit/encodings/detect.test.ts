import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSingleByte, repairLegacyText } from '../../../shared/text/encodings/detect';
import { fontEncoding } from '../../../shared/text/encodings/fonts';
import { isVietnameseSyllable, vietnameseScore } from '../../../shared/text/encodings/score';
import { windows1252Byte } from '../../../shared/text/encodings/singleByte';
import { encodeTcvn3 } from '../../../shared/text/encodings/tcvn3';
import { encodeVni } from '../../../shared/text/encodings/vni';
import { encodeWindows1258 } from '../../../shared/text/encodings/windows1258';
import { FIXTURES_DIR, loadCorpus, SEEDS_DIR } from '../parser/truthHarness';

// Detection on the real texts: every seed and fixture, in each legacy encoding, must be read back
// in the right one, and Unicode text must never be "repaired".

const corpora = [loadCorpus('seeds', SEEDS_DIR), loadCorpus('fixtures', FIXTURES_DIR)];
const documents = corpora.flatMap((c) => c.entries.map((e) => ({ name: e.file, text: readFileSync(path.join(c.dir, e.file), 'utf8').normalize('NFC') })));

const bytesOf = (chars: string) => Uint8Array.from([...chars].map((c) => windows1252Byte(c) ?? 0x3f));
const lower = (s: string) => s.toLowerCase();

describe('telling legacy encodings apart', () => {
  it('has the 27 documents', () => expect(documents).toHaveLength(27));

  for (const doc of documents) {
    it(`reads ${doc.name} back from Windows-1258, TCVN3 and VNI bytes`, () => {
      const w = decodeSingleByte(encodeWindows1258(doc.text).bytes);
      expect(w.ok && w.best.encoding).toBe('windows-1258');
      expect(w.ok && w.best.text).toBe(doc.text);

      const t = decodeSingleByte(bytesOf(encodeTcvn3(doc.text).text));
      expect(t.ok && t.best.encoding).toBe('tcvn3');
      // TCVN3 cannot store some capitals (Ủ): the text comes back equal but for letter case.
      expect(t.ok && lower(t.best.text)).toBe(lower(doc.text));

      const v = decodeSingleByte(bytesOf(encodeVni(doc.text)));
      expect(v.ok && v.best.encoding).toBe('vni');
      expect(v.ok && v.best.text).toBe(doc.text);
    });

    it(`leaves ${doc.name} alone when it is Unicode, and repairs it when it is TCVN3 or VNI inside Unicode`, () => {
      expect(repairLegacyText(doc.text)).toEqual({ text: doc.text, legacy: null, convertedLines: 0 });
      const t = repairLegacyText(encodeTcvn3(doc.text).text);
      expect(t.legacy).toBe('tcvn3');
      expect(lower(t.text)).toBe(lower(doc.text));
      const v = repairLegacyText(encodeVni(doc.text));
      expect(v.legacy).toBe('vni');
      expect(v.text).toBe(doc.text);
    });
  }

  it('converts only the legacy lines of a document that mixes them with Unicode', () => {
    const unicode = 'Công tác tổ chức, cán bộ của Tỉnh ủy được triển khai đúng tiến độ.';
    const legacy = 'Ban Thường vụ Huyện ủy chỉ đạo các chi bộ thực hiện nghiêm túc nghị quyết.';
    const mixed = [unicode, encodeTcvn3(legacy).text, unicode, encodeTcvn3(legacy).text].join('\n');
    const repaired = repairLegacyText(mixed);
    expect(repaired.legacy).toBe('tcvn3');
    expect(repaired.convertedLines).toBe(2);
    expect(repaired.text).toBe([unicode, legacy, unicode, legacy].join('\n'));
  });

  it('never "repairs" Unicode text in other languages that uses Latin-1 letters', () => {
    for (const text of [
      'Le conseil a décidé de créer une commission spéciale chargée de la rédaction du règlement.',
      'Die Übergabe der Akten erfolgt nach Prüfung durch den Ausschuss für Archivfragen.',
      'Nguyễn Văn A — tổ trưởng; “Hồ sơ” số 12; © 2025 Văn phòng Tỉnh ủy · 45°C',
    ]) {
      expect(repairLegacyText(text).legacy, text).toBeNull();
    }
  });

  it('refuses bytes that are not Vietnamese in any encoding', () => {
    let seed = 7;
    const random = Uint8Array.from({ length: 4000 }, () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return 0x20 + (seed % 0xdf);
    });
    expect(decodeSingleByte(random).ok).toBe(false);
    const french = new TextEncoder().encode('Le conseil a décidé de créer une commission spéciale chargée de la rédaction.');
    expect(decodeSingleByte(Uint8Array.from(french, (b) => b)).ok).toBe(false);
  });
});

describe('what looks Vietnamese', () => {
  it('knows syllables from debris', () => {
    for (const w of ['thường', 'NGHIÊNG', 'khuyến', 'quốc', 'giữa', 'ương', 'oong', 'Đắk']) expect(isVietnameseSyllable(w), w).toBe(true);
    for (const w of ['thuaán', 'chaøo', 'tØnh', 'ñy', 'CTưXH', 'hñng']) expect(isVietnameseSyllable(w), w).toBe(false);
  });

  it('scores prose high and mojibake low', () => {
    const prose = 'Ban Chấp hành Đảng bộ tỉnh thống nhất cao với nội dung dự thảo Đề án.';
    expect(vietnameseScore(prose).score).toBeGreaterThan(0.9);
    expect(vietnameseScore(encodeTcvn3(prose).text).score).toBeLessThan(0.3);
    expect(vietnameseScore(encodeVni(prose)).score).toBeLessThan(0.3);
  });
});

describe('fonts that name an encoding', () => {
  it('recognises the .VnTime and VNI families', () => {
    expect(fontEncoding('.VnTime')).toEqual({ encoding: 'tcvn3', capitals: false });
    expect(fontEncoding('.VnTimeH')).toEqual({ encoding: 'tcvn3', capitals: true });
    expect(fontEncoding('.VnArial NarrowH')).toEqual({ encoding: 'tcvn3', capitals: true });
    expect(fontEncoding('VNI-Times')).toEqual({ encoding: 'vni', capitals: false });
    expect(fontEncoding('Times New Roman')).toBeNull();
    expect(fontEncoding(null)).toBeNull();
  });
});
