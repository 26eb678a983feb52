import { fold } from '../../../shared/text/fold';
import { numberSymbolKey } from '../../../shared/domain/numberSymbol';
import { Rng } from '../corpus/prng';
import type { GeneratedDocument } from '../corpus/generate';

/**
 * The benchmark's fixed query set, drawn (seeded) from the catalogue's own truth: number-symbols
 * in four spellings, subjects with and without diacritics, quoted phrases, names, places, words
 * being typed, typos, FTS syntax, filters, sorts. Queries with a known right answer carry it.
 */

export interface BenchQuery {
  kind: string;
  text: string;
  typing?: boolean;
  filters?: Record<string, unknown>;
  sort?: 'relevance' | 'date_desc' | 'date_asc' | 'number';
  /** Document ids any of which is the right answer (must be in the top 3). */
  answer?: number[];
}

export interface QuerySetInput {
  /** Metadata of every document, id = index + 1. */
  docs: GeneratedDocument[];
  /** Documents with full text: ids 1..texts. */
  texts: number;
  seed: number;
  fondsIdOf: (code: string) => number;
}

const PHRASES = ['sầu riêng', 'bàn giao tài liệu', 'chuyển đổi số', 'nông thôn mới', 'kỷ luật đảng viên', 'đất công ích', 'phòng cháy, chữa cháy', 'đồng bào dân tộc thiểu số', 'bảo vệ bí mật nhà nước', 'kiểm tra, giám sát', 'giảm nghèo bền vững', 'người có uy tín'];
const BROAD = ['tỉnh ủy', 'ban chấp hành', 'đảng viên', 'nghị quyết', 'công tác cán bộ', 'kinh tế - xã hội', 'ban thường vụ huyện ủy'];
const JUNK = ['"', 'bàn AND', 'NEAR(giao', '*', 'OR OR', '-giao', 'giao^', 'a:b', '(((', "'; DROP TABLE documents; --", 'tài liệu"', '{subject}: x'];

function transpose(word: string, rng: Rng): string {
  const i = rng.int(1, word.length - 3);
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

export function buildQuerySet(input: QuerySetInput): BenchQuery[] {
  const { docs, texts, seed } = input;
  const rng = Rng.of(seed, 'queries');
  const out: BenchQuery[] = [];
  const byNumber = new Map<string, number[]>();
  const bySubject = new Map<string, number[]>();
  docs.forEach((d, i) => {
    const id = i + 1;
    if (d.truth.numberSymbol) {
      const k = numberSymbolKey(d.truth.numberSymbol);
      (byNumber.get(k) ?? byNumber.set(k, []).get(k)!).push(id);
    }
    const s = fold(d.truth.subject);
    (bySubject.get(s) ?? bySubject.set(s, []).get(s)!).push(id);
  });
  const pickId = (from: number, to: number) => rng.int(from, to);
  const textDocs = Math.max(1, Math.min(texts, docs.length));

  // Number-symbols: unique ones have a known answer, in four spellings; bare numbers too.
  let numbers = 0;
  for (let tries = 0; numbers < 15 && tries < 10_000; tries++) {
    const id = pickId(1, docs.length);
    const ns = docs[id - 1]!.truth.numberSymbol;
    if (!ns || (byNumber.get(numberSymbolKey(ns)) ?? []).length !== 1) continue;
    const m = /^(\d+)-(\p{L}+)\/(\p{L}+)$/u.exec(ns);
    if (!m) continue;
    numbers++;
    out.push({ kind: 'number', text: ns, answer: [id] });
    out.push({ kind: 'number', text: `${m[1]} ${m[2]} ${m[3]}`, answer: [id] });
    out.push({ kind: 'number', text: `${m[2]}/${m[3]} ${m[1]}`, answer: [id] });
    out.push({ kind: 'number-bare', text: m[1]! });
  }
  // Subjects: unique ones are known answers; typed without diacritics, with them, and with a typo.
  let subjects = 0;
  for (let tries = 0; subjects < 15 && tries < 10_000; tries++) {
    const id = pickId(1, textDocs);
    const s = docs[id - 1]!.truth.subject;
    if ((bySubject.get(fold(s)) ?? []).length !== 1 || s.startsWith('V/v') || s.length < 30) continue;
    subjects++;
    out.push({ kind: 'subject-folded', text: fold(s), answer: [id] });
    out.push({ kind: 'subject-exact', text: s, answer: [id] });
  }
  // Typos: a unique subject typed without diacritics, two letters of one correctable word swapped.
  const typoRng = Rng.of(seed, 'typos');
  let typos = 0;
  for (let tries = 0; typos < 15 && tries < 20_000; tries++) {
    const id = typoRng.int(1, textDocs);
    const s = docs[id - 1]!.truth.subject;
    if ((bySubject.get(fold(s)) ?? []).length !== 1 || s.length < 30) continue;
    const words = fold(s).split(/\s+/);
    // Words of five letters or more, fixed here (not the search's own threshold), so that the
    // query set stays the same when that threshold moves and runs stay comparable.
    const long = words.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 5 && /^[a-z]+$/.test(w));
    if (long.length === 0) continue;
    const [w, i] = typoRng.pick(long);
    const typo = [...words];
    typo[i] = transpose(w, typoRng);
    if (typo[i] === w) continue;
    typos++;
    out.push({ kind: 'typo', text: typo.join(' '), answer: [id] });
  }
  for (const p of PHRASES) {
    out.push({ kind: 'phrase-quoted', text: `"${p}"` });
    out.push({ kind: 'words-exact', text: p });
    out.push({ kind: 'words-folded', text: fold(p) });
  }
  for (const b of BROAD) out.push({ kind: 'broad', text: b });
  // Names and places of signers and issuers.
  for (let k = 0; k < 12; k++) {
    const d = docs[pickId(1, docs.length) - 1]!;
    if (d.truth.signerName) out.push({ kind: 'name', text: k % 2 ? fold(d.truth.signerName) : d.truth.signerName });
    if (d.truth.place) out.push({ kind: 'place', text: `${d.truth.issuer.split(' ').slice(0, 2).join(' ').toLowerCase()} ${d.truth.place}` });
  }
  // As typed: a subject cut in the middle of a word.
  for (let k = 0; k < 20; k++) {
    const s = docs[pickId(1, textDocs) - 1]!.truth.subject;
    const cut = Math.min(s.length - 1, rng.int(8, 40));
    out.push({ kind: 'typing', text: s.slice(0, cut), typing: true });
  }
  for (const j of JUNK) out.push({ kind: 'syntax', text: j });
  // Filters with words, and without.
  for (let k = 0; k < 10; k++) {
    const d = docs[pickId(1, docs.length) - 1]!;
    const fondsId = input.fondsIdOf(d.fondsCode);
    const year = d.date.slice(0, 4);
    out.push({ kind: 'filter-fonds', text: rng.pick(['công văn', 'kế hoạch', 'báo cáo', 'đảng viên']), filters: { fondsIds: [fondsId] } });
    out.push({ kind: 'filter-type-date', text: rng.pick(PHRASES), filters: { docTypes: [d.truth.docType], dateFrom: `${year}-01-01`, dateTo: `${year}-12-31` } });
    out.push({ kind: 'filter-memory', text: rng.pick(BROAD), filters: { retentionClasses: ['permanent'], handoverStatuses: ['handed_over'], completion: ['completed'] } });
  }
  for (let k = 0; k < 5; k++) {
    const d = docs[pickId(1, docs.length) - 1]!;
    out.push({ kind: 'browse', text: '', filters: { fondsIds: [input.fondsIdOf(d.fondsCode)] } });
    out.push({ kind: 'browse', text: '', filters: { docTypes: [d.truth.docType], securityLevels: ['mat', 'toi_mat'] }, sort: 'date_asc' });
    out.push({ kind: 'sort', text: rng.pick(BROAD), sort: 'date_desc' });
    out.push({ kind: 'sort', text: rng.pick(PHRASES), sort: 'number' });
  }
  out.push({ kind: 'browse', text: '' });
  out.push({ kind: 'browse', text: '', sort: 'number' });
  return out;
}
