import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../shared/parser/parseDocument';
import { METADATA_FIELDS } from '../../../shared/parser/review';
import { actualValue, comparable, loadCorpus, readDocument, SEEDS_DIR } from './truthHarness';

// The five real seed documents against their hand-checked metadata: every field must match.
const corpus = loadCorpus('seeds', SEEDS_DIR);

describe('seed documents match truth.json', () => {
  it('has the five seeds', () => {
    expect(corpus.entries).toHaveLength(5);
  });
  for (const entry of corpus.entries) {
    const result = parseDocument(readDocument(corpus, entry));
    describe(entry.file, () => {
      for (const field of METADATA_FIELDS) {
        it(field, () => {
          expect(comparable(field, actualValue(result, field))).toEqual(comparable(field, entry[field]));
        });
      }
    });
  }
});
