/**
 * The catalogue records a handover package carries (`data/catalogue/catalogue.json`), and the
 * schema a receiving Kho Lưu checks them against before it trusts a single value. Records refer
 * to each other by keys local to the package (`o12`, `f3`, `h40`, `d7`, `a7`), never by the
 * sender's database ids. Full texts travel beside it, one JSON line per document
 * (`data/catalogue/toan-van.jsonl`), so neither side ever holds all of them in memory.
 *
 * Version 1. Fields may be added in later versions; a reader ignores fields it does not know.
 */
import { z } from 'zod';
import type { ErrorMessage } from '../contract/errors';

export const PACKAGE_FORMAT = 'kholuu-handover';
export const PACKAGE_FORMAT_VERSION = 1;

export const CATALOGUE_JSON = 'data/catalogue/catalogue.json';
export const FULL_TEXT_JSONL = 'data/catalogue/toan-van.jsonl';
export const FILES_CSV = 'data/catalogue/ho-so.csv';
export const DOCUMENTS_CSV = 'data/catalogue/van-ban.csv';
export const FORMS_DIR = 'data/bieu-mau';
export const ORIGINALS_DIR = 'data/ban-goc';

const key = z.string().min(1).max(40);
const text = (max = 100_000) => z.string().max(max).nullable();
const date = z.iso.date().nullable();
const count = z.int().min(0).max(1_000_000_000).nullable();
const accessRegime = z.enum(['public', 'conditional', 'secret']).nullable();

export const packagedOrganization = z.object({
  key,
  code: text(50),
  name: z.string().min(1).max(500),
  level: z.enum(['central', 'province', 'district', 'commune', 'grassroots', 'agency', 'other']),
  parentKey: key.nullable(),
  startDate: date,
  endDate: date,
  notes: text(),
});

/** `kind` (kế thừa, hợp nhất, giải thể) is absent from packages written before it was recorded. */
export const packagedSuccession = z.object({ predecessorKey: key, successorKey: key, effectiveDate: date, basis: text(1_000), kind: z.enum(['succeeded', 'merged', 'dissolved']).optional() });

export const packagedRetention = z.object({
  code: z.string().min(1).max(20),
  retentionClass: z.enum(['permanent', 'fixed']),
  years: z.int().positive().max(1_000).nullable(),
  labelVi: z.string().min(1).max(100),
  labelEn: z.string().min(1).max(100),
});

export const packagedFonds = z.object({
  key,
  code: z.string().min(1).max(50),
  name: z.string().min(1).max(500),
  organizationKey: key,
  status: z.enum(['open', 'closed']),
  history: text(),
  accessRegime,
  language: text(50),
  notes: text(),
});

export const packagedFileList = z.object({ key, fondsKey: key, number: z.string().min(1).max(50), year: z.int().nullable(), title: text(500), notes: text() });

export const packagedFile = z.object({
  key,
  fondsKey: key,
  fileListKey: key.nullable(),
  code: z.string().min(1).max(100),
  title: z.string().min(1).max(1_000),
  startDate: date,
  endDate: date,
  retentionCode: z.string().min(1).max(20).nullable(),
  completion: z.enum(['completed', 'unfinished']).nullable(),
  box: text(50),
  sheetCount: count,
  pageCount: count,
  accessRegime,
  language: text(50),
  keywords: text(1_000),
  physicalCondition: text(1_000),
  notes: text(),
});

export const packagedDocument = z.object({
  key,
  fondsKey: key,
  fileKey: key.nullable(),
  orderInFile: count,
  sheetNumber: text(50),
  docType: text(100),
  numberSymbol: text(100),
  issueDate: date,
  issuer: text(500),
  parentIssuer: text(500),
  place: text(200),
  subject: text(),
  signerName: text(200),
  signerTitle: text(200),
  signingAuthority: text(200),
  addressees: z.array(z.string().max(1_000)).max(500),
  recipients: z.array(z.string().max(1_000)).max(500),
  securityLevel: z.enum(['mat', 'toi_mat', 'tuyet_mat']).nullable(),
  urgency: z.enum(['khan', 'thuong_khan', 'hoa_toc']).nullable(),
  language: text(50),
  pageCount: count,
  reliability: text(100),
  incomingStamp: z.object({ receiver: z.string().nullable(), number: z.string().nullable(), date: z.string().nullable() }).nullable(),
  notes: text(),
  reviewFields: z.array(z.string().max(100)).max(100),
});

export const packagedAttachment = z.object({
  key,
  documentKey: key,
  fileName: z.string().min(1).max(1_000),
  mediaType: z.string().min(1).max(200),
  size: z.int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Path of the original inside the bag (`data/ban-goc/…`). */
  path: z.string().min(1).max(2_000),
});

export const packagedSecretConfirmation = z.object({ documentKey: key, confirmedBy: z.string().max(200), confirmedAt: z.string().max(40), reason: z.string().max(2_000) });

export const packagedBatch = z.object({
  uuid: z.uuid(),
  code: z.string().min(1).max(100),
  recipientKind: z.enum(['successor', 'provincial_archive', 'other']),
  fromKey: key,
  toKey: key.nullable(),
  legalBasis: text(10_000),
  handoverDate: date,
  place: text(200),
  senderRepresentative: text(200),
  senderPosition: text(200),
  receiverRepresentative: text(200),
  receiverPosition: text(200),
  condition: text(10_000),
  shelfMetres: z.number().min(0).max(1_000_000).nullable(),
  notes: text(10_000),
  packedAt: z.string().max(40),
  packedBy: z.string().max(200),
});

export const packageCatalogue = z.object({
  format: z.literal(PACKAGE_FORMAT),
  version: z.int().min(1),
  generator: z.string().max(200),
  batch: packagedBatch,
  organizations: z.array(packagedOrganization).max(10_000),
  successions: z.array(packagedSuccession).max(10_000),
  retentionPeriods: z.array(packagedRetention).max(1_000),
  fonds: z.array(packagedFonds).min(1).max(1_000),
  fileLists: z.array(packagedFileList).max(100_000),
  files: z.array(packagedFile).max(1_000_000),
  documents: z.array(packagedDocument).max(10_000_000),
  attachments: z.array(packagedAttachment).max(10_000_000),
  secretConfirmations: z.array(packagedSecretConfirmation).max(10_000_000),
});

export type PackageCatalogue = z.infer<typeof packageCatalogue>;
export type PackagedOrganization = z.infer<typeof packagedOrganization>;
export type PackagedFile = z.infer<typeof packagedFile>;
export type PackagedDocument = z.infer<typeof packagedDocument>;
export type PackagedAttachment = z.infer<typeof packagedAttachment>;

/** One line of toan-van.jsonl. */
export const fullTextLine = z.object({ document: key, fullText: z.string() });

/**
 * Checks that the records hang together: every key a record points to exists, keys are unique,
 * and every attachment sits in the payload. Returns the problems (the first 50) as codes with
 * parameters (`errors/packages.ts`).
 */
export function catalogueReferenceProblems(c: PackageCatalogue): ErrorMessage[] {
  const problems: ErrorMessage[] = [];
  const push = (m: ErrorMessage) => {
    if (problems.length < 50) problems.push(m);
  };
  type Kind = 'organization' | 'fonds' | 'fileList' | 'file' | 'document' | 'attachment';
  type Owner = Kind | 'batch' | 'succession' | 'secretConfirmation';
  const keys = <T extends { key: string }>(list: T[], record: Kind) => {
    const set = new Set<string>();
    for (const r of list) {
      if (set.has(r.key)) push({ code: 'package.catalogueKeyTwice', params: { record, key: r.key } });
      set.add(r.key);
    }
    return set;
  };
  const orgs = keys(c.organizations, 'organization');
  const fonds = keys(c.fonds, 'fonds');
  const lists = keys(c.fileLists, 'fileList');
  const files = keys(c.files, 'file');
  const docs = keys(c.documents, 'document');
  keys(c.attachments, 'attachment');
  const need = (set: Set<string>, k: string | null, record: Kind, owner: Owner, ownerKey: string | null = null) => {
    if (k !== null && !set.has(k)) push({ code: 'package.catalogueDangling', params: { owner, ownerKey, record, key: k } });
  };
  need(orgs, c.batch.fromKey, 'organization', 'batch');
  need(orgs, c.batch.toKey, 'organization', 'batch');
  for (const o of c.organizations) need(orgs, o.parentKey, 'organization', 'organization', o.key);
  for (const s of c.successions) {
    need(orgs, s.predecessorKey, 'organization', 'succession');
    need(orgs, s.successorKey, 'organization', 'succession');
  }
  for (const f of c.fonds) need(orgs, f.organizationKey, 'organization', 'fonds', f.code);
  for (const l of c.fileLists) need(fonds, l.fondsKey, 'fonds', 'fileList', l.key);
  const fondsOfFile = new Map(c.files.map((f) => [f.key, f.fondsKey]));
  for (const f of c.files) {
    need(fonds, f.fondsKey, 'fonds', 'file', f.code);
    need(lists, f.fileListKey, 'fileList', 'file', f.code);
  }
  for (const d of c.documents) {
    need(fonds, d.fondsKey, 'fonds', 'document', d.key);
    need(files, d.fileKey, 'file', 'document', d.key);
    if (d.fileKey !== null && fondsOfFile.get(d.fileKey) !== undefined && fondsOfFile.get(d.fileKey) !== d.fondsKey) {
      push({ code: 'package.catalogueMixedFonds', params: { key: d.key } });
    }
  }
  const shas = new Set<string>();
  for (const a of c.attachments) {
    need(docs, a.documentKey, 'document', 'attachment', a.key);
    if (!a.path.startsWith(`${ORIGINALS_DIR}/`)) push({ code: 'package.catalogueOriginalOutside', params: { key: a.key, dir: ORIGINALS_DIR } });
    if (shas.has(a.sha256)) push({ code: 'package.catalogueOriginalTwice', params: { key: a.key } });
    shas.add(a.sha256);
  }
  for (const s of c.secretConfirmations) need(docs, s.documentKey, 'document', 'secretConfirmation');
  return problems;
}
