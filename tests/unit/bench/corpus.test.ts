import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../shared/parser/parseDocument';
import { corpusFonds, corpusOrganizations, generateDocuments, writeCorpus, type GeneratedDocument } from '../../bench/corpus/generate';

const take = (n: number, seed: number, extra: { startIndex?: number; withText?: boolean } = {}) => [...generateDocuments({ count: n, seed, ...extra })];

/** As the seeds' README says: whitespace, letter case and trailing punctuation ignored. */
function norm(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.map(norm);
  return String(v).normalize('NFC').replace(/\s+/g, ' ').trim().replace(/[\s,.;:]+$/, '').toLowerCase();
}

const FIELDS = ['numberSymbol', 'docType', 'issuer', 'parentIssuer', 'issueDate', 'place', 'subject', 'signerName', 'signerTitle', 'signingAuthority', 'securityLevel', 'citations', 'urgency', 'addressees', 'recipients'] as const;

describe('corpus generator', () => {
  it('gives the same documents for the same seed and different ones for another seed', () => {
    const a = take(120, 11);
    const b = take(120, 11);
    expect(b).toEqual(a);
    const c = take(120, 12);
    expect(c.map((d) => d.text)).not.toEqual(a.map((d) => d.text));
  });

  it('yields from startIndex exactly what a full run yields there, and the same truth without text', () => {
    const full = take(200, 5);
    const tail = take(40, 5, { startIndex: 160 });
    expect(tail).toEqual(full.slice(160));
    const meta = take(200, 5, { withText: false });
    expect(meta.map((d) => d.truth)).toEqual(full.map((d) => d.truth));
    expect(meta.every((d) => d.text === '')).toBe(true);
  });

  it('writes documents the parser reads back to their truth', () => {
    const docs = take(600, 21);
    const mismatches: string[] = [];
    for (const d of docs) {
      const r = parseDocument(d.text);
      const got: Record<string, unknown> = { ...r.metadata, securityLevel: r.securityLevel, urgency: r.urgency };
      for (const f of FIELDS) {
        if (JSON.stringify(norm(got[f])) !== JSON.stringify(norm(d.truth[f]))) {
          mismatches.push(`${d.fileName} ${f}: parsed ${JSON.stringify(got[f])}, truth ${JSON.stringify(d.truth[f])}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('looks like a provincial archive: many issuers, every type, names, dates, marks, citations, 1–30 KB', () => {
    const docs = take(3000, 2);
    const distinct = (f: (d: GeneratedDocument) => unknown) => new Set(docs.map(f).filter((x) => x !== null)).size;
    expect(distinct((d) => `${d.truth.issuer}|${d.truth.parentIssuer}`)).toBeGreaterThan(800);
    expect(distinct((d) => d.fondsCode)).toBeGreaterThan(700);
    expect(distinct((d) => d.truth.docType)).toBe(15);
    expect(distinct((d) => d.truth.signerName)).toBeGreaterThan(1000);
    expect(distinct((d) => d.truth.place)).toBeGreaterThan(300);
    const years = docs.map((d) => Number(d.date.slice(0, 4)));
    expect(Math.min(...years)).toBe(1990);
    expect(Math.max(...years)).toBe(2025);
    for (const level of ['mat', 'toi_mat', 'tuyet_mat'] as const) expect(docs.some((d) => d.truth.securityLevel === level)).toBe(true);
    expect(docs.some((d) => d.truth.citations.some((c) => /^\d+\/\d{4}\/NĐ-CP$/.test(c)))).toBe(true);
    // Earlier generated documents are cited, not only the fixed central and State lists.
    const own = new Set(docs.map((d) => d.truth.numberSymbol));
    expect(docs.filter((d) => d.truth.citations.some((c) => own.has(c) && !c.endsWith('/TW'))).length).toBeGreaterThan(300);
    const sizes = docs.map((d) => Buffer.byteLength(d.text));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1000);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(30 * 1024);
    // Numbers run per issuer, type and term: no body gives one number twice in a term.
    const keys = docs.filter((d) => d.truth.numberSymbol).map((d) => `${d.fondsCode}|${d.truth.issuer}|${d.truth.numberSymbol}|${Math.floor((Number(d.date.slice(0, 4)) - 1990) / 5)}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('names its organizations and fonds with the 2025 lineage', () => {
    const orgs = corpusOrganizations(1);
    const codes = new Set(orgs.map((o) => o.code));
    expect(codes.size).toBe(orgs.length);
    for (const o of orgs) for (const s of o.successorCodes) expect(codes.has(s), `${o.code} → ${s}`).toBe(true);
    const districts = orgs.filter((o) => o.level === 'district');
    expect(districts.every((d) => d.endDate === '2025-06-30' && d.successorCodes.length > 0)).toBe(true);
    const fondsCodes = new Set(corpusFonds(1).map((f) => f.code));
    for (const d of take(300, 1, { withText: false })) expect(fondsCodes.has(d.fondsCode)).toBe(true);
  });

  it('writes a corpus folder with its truth', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kholuu-corpus-'));
    const result = writeCorpus(dir, { count: 25, seed: 4 });
    const txt = fs.readdirSync(dir).filter((f) => f.endsWith('.txt'));
    expect(txt).toHaveLength(25);
    expect(result.files).toBe(25);
    expect(result.bytes).toBe(txt.reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0));
    const lines = fs.readFileSync(path.join(dir, 'truth.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { fileName: string });
    expect(lines.map((l) => l.fileName).sort()).toEqual(txt.sort());
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
