import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractText } from '../../../electron/services/import/extractText';
import { parseDocument } from '../../../shared/parser/parseDocument';
import { FORMATS_DIR, loadVariants } from '../../fixtures/formats/manifest';
import { actualValue, comparable, COMPARED_FIELDS, FIXTURES_DIR, hasField, loadCorpus, SEEDS_DIR, type TruthEntry } from '../parser/truthHarness';

// Every committed variant of a seed or fixture (tests/fixtures/formats, made by make.ts: other
// encodings, .docx and .pdf by LibreOffice, old-Word fonts, a scan) reads through extractText as
// its source does: same metadata field by field, and the reading says how it was read.

const truth = new Map<string, TruthEntry>();
for (const c of [loadCorpus('seeds', SEEDS_DIR), loadCorpus('fixtures', FIXTURES_DIR)]) for (const e of c.entries) truth.set(`${c.name}/${e.file}`, e);
const variants = loadVariants();

describe('format and encoding variants read as their source', () => {
  it('covers every source in every encoding, as .docx and .pdf, plus old-Word fonts and a scan', () => {
    for (const source of truth.keys()) {
      const kinds = variants.filter((v) => v.source === source).map((v) => (v.kind === 'encoding' ? v.encoding + (v.conversions.includes('nfd→nfc') ? '-nfd' : '') : v.kind));
      for (const k of ['utf-8-nfd', 'utf-16le', 'utf-16be', 'windows-1258', 'tcvn3', 'vni', 'docx', 'pdf']) expect(kinds, source).toContain(k);
    }
    expect(variants.filter((v) => v.kind === 'docx-legacy').length).toBeGreaterThanOrEqual(27);
    expect(variants.filter((v) => v.kind === 'pdf-legacy').length).toBeGreaterThanOrEqual(9);
    expect(variants.filter((v) => v.kind === 'scan')).toHaveLength(1);
  });

  for (const v of variants) {
    it(`${v.file} (${v.kind}, ${v.encoding})`, async () => {
      const extracted = await extractText(v.file, readFileSync(path.join(FORMATS_DIR, v.file)));
      expect(extracted.encoding).toBe(v.encoding);
      expect([...extracted.conversions].sort()).toEqual([...v.conversions].sort());
      expect(extracted.needsOcr).toBe(v.needsOcr);
      if (v.needsOcr) {
        // A scan: nothing read, nothing guessed.
        expect(extracted.text).toBe('');
        const parsed = parseDocument(extracted.text);
        for (const field of COMPARED_FIELDS) expect(comparable(field, actualValue(parsed, field)) ?? []).toEqual([]);
        return;
      }
      expect(extracted.text.normalize('NFC')).toBe(extracted.text);
      const entry = truth.get(v.source)!;
      const parsed = parseDocument(extracted.text);
      const wrong: string[] = [];
      for (const field of COMPARED_FIELDS) {
        const expected = comparable(field, hasField(entry, field) ? entry[field] : null);
        const actual = comparable(field, actualValue(parsed, field));
        if (JSON.stringify(expected ?? []) !== JSON.stringify(actual ?? [])) wrong.push(`${field}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
      }
      expect(wrong).toEqual([]);
    });
  }
});
