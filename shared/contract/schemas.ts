/**
 * Input schemas of the contract's operations: every call is validated against these at the
 * boundary (IPC handler, HTTP handler, command line) before a service sees it.
 */
import { z } from 'zod';
import type { ErrorCode } from './errors';
import { localPath } from './schemas/paths';

const MAX_TEXT = 10_000;

export const id = z.int().positive();
export const isoDate = z.iso.date();
const optionalText = (max = 2_000) => z.string().trim().max(max).nullable().optional();
const requiredText = (max = 2_000) => z.string().trim().min(1).max(max);

export const fondsStatus = z.enum(['open', 'closed']);
export const completionStatus = z.enum(['completed', 'unfinished']);
export const handoverStatus = z.enum(['not_started', 'listed', 'packed', 'handed_over', 'received']);
export const accessRegime = z.enum(['public', 'conditional', 'secret']);
export const retentionClass = z.enum(['permanent', 'fixed']);
export const organizationLevel = z.enum(['central', 'province', 'district', 'commune', 'grassroots', 'agency', 'other']);
export const securityLevel = z.enum(['mat', 'toi_mat', 'tuyet_mat']);
export const urgency = z.enum(['khan', 'thuong_khan', 'hoa_toc']);
export const locale = z.enum(['vi', 'en']);

export const empty = z.object({}).strict();
export const byId = z.object({ id }).strict();

export const organizationInput = z
  .object({
    code: optionalText(50),
    name: requiredText(500),
    level: organizationLevel.default('other'),
    parentId: id.nullable().optional(),
    startDate: isoDate.nullable().optional(),
    endDate: isoDate.nullable().optional(),
    notes: optionalText(MAX_TEXT),
  })
  .strict();

export const organizationUpdate = z.object({ id, patch: organizationInput.partial().strict() }).strict();

export const succession = z
  .object({
    predecessorId: id,
    successorId: id,
    effectiveDate: isoDate.nullable().optional(),
    basis: optionalText(1_000),
    /** Kế thừa (default), hợp nhất / sáp nhập, giải thể. */
    kind: z.enum(['succeeded', 'merged', 'dissolved']).optional(),
  })
  .strict();

export const fondsInput = z
  .object({
    code: requiredText(50),
    name: requiredText(500),
    organizationId: id,
    status: fondsStatus.default('open'),
    history: optionalText(MAX_TEXT),
    accessRegime: accessRegime.nullable().optional(),
    language: optionalText(50),
    notes: optionalText(MAX_TEXT),
  })
  .strict();

export const fondsUpdate = z.object({ id, patch: fondsInput.partial().strict() }).strict();

export const fileListInput = z
  .object({
    fondsId: id,
    number: requiredText(50),
    year: z.int().min(1900).max(2200).nullable().optional(),
    title: optionalText(500),
    notes: optionalText(MAX_TEXT),
  })
  .strict();

const fileFields = z
  .object({
    fileListId: id.nullable().optional(),
    code: requiredText(100),
    title: requiredText(1_000),
    startDate: isoDate.nullable().optional(),
    endDate: isoDate.nullable().optional(),
    retentionCode: z.string().trim().min(1).max(20).nullable().optional(),
    completion: completionStatus.nullable().optional(),
    box: optionalText(50),
    sheetCount: z.int().min(0).max(1_000_000).nullable().optional(),
    pageCount: z.int().min(0).max(1_000_000).nullable().optional(),
    accessRegime: accessRegime.nullable().optional(),
    language: optionalText(50),
    keywords: optionalText(1_000),
    physicalCondition: optionalText(1_000),
    notes: optionalText(MAX_TEXT),
  })
  .strict();

function datesInOrder(v: { startDate?: string | null; endDate?: string | null }): boolean {
  return !v.startDate || !v.endDate || v.startDate <= v.endDate;
}
const datesInOrderIssue = { error: 'field.datesReversed' satisfies ErrorCode, path: ['endDate'] };

export const fileInput = fileFields.extend({ fondsId: id }).strict().refine(datesInOrder, datesInOrderIssue);
export const fileUpdate = z
  .object({ id, patch: fileFields.partial().strict().refine(datesInOrder, datesInOrderIssue) })
  .strict();
export const fileListQuery = z.object({ fondsId: id, fileListId: id.nullable().optional() }).strict();

export const documentPatch = z
  .object({
    fileId: id.nullable(),
    orderInFile: z.int().min(0).max(1_000_000).nullable(),
    sheetNumber: optionalText(50),
    docType: optionalText(100),
    numberSymbol: optionalText(100),
    issueDate: isoDate.nullable(),
    issuer: optionalText(500),
    parentIssuer: optionalText(500),
    place: optionalText(200),
    subject: optionalText(MAX_TEXT),
    signerName: optionalText(200),
    signerTitle: optionalText(200),
    signingAuthority: optionalText(200),
    addressees: z.array(z.string().trim().min(1).max(1_000)).max(500),
    recipients: z.array(z.string().trim().min(1).max(1_000)).max(500),
    securityLevel: securityLevel.nullable(),
    urgency: urgency.nullable(),
    language: optionalText(50),
    pageCount: z.int().min(0).max(1_000_000).nullable(),
    reliability: optionalText(100),
    notes: optionalText(MAX_TEXT),
    /** Dấu “ĐẾN” of a received copy: receiving body, number, date as written (often without the year). */
    incomingStamp: z
      .object({ receiver: optionalText(500).transform((v) => v ?? null), number: optionalText(50).transform((v) => v ?? null), date: optionalText(50).transform((v) => v ?? null) })
      .strict()
      .nullable(),
  })
  .partial()
  .strict();

export const documentUpdate = z.object({ id, patch: documentPatch }).strict();

export const documentListQuery = z
  .object({
    fondsId: id.optional(),
    fileId: id.optional(),
    /** Only documents not yet placed in a file. */
    unfiled: z.boolean().optional(),
    offset: z.int().min(0).default(0),
    limit: z.int().min(1).max(500).default(100),
  })
  .strict();

export const searchFilters = z
  .object({
    fondsIds: z.array(id).max(1_000).optional(),
    docTypes: z.array(z.string().trim().min(1).max(100)).max(100).optional(),
    dateFrom: isoDate.optional(),
    dateTo: isoDate.optional(),
    /** Documents with no date (alone, or besides the date range: either). */
    undated: z.boolean().optional(),
    /** Retention class of the document's file; `none` = no period set (or not in a file). */
    retentionClasses: z.array(z.enum(['permanent', 'fixed', 'none'])).max(3).optional(),
    handoverStatuses: z.array(handoverStatus).max(5).optional(),
    // More filters, all combinable with the words.
    /** Records of these organizations (through their fonds). */
    organizationIds: z.array(id).max(200).optional(),
    /** With the organizations' 2025 lineage (predecessors and successors); default true. */
    organizationLineage: z.boolean().optional(),
    fileIds: z.array(id).max(1_000).optional(),
    /** Documents in no file (hồ sơ) (alone, or besides `fileIds`: either). */
    unfiled: z.boolean().optional(),
    /** Issuer facet values: `ISSUER` or `ISSUER\u0001SUPERIOR BODY`. */
    issuers: z.array(z.string().max(1_000)).max(100).optional(),
    signers: z.array(z.string().max(300)).max(100).optional(),
    /** Retention period codes of the file (`VV`, `70`…); `none` = no period. */
    retentionCodes: z.array(z.string().trim().min(1).max(20)).max(30).optional(),
    completion: z.array(z.enum(['completed', 'unfinished', 'none'])).max(3).optional(),
    /** `none` = not secret. */
    securityLevels: z.array(z.enum(['none', 'mat', 'toi_mat', 'tuyet_mat'])).max(4).optional(),
  })
  .strict();

export const searchSort = z.enum(['relevance', 'date_desc', 'date_asc', 'number']);

export const searchQuery = z
  .object({
    text: z.string().max(1_000).default(''),
    filters: searchFilters.default({}),
    offset: z.int().min(0).max(100_000).default(0),
    limit: z.int().min(1).max(200).default(20),
    // Optional, so the defaults of the first version's callers stay as they were.
    /** Default `relevance`. */
    sort: searchSort.optional(),
    /** Still typing: the last word matches every word that starts with it. Default false. */
    typing: z.boolean().optional(),
    /** Also count the facets (the UI asks `search.facets` separately, so hits come first). */
    facets: z.boolean().optional(),
    /** Count every hit even when there are tens of thousands (else such a count is estimated). */
    exactTotal: z.boolean().optional(),
  })
  .strict();

/** An original sent from the UI: name and bytes (base64), for hosts where the UI cannot pass a path. */
export const uploadedFile = z
  .object({
    name: z.string().trim().min(1).max(1_000),
    contentBase64: z.string().max(140_000_000),
  })
  .strict();

export const importTarget = z.object({ fondsId: id, fileId: id.nullable().optional() }).strict();

export const importStart = z
  .object({
    target: importTarget,
    /** Files uploaded from the UI. */
    uploads: z.array(uploadedFile).max(1_000).optional(),
    /** Files or folders on this machine (the services run on the user's own machine). */
    paths: z.array(localPath).max(10_000).optional(),
    /**
     * An upload too large for one request: how many files it sends in all, these included; the
     * rest follow with `import.upload`, into the same run.
     */
    uploadTotal: z.int().min(1).max(1_000_000).optional(),
    /** What the run's report names as the upload's sources (the folders picked). */
    uploadSources: z.array(z.string().trim().min(1).max(1_000)).max(100).optional(),
  })
  .strict()
  .refine((v) => (v.uploads?.length ?? 0) + (v.paths?.length ?? 0) > 0, { error: 'field.noFilesChosen' satisfies ErrorCode, path: ['uploads'] })
  .refine((v) => v.uploadTotal === undefined || v.uploadTotal >= (v.uploads?.length ?? 0), { error: 'field.uploadTotalTooSmall' satisfies ErrorCode, path: ['uploadTotal'] });

export const jobRef = z.object({ jobId: z.string().min(1).max(100) }).strict();

export const auditQuery = z
  .object({
    entityType: z.enum(['organization', 'fonds', 'file_list', 'file', 'document', 'attachment', 'setting']).optional(),
    entityId: id.optional(),
    /** A document's own rows plus those of its file. */
    documentId: id.optional(),
    limit: z.int().min(1).max(1_000).default(100),
  })
  .strict();

export const settingsUpdate = z
  .object({
    actor: z.string().trim().min(1).max(200).optional(),
    locale: locale.optional(),
    /** Read scans (images, image-only or garbled PDFs) by OCR during imports. */
    ocrEnabled: z.boolean().optional(),
    /** OCR worker threads (pages read at once). */
    ocrWorkers: z.int().min(1).max(8).optional(),
  })
  .strict();
