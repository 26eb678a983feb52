import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isGarbledVietnamese, isVietnameseSyllable, scoreSyllables, textLayerQuality, vietnameseShare } from '../../../shared/text/syllables';
import { brokenMapOf } from '../../support/brokenFontPdf';
import { SEEDS_DIR } from '../../support/paths';

const seeds = fs
  .readdirSync(SEEDS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => fs.readFileSync(path.join(SEEDS_DIR, f), 'utf8'));
const garble = (t: string) => [...t.normalize('NFC')].map(brokenMapOf).join('');

describe('Vietnamese syllables', () => {
  it('accepts the syllables of the language and refuses what cannot be said or written', () => {
    for (const w of ['Kết', 'luận', 'của', 'Ủy', 'viên', 'Đảng', 'bộ', 'nghiêng', 'khuya', 'quyết', 'giữa', 'hoàng', 'Đắk', 'thuở', 'ở', 'ý']) expect(isVietnameseSyllable(w), w).toBe(true);
    // A hỏi or ngã tone on a syllable closed by -t/-c/-p/-ch, two tones, k before a, letters of another alphabet.
    for (const w of ['Kểt', 'hỏc', 'tẫp', 'sảch', 'kàn', 'ghá', 'ngià', 'file', 'aă', 'tiê']) expect(isVietnameseSyllable(w), w).toBe(false);
  });

  it('scores real documents near 100% and the same texts through a broken font map far lower', () => {
    for (const text of seeds) {
      expect(vietnameseShare(text)!).toBeGreaterThan(0.97);
      expect(textLayerQuality(text)).toBe('sound');
      // A map that shifts some tones leaves many words still syllables (`cua`, `Uy`): doubtful, read again by OCR.
      expect(textLayerQuality(garble(text))).not.toBe('sound');
    }
  });

  it('calls a layer that lost most of its marks garbled', () => {
    const stripped = seeds[1]!.normalize('NFD').replace(/[\u0300\u0301\u0303\u0309\u0323]/gu, '').normalize('NFC');
    expect(isGarbledVietnamese(stripped)).toBe(true);
  });

  it('leaves out abbreviations, and does not judge short or non-Vietnamese text', () => {
    expect(scoreSyllables('UBND HĐND QĐ TTr T/M Kết luận').words).toBe(2);
    expect(vietnameseShare('Kểt luận cua')).toBeNull();
    expect(vietnameseShare('The quick brown fox jumps over the lazy dog. '.repeat(10))).toBeNull();
  });

  it('does not weigh markup, code, addresses or e-mails quoted in a sound text, but still finds a broken map beside them', () => {
    const quoted = ' <script>window.__x = 1</script><img src=x onerror="alert(2)"> https://www.example.org/tin-tuc van.thu@tinhuy.vn';
    expect(scoreSyllables(quoted).words).toBe(0);
    const short = seeds[0]!.split('\n').slice(0, 12).join('\n');
    expect(textLayerQuality(short + quoted.repeat(3))).toBe(textLayerQuality(short));
    const broken = garble(seeds[0]!);
    expect(textLayerQuality(broken)).not.toBe('sound');
    expect(textLayerQuality(broken + quoted)).toBe(textLayerQuality(broken));
  });
});
