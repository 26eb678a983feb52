/**
 * A fonds to arrange: a dissolved district committee and its successor, each with a fonds; yearly
 * files (hồ sơ) with their dates; generated party documents written straight through the
 * repositories (and indexed), some secret, some waiting for review, some unfiled — as an intake
 * looks before it is arranged. Used by the bulk tests and by the end-to-end tests, which build
 * their host's catalogue with it before starting the host.
 */
import type { Catalogue } from '../../electron/data/catalogue';
import { documentFieldsOf } from '../bench/corpus/documentFields';
import { generateDocuments } from '../bench/corpus/generate';

export interface ArrangementOptions {
  count?: number;
  /** How many documents carry their full text (the rest metadata only); default all. */
  texts?: number;
  seed?: number;
}

/** What `seedArrangement` wrote. */
export interface Seeded {
  orgId: number;
  successorId: number;
  fondsId: number;
  otherFondsId: number;
  /** Files by year (each dated 1 January – 31 December). */
  fileByYear: Map<number, number>;
  /** Every document, in id order, with its year and whether it is secret / waiting for review. */
  docs: Array<{ id: number; fondsId: number; fileId: number | null; year: number; docType: string | null; secret: boolean; review: boolean }>;
}

/** Writes the records into an open catalogue, in one transaction. */
export function seedArrangement(catalogue: Catalogue, o: ArrangementOptions = {}): Seeded {
  const { repos } = catalogue;
  const now = catalogue.now();
  const docs: Seeded['docs'] = [];
  const fileByYear = new Map<number, number>();
  const count = o.count ?? 60;
  return catalogue.transaction(() => {
    const orgId = repos.organizations.insert({ name: 'Huyện ủy Krông Pắc', level: 'district', endDate: '2025-06-30' }, now);
    const successorId = repos.organizations.insert({ name: 'Đảng ủy xã Krông Pắc', level: 'commune', startDate: '2025-07-01' }, now);
    const fondsId = repos.fonds.insert({ code: 'HU-KP', name: 'Phông Huyện ủy Krông Pắc', organizationId: orgId, status: 'closed' }, now);
    const otherFondsId = repos.fonds.insert({ code: 'DU-KP', name: 'Phông Đảng ủy xã Krông Pắc', organizationId: successorId, status: 'open' }, now);
    for (const year of [2022, 2023, 2024, 2025]) {
      const id = repos.files.insert(
        { fondsId, code: String(year - 2021), title: `Văn bản của Huyện ủy năm ${year}`, startDate: `${year}-01-01`, endDate: `${year}-12-31`, retentionCode: year === 2025 ? null : 'VV' },
        now,
      );
      fileByYear.set(year, id);
    }
    const texts = Math.min(count, o.texts ?? count);
    const all = [...generateDocuments({ count: texts, seed: o.seed ?? 7 }), ...(count > texts ? generateDocuments({ count: count - texts, seed: o.seed ?? 7, startIndex: texts, withText: false }) : [])];
    let i = 0;
    for (const d of all) {
      // Dates spread over 2022–2025 so the yearly files hold them.
      const year = 2022 + (i % 4);
      const issueDate = `${year}${d.truth.issueDate ? d.truth.issueDate.slice(4) : '-06-15'}`.replace(/-02-29$/, '-02-28');
      const inOther = i % 10 === 9;
      const unfiled = !inOther && i % 5 === 1;
      const docFonds = inOther ? otherFondsId : fondsId;
      const fileId = inOther || unfiled ? null : fileByYear.get(year)!;
      const secret = i % 12 === 3;
      const review = i % 3 === 0;
      const fields = documentFieldsOf({ ...d.truth, issueDate }, { fondsId: docFonds, fileId, orderInFile: null, sheetNumber: null, securityLevel: secret ? 'mat' : null, fullText: d.text.normalize('NFC') });
      const id = repos.documents.insert({ ...fields, reviewFields: review ? ['issuer', 'signerName'] : [] }, now);
      repos.searchIndex.upsert(id, { body: fields.fullText });
      docs.push({ id, fondsId: docFonds, fileId, year, docType: fields.docType, secret, review });
      i++;
    }
    return { orgId, successorId, fondsId, otherFondsId, fileByYear, docs };
  });
}

