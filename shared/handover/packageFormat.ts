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
 * and every attachment sits in the payload. Returns Vietnamese problems (the first 50).
 */
export function catalogueReferenceProblems(c: PackageCatalogue): string[] {
  const problems: string[] = [];
  const push = (m: string) => {
    if (problems.length < 50) problems.push(m);
  };
  const keys = <T extends { key: string }>(list: T[], what: string) => {
    const set = new Set<string>();
    for (const r of list) {
      if (set.has(r.key)) push(`Khóa ${what} “${r.key}” bị trùng.`);
      set.add(r.key);
    }
    return set;
  };
  const orgs = keys(c.organizations, 'tổ chức');
  const fonds = keys(c.fonds, 'phông');
  const lists = keys(c.fileLists, 'mục lục');
  const files = keys(c.files, 'hồ sơ');
  const docs = keys(c.documents, 'văn bản');
  keys(c.attachments, 'bản gốc');
  const need = (set: Set<string>, k: string | null, what: string, owner: string) => {
    if (k !== null && !set.has(k)) push(`${owner} trỏ tới ${what} “${k}” không có trong gói.`);
  };
  need(orgs, c.batch.fromKey, 'tổ chức', 'Đợt bàn giao');
  need(orgs, c.batch.toKey, 'tổ chức', 'Đợt bàn giao');
  for (const o of c.organizations) need(orgs, o.parentKey, 'tổ chức', `Tổ chức ${o.key}`);
  for (const s of c.successions) {
    need(orgs, s.predecessorKey, 'tổ chức', 'Quan hệ kế thừa');
    need(orgs, s.successorKey, 'tổ chức', 'Quan hệ kế thừa');
  }
  for (const f of c.fonds) need(orgs, f.organizationKey, 'tổ chức', `Phông ${f.code}`);
  for (const l of c.fileLists) need(fonds, l.fondsKey, 'phông', `Mục lục ${l.key}`);
  const fondsOfFile = new Map(c.files.map((f) => [f.key, f.fondsKey]));
  for (const f of c.files) {
    need(fonds, f.fondsKey, 'phông', `Hồ sơ ${f.code}`);
    need(lists, f.fileListKey, 'mục lục', `Hồ sơ ${f.code}`);
  }
  for (const d of c.documents) {
    need(fonds, d.fondsKey, 'phông', `Văn bản ${d.key}`);
    need(files, d.fileKey, 'hồ sơ', `Văn bản ${d.key}`);
    if (d.fileKey !== null && fondsOfFile.get(d.fileKey) !== undefined && fondsOfFile.get(d.fileKey) !== d.fondsKey) {
      push(`Văn bản ${d.key} và hồ sơ của nó thuộc hai phông khác nhau.`);
    }
  }
  const shas = new Set<string>();
  for (const a of c.attachments) {
    need(docs, a.documentKey, 'văn bản', `Bản gốc ${a.key}`);
    if (!a.path.startsWith(`${ORIGINALS_DIR}/`)) push(`Bản gốc ${a.key} không nằm trong ${ORIGINALS_DIR}/.`);
    if (shas.has(a.sha256)) push(`Bản gốc ${a.key} trùng nội dung (SHA-256) với một bản gốc khác trong gói.`);
    shas.add(a.sha256);
  }
  for (const s of c.secretConfirmations) need(docs, s.documentKey, 'văn bản', 'Xác nhận tài liệu mật');
  return problems;
}
