import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../shared/parser/parseDocument';
import { actualValue, comparable, COMPARED_FIELDS, FIXTURES_DIR, hasField, loadCorpus, readDocument, SEEDS_DIR } from './truthHarness';

// The rules follow the layout, not the files: every seed and fixture must still read the same
// after changes a converter could make without changing the layout.
const VARIANTS: Record<string, (t: string) => string> = {
  'markdown removed': (t) => t.replace(/\*\*/g, '').replace(/^#+\s*/gm, '').replace(/\\\*/g, '*'),
  'double-spaced': (t) => t.split('\n').join('\n\n'),
  'blank lines removed': (t) => t.replace(/\n\s*\n/g, '\n'),
  NFD: (t) => t.normalize('NFD'),
  CRLF: (t) => t.replace(/\r?\n/g, '\r\n'),
  indented: (t) => t.split('\n').map((l) => `  ${l}`).join('\n'),
  'trailing spaces': (t) => t.split('\n').map((l) => `${l}   `).join('\n'),
};

const corpora = [loadCorpus('seeds', SEEDS_DIR), loadCorpus('fixtures', FIXTURES_DIR)];

describe('layout-preserving variants read the same', () => {
  for (const [name, transform] of Object.entries(VARIANTS)) {
    it(name, () => {
      const wrong: string[] = [];
      for (const corpus of corpora) {
        for (const entry of corpus.entries) {
          const r = parseDocument(transform(readDocument(corpus, entry)));
          for (const field of COMPARED_FIELDS) {
            const expected = comparable(field, hasField(entry, field) ? entry[field] : null);
            const actual = comparable(field, actualValue(r, field));
            if (JSON.stringify(expected ?? []) !== JSON.stringify(actual ?? [])) {
              wrong.push(`${entry.file} ${field}: ${JSON.stringify(actual)}`);
            }
          }
        }
      }
      expect(wrong).toEqual([]);
    });
  }
});
