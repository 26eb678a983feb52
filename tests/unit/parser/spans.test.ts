import { describe, expect, it } from 'vitest';
import { docTypeByAbbr } from '../../../shared/domain/docTypes';
import { normalizeNumberSymbol } from '../../../shared/domain/numberSymbol';
import { parseVietnameseDate } from '../../../shared/parser/dateLine';
import { parseDocument } from '../../../shared/parser/parseDocument';
import type { IncomingStamp, MetadataField } from '../../../shared/parser/types';
import { cleanSpanText } from './helpers';
import { FIXTURES_DIR, loadCorpus, norm, readDocument, SEEDS_DIR } from './truthHarness';

// Every extracted value must be found at its span in the (NFC) input: the text there, cleaned of
// markdown, is the value. Dates and a type taken from the number are checked by what they mean.
const corpora = [loadCorpus('seeds', SEEDS_DIR), loadCorpus('fixtures', FIXTURES_DIR)];

const same = (a: string, b: string): boolean => norm(cleanSpanText(a)) === norm(b);

describe('spans point at the values in the input', () => {
  for (const corpus of corpora) {
    for (const entry of corpus.entries) {
      it(`${corpus.name}/${entry.file}`, () => {
        const text = readDocument(corpus, entry).normalize('NFC');
        const r = parseDocument(text);
        const at = (field: MetadataField): string[] =>
          (r.spans[field] ?? []).map((s) => {
            expect(s.start).toBeGreaterThanOrEqual(0);
            expect(s.end).toBeLessThanOrEqual(text.length);
            expect(s.end).toBeGreaterThan(s.start);
            return text.slice(s.start, s.end);
          });
        const m = r.metadata;
        for (const field of ['numberSymbol', 'issuer', 'parentIssuer', 'place', 'subject', 'signingAuthority', 'signerTitle', 'signerName'] as const) {
          const v = m[field];
          const got = at(field);
          if (v === null) {
            expect(got, field).toEqual([]);
            continue;
          }
          expect(got, field).toHaveLength(1);
          const spanText = field === 'numberSymbol' ? normalizeNumberSymbol(got[0]!)! : got[0]!;
          expect(same(spanText, v), `${field}: "${got[0]}" vs "${v}"`).toBe(true);
        }
        for (const field of ['addressees', 'recipients'] as const) {
          const got = at(field);
          expect(got, field).toHaveLength(m[field].length);
          got.forEach((g, i) => expect(same(g, m[field][i]!), `${field}[${i}]: "${g}"`).toBe(true));
        }
        if (m.docType) {
          const [g] = at('docType');
          expect(same(g!, m.docType) || docTypeByAbbr(g!)?.name === m.docType, `docType at "${g}"`).toBe(true);
        }
        if (m.issueDate) expect(parseVietnameseDate(at('issueDate')[0]!)).toBe(m.issueDate);
        else expect(at('issueDate')).toEqual([]);
        expect(at('citations').map((g) => normalizeNumberSymbol(g))).toEqual(m.citations);
        expect(r.citationDetails.map((c) => text.slice(c.span.start, c.span.end)).map((g) => normalizeNumberSymbol(g))).toEqual(m.citations);
        if (m.incomingStamp) {
          const [g] = at('incomingStamp');
          const s: IncomingStamp = m.incomingStamp;
          for (const part of [s.receiver, s.number, s.date]) if (part) expect(g, 'incomingStamp').toContain(part);
        }
      });
    }
  }
});
