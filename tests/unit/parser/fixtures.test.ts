import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../shared/parser/parseDocument';
import { actualValue, comparable, COMPARED_FIELDS, FIXTURES_DIR, hasField, loadCorpus, readDocument } from './truthHarness';

// Invented documents in the real layout (tests/fixtures/documents), checked like the seeds, plus
// the security and urgency marks.
const corpus = loadCorpus('fixtures', FIXTURES_DIR);

describe('fixture documents match their truth.json', () => {
  it('has at least 15 fixtures', () => {
    expect(corpus.entries.length).toBeGreaterThanOrEqual(15);
  });
  for (const entry of corpus.entries) {
    const result = parseDocument(readDocument(corpus, entry));
    describe(entry.file, () => {
      for (const field of COMPARED_FIELDS) {
        if (!hasField(entry, field)) continue;
        it(field, () => {
          expect(comparable(field, actualValue(result, field))).toEqual(comparable(field, entry[field]));
        });
      }
    });
  }
});
