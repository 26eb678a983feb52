import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gluedNameAt } from '../../../shared/parser/columns';
import { generateDocuments } from '../../bench/corpus/generate';
import { SEEDS_DIR } from '../../support/paths';

/** The rule as written: after two capitals, a capital followed by a small letter. */
const GLUED = /(?<=\p{Lu}{2})(?=\p{Lu}\p{Ll})/u;
const byExpression = (text: string) => GLUED.exec(text)?.index ?? -1;

describe('a capital title glued to a name', () => {
  it('is found where the expression finds it, whatever letter, mark or sign stands in each place', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const u = String.fromCharCode(c);
      for (const text of [`PHÒNG${u}hái`, `PH${u}Thái`, `P${u}NGThái`, `${u}ÁNH VĂN PHÒNGThái`, `CHÁNH VĂN PHÒNG${u}`, `VĂN PHÒNGT${u}`]) {
        if (gluedNameAt(text) !== byExpression(text)) wrong.push(JSON.stringify(text));
      }
    }
    expect(wrong).toEqual([]);
  });

  it('is found where the expression finds it in the seeds, generated documents and texts with astral letters', () => {
    const texts = fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(SEEDS_DIR, f), 'utf8'));
    for (const d of generateDocuments({ count: 30, seed: 5 })) texts.push(d.text);
    const lines = texts.flatMap((t) => t.split('\n'));
    lines.push('CHÁNH VĂN PHÒNGThái Hữu Phép', 'PHÓ BÍ THƯNguyễn Văn A', '𝐀𝐁CDef', 'AB𝐂d', 'ABC𝐝', 'ABCd', 'AB', '', 'ÀÁÂÃe');
    const got = lines.map(gluedNameAt);
    expect(got).toEqual(lines.map(byExpression));
    expect(got.filter((i) => i >= 0).length).toBeGreaterThan(2);
  });
});
