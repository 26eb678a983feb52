import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_DOC_TYPES } from '../../../shared/domain/docTypes';
import { gluedTypeNameLength, isCapitals, typeTitleLength } from '../../../shared/parser/lexicon';
import { fold } from '../../../shared/text/fold';
import { generateDocuments } from '../../bench/corpus/generate';
import { SEEDS_DIR } from '../../support/paths';

/**
 * The type-word checks rule most lines out from their first units, unfolded; what they answer must
 * be what folding the whole head (its first 40 units) and trying every type name answers.
 */
const NAMES = [...new Set(ALL_DOC_TYPES.map((t) => fold(t.name)))].sort((a, b) => b.length - a.length);

function reference(text: string): { glued: number; title: number } {
  const head = text.slice(0, 40);
  const folded = fold(head);
  if (folded.length !== head.length) return { glued: 0, title: 0 };
  for (const name of NAMES) {
    const n = name.length;
    if (folded.startsWith(name) && /^\p{Lu}\p{Ll}/u.test(head.slice(n, n + 2)) && isCapitals(head.slice(0, n), 3)) return { glued: n, title: n };
  }
  for (const name of NAMES) {
    const n = name.length;
    if (folded.startsWith(name) && /^ \p{Lu}/u.test(head.slice(n, n + 2)) && isCapitals(head.slice(0, n), 3)) return { glued: 0, title: n };
  }
  return { glued: 0, title: 0 };
}

function heads(): string[] {
  const texts = fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(SEEDS_DIR, f), 'utf8'));
  for (const d of generateDocuments({ count: 40, seed: 11 })) texts.push(d.text);
  const out: string[] = [];
  for (const t of texts) for (let at = 0; at < t.length; at = t.indexOf('\n', at) + 1 || t.length) out.push(t.slice(at, at + 60));
  for (const t of ALL_DOC_TYPES) {
    const name = t.name;
    out.push(`${name} VỀ CÔNG TÁC`, `${name}Về việc`, name, name.toLowerCase(), `${name.normalize('NFD')} VỀ VIỆC`);
    // A combining mark after each of the name's first units: NFC may compose it with that unit.
    for (let i = 1; i <= 3; i++) out.push(`${name.slice(0, i)}\u0301${name.slice(i)} VỀ VIỆC`, `${name.slice(0, i)}\u0323${name.slice(i)}Về`);
  }
  out.push('', 'Q', 'Đ', 'ĐỀ ÁN TỔNG THỂ', '\ud800QUYẾT ĐỊNH', 'QUYẾT\udc00 ĐỊNH VỀ', 'A\u030a', 'İ QUYẾT ĐỊNH', 'ﬁ BÁO CÁO', 'ǄQUYẾT');
  return out;
}

describe('type-word checks on a line head', () => {
  it('answer what folding the whole head answers, for decomposed, lone-surrogate and lower-case heads too', () => {
    const all = heads();
    const got = all.map((h) => ({ glued: gluedTypeNameLength(h), title: typeTitleLength(h) }));
    expect(got).toEqual(all.map(reference));
    expect(got.filter((g) => g.title > 0).length).toBeGreaterThan(50);
    expect(got.filter((g) => g.glued > 0).length).toBeGreaterThan(10);
  });
});
