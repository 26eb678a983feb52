import fs from 'node:fs';
import path from 'node:path';
import { fold } from '../../../shared/text/fold';
import { corpusOrganizations, type CorpusOrganization } from './organizations';
import { citationOf, planDocument, type CitationPlan, type DocPlan, type PlanContext } from './plan';
import { Rng } from './prng';
import { renderDocument } from './render';

/**
 * A deterministic generator of party documents that look like a provincial archive's: many
 * issuers across provinces, districts and communes (with the 2025 mergers), every party type with
 * per-issuer, per-type, per-term number sequences, dates 1990–2025, signers who hold their posts
 * for a term, citations of earlier generated documents and of central and State documents,
 * security and urgency marks, recipients, and bodies recombining phrase banks with sentences of
 * the real seed documents. Same seed → same documents, byte for byte.
 *
 * Used by the search benchmark (`tests/bench/search.ts`) and the import benchmark.
 */

export interface GeneratedDocument {
  /** e.g. `000123_ket-luan-45-kl-hu.txt`. */
  fileName: string;
  /** The full document text in the layout of domain.md ('' when `withText` is false). */
  text: string;
  truth: {
    numberSymbol: string | null;
    docType: string;
    issuer: string;
    parentIssuer: string | null;
    issueDate: string | null;
    place: string | null;
    subject: string;
    signerName: string | null;
    signerTitle: string | null;
    signingAuthority: string | null;
    securityLevel: 'mat' | 'toi_mat' | 'tuyet_mat' | null;
    citations: string[];
    /** Added beside the agreed fields: the urgency mark, `Kính gửi` and `Nơi nhận` items. */
    urgency: 'khan' | 'thuong_khan' | 'hoa_toc' | null;
    addressees: string[];
    recipients: string[];
  };
  /** Code of the fonds the document belongs to (see {@link corpusOrganizations}). */
  fondsCode: string;
  /** Its position in the stream (0-based). */
  index: number;
  /** The date the document carries (also when its dateline was left blank), for filing. */
  date: string;
}

export interface GenerateOptions {
  count: number;
  seed?: number;
  /** Render the text (default true); false gives metadata only, much faster. */
  withText?: boolean;
  /** First index to yield; earlier documents are planned (not rendered) so sequences agree. */
  startIndex?: number;
}

export { corpusOrganizations, corpusFonds, type CorpusOrganization, type CorpusFonds } from './organizations';

const FIRST = '1990-01-01';
const LAST = '2025-12-31';
const DAY = 86_400_000;
const POOL = 400;

function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
}
function isoOf(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

function slug(s: string): string {
  return fold(s).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** The running state: who issues, number sequences, what may be cited. */
class GeneratorState implements PlanContext {
  private readonly orgs: CorpusOrganization[];
  private readonly cumulative: number[];
  private readonly spans: Array<[number, number]>;
  private readonly used = new Map<string, Set<number>>();
  private readonly pools = new Map<string, CitationPlan[]>();
  private readonly poolNext = new Map<string, number>();
  readonly communesByProvince = new Map<string, string[]>();
  readonly districtsByProvince = new Map<string, string[]>();

  constructor(readonly seed: number) {
    this.orgs = corpusOrganizations(seed);
    const first = dayNumber(FIRST);
    const last = dayNumber(LAST);
    this.spans = this.orgs.map((o) => [Math.max(first, o.startDate ? dayNumber(o.startDate) : first), Math.min(last, o.endDate ? dayNumber(o.endDate) : last)]);
    let total = 0;
    this.cumulative = this.orgs.map((o, i) => {
      const [a, b] = this.spans[i]!;
      total += o.weight * Math.max(0, b - a + 1) / 365;
      return total;
    });
    for (const o of this.orgs) {
      if (o.level === 'commune') push(this.communesByProvince, o.province, o.place);
      if (o.level === 'district') push(this.districtsByProvince, o.province, o.place);
    }
  }

  /** Picks the issuer by volume of records, then a day in its life (later years busier). */
  choose(index: number): { org: CorpusOrganization; date: string } {
    const rng = Rng.of(this.seed, index, 'who');
    const total = this.cumulative[this.cumulative.length - 1]!;
    const r = rng.next() * total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    const [a, b] = this.spans[lo]!;
    const first = dayNumber(FIRST);
    let day = a;
    for (let k = 0; k < 8; k++) {
      day = rng.int(a, b);
      // Density rises from 0.4 in 1990 to 1.0 in 2025: recent years hold more records.
      if (rng.next() < 0.4 + 0.6 * ((day - first) / (365 * 36))) break;
    }
    return { org: this.orgs[lo]!, date: isoOf(day) };
  }

  numberNear(org: CorpusOrganization, abbr: string, term: number, wanted: number): number {
    const key = `${org.code}|${abbr}|${term}`;
    let used = this.used.get(key);
    if (!used) {
      used = new Set();
      this.used.set(key, used);
    }
    let n = Math.max(1, wanted);
    while (used.has(n)) n++;
    used.add(n);
    return n;
  }

  earlier(province: string): readonly CitationPlan[] {
    return this.pools.get(province) ?? [];
  }

  remember(p: DocPlan): void {
    const c = citationOf(p);
    if (!c) return;
    const pool = this.pools.get(p.org.province) ?? [];
    this.pools.set(p.org.province, pool);
    if (pool.length < POOL) pool.push(c);
    else {
      const at = this.poolNext.get(p.org.province) ?? 0;
      pool[at] = c;
      this.poolNext.set(p.org.province, (at + 1) % POOL);
    }
  }

  communeOf(rng: Rng, org: CorpusOrganization): string {
    return rng.pick(this.communesByProvince.get(org.province) ?? [org.place]);
  }

  plan(index: number): DocPlan {
    const { org, date } = this.choose(index);
    const p = planDocument(index, org, date, this);
    this.remember(p);
    return p;
  }
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function toGenerated(p: DocPlan, text: string): GeneratedDocument {
  const typeSlug = slug(p.typeName);
  const numSlug = p.numberSymbol ? slug(p.numberSymbol) : 'khong-so';
  return {
    fileName: `${String(p.index).padStart(6, '0')}_${typeSlug}-${numSlug}.txt`,
    text,
    truth: {
      numberSymbol: p.numberSymbol,
      docType: p.typeName,
      issuer: p.headerless ? `BAN THƯỜNG VỤ ${p.org.committeeWord}` : p.org.headerIssuer,
      parentIssuer: p.headerless ? null : p.org.headerParent,
      issueDate: p.headerless || p.draftDate ? null : p.date,
      place: p.headerless ? null : p.org.place,
      subject: p.subject,
      signerName: p.signerName,
      signerTitle: p.signerTitle,
      signingAuthority: p.authority.length > 0 ? p.authority.join(' ') : null,
      securityLevel: p.security,
      citations: p.citations.map((c) => c.symbol),
      urgency: p.headerless ? null : p.urgency,
      addressees: p.addressees,
      recipients: p.recipients,
    },
    fondsCode: p.org.fondsCode,
    index: p.index,
    date: p.date,
  };
}

/** Documents `startIndex … startIndex + count - 1` of the stream for `seed` (default 1). */
export function* generateDocuments(options: GenerateOptions): Generator<GeneratedDocument> {
  const seed = options.seed ?? 1;
  const start = options.startIndex ?? 0;
  const end = start + Math.max(0, options.count);
  const withText = options.withText !== false;
  const state = new GeneratorState(seed);
  for (let i = 0; i < end; i++) {
    const p = state.plan(i);
    if (i < start) continue;
    const text = withText
      ? renderDocument(p, {
          rng: Rng.of(seed, i, 'text'),
          communes: state.communesByProvince.get(p.org.province) ?? [p.org.place],
          districts: state.districtsByProvince.get(p.org.province) ?? [p.org.place],
        })
      : '';
    yield toGenerated(p, text);
  }
}

/**
 * Writes `count` documents as `.txt` files into `dir`, with `truth.jsonl` (one line per file:
 * fileName, fondsCode, truth) and `organizations.json` (the bodies and their lineage).
 */
export function writeCorpus(dir: string, options: { count: number; seed?: number }): { files: number; bytes: number } {
  fs.mkdirSync(dir, { recursive: true });
  const truth = fs.openSync(path.join(dir, 'truth.jsonl'), 'w');
  let files = 0;
  let bytes = 0;
  try {
    for (const d of generateDocuments({ count: options.count, seed: options.seed })) {
      const buf = Buffer.from(d.text, 'utf8');
      fs.writeFileSync(path.join(dir, d.fileName), buf);
      fs.writeSync(truth, JSON.stringify({ fileName: d.fileName, fondsCode: d.fondsCode, truth: d.truth }) + '\n');
      files++;
      bytes += buf.length;
    }
  } finally {
    fs.closeSync(truth);
  }
  fs.writeFileSync(path.join(dir, 'organizations.json'), JSON.stringify(corpusOrganizations(options.seed ?? 1), null, 1));
  return { files, bytes };
}
