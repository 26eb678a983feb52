import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gluedTypeNameLength, typeTitleLength, withTypeHeadMemo } from '../../../shared/parser/lexicon';
import { generateDocuments } from '../../bench/corpus/generate';
import { SEEDS_DIR } from '../../support/paths';

/** Every line start of the seeds and of generated documents, plus heads that differ only past the 40th unit. */
function lineHeads(): string[] {
  const texts = fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(SEEDS_DIR, f), 'utf8'));
  for (const d of generateDocuments({ count: 40, seed: 7 })) texts.push(d.text);
  const heads: string[] = [];
  for (const t of texts) for (let at = 0; at < t.length; at = t.indexOf('\n', at) + 1 || t.length) heads.push(t.slice(at, at + 60));
  heads.push('QUYẾT ĐỊNHVề việc thành lập', 'QUYẾT ĐỊNH BAN HÀNH QUY CHẾ', 'KẾT LUẬN CỦA BAN THƯỜNG VỤ', 'Kết luận số 1485-KL/TU', 'NGHỊ QUYẾT');
  // Heads alike up to their last units: a decomposed letter inside the 40 units looked at
  // (folding would not keep offsets) is answered 0, the same head without it is not.
  const title = 'QUYẾT ĐỊNH BAN HÀNH QUY CHẾ LÀM VIỆC CỦA BAN CHẤP HÀNH';
  heads.push(title, `${title.slice(0, 38)}e\u0301${title.slice(39)}`, title.slice(0, 40));
  return heads;
}

describe('type-word checks within one parse', () => {
  it('answer as they do outside it, a head asked again included', () => {
    const heads = lineHeads();
    const plain = heads.map((h) => [typeTitleLength(h), gluedTypeNameLength(h)]);
    expect(plain.some(([t]) => t! > 0)).toBe(true);
    expect(plain.some(([, g]) => g! > 0)).toBe(true);
    const remembered = withTypeHeadMemo(() => [...heads, ...heads].map((h) => [typeTitleLength(h), gluedTypeNameLength(h)]));
    expect(remembered).toEqual([...plain, ...plain]);
  });
});
