/**
 * Input schemas of the handover operations: inventories, batches, exports, packages.
 */
import { z } from 'zod';
import type { ErrorCode } from '../errors';
import { trimmedLocalPath } from './paths';

const id = z.int().positive();
const isoDate = z.iso.date();
const optionalText = (max = 2_000) => z.string().trim().max(max).nullable().optional();
const localPath = trimmedLocalPath;

export const recipientKind = z.enum(['successor', 'provincial_archive', 'other']);

export const inventoryQuery = z
  .object({ fondsId: id.optional(), organizationId: id.optional() })
  .strict()
  .refine((v) => (v.fondsId === undefined) !== (v.organizationId === undefined), {
    error: 'field.chooseFondsOrOrganization' satisfies ErrorCode,
    path: ['fondsId'],
  });

const particulars = z
  .object({
    code: z.string().trim().min(1).max(100),
    toOrganizationId: id.nullable(),
    recipientKind,
    legalBasis: optionalText(10_000),
    handoverDate: isoDate.nullable(),
    place: optionalText(200),
    senderRepresentative: optionalText(200),
    senderPosition: optionalText(200),
    receiverRepresentative: optionalText(200),
    receiverPosition: optionalText(200),
    condition: optionalText(10_000),
    shelfMetres: z.number().min(0).max(1_000_000).nullable(),
    notes: optionalText(10_000),
  })
  .partial()
  .strict();

export const batchCreate = particulars.extend({ code: z.string().trim().min(1).max(100), fromOrganizationId: id }).strict();

export const batchUpdate = z.object({ id, patch: particulars }).strict();

export const secretConfirmation = z
  .object({
    documentIds: z.array(id).min(1).max(100_000),
    reason: z.string().trim().min(5).max(2_000),
  })
  .strict();

export const batchFiles = z
  .object({
    batchId: id,
    fileIds: z.array(id).min(1).max(100_000),
    /** Required when the files hold secret documents: who is recorded from the session, the reason here. */
    secretConfirmation: secretConfirmation.optional(),
  })
  .strict();

export const batchRemoveFiles = z.object({ batchId: id, fileIds: z.array(id).min(1).max(100_000) }).strict();

export const batchCandidates = z.object({ batchId: id, fondsId: id }).strict();

export const assignBoxes = z.object({ batchId: id, filesPerBox: z.int().min(1).max(1_000) }).strict();

export const batchAdvance = z.object({ id, to: z.enum(['listed', 'handed_over']) }).strict();

export const batchReopen = z.object({ id, reason: z.string().trim().min(5).max(2_000) }).strict();

export const recordReceipt = z
  .object({
    id,
    /** The receipt file written by the receiving Kho Lưu. */
    receiptPath: localPath.optional(),
    /** Without a receipt file: the reference of the signed minutes, confirming receipt by hand. */
    note: z.string().trim().min(5).max(2_000).optional(),
  })
  .strict()
  .refine((v) => v.receiptPath !== undefined || v.note !== undefined, { error: 'field.receiptOrNote' satisfies ErrorCode, path: ['receiptPath'] });

export const exportForm = z.enum(['fileList', 'documentList', 'minutes', 'boxLabels', 'statistics', 'catalogue', 'inventory']);
export const exportFormat = z.enum(['xlsx', 'docx', 'pdf', 'csv', 'json']);

export const exportRequest = z
  .object({
    batchId: id.optional(),
    fondsId: id.optional(),
    form: exportForm,
    format: exportFormat,
    /** Where to write; default: the catalogue's exports folder. */
    out: localPath.optional(),
    /** Also return the bytes (the browser host offers them as a download). */
    download: z.boolean().default(false),
  })
  .strict()
  .refine((v) => (v.batchId === undefined) !== (v.fondsId === undefined), { error: 'field.chooseBatchOrFonds' satisfies ErrorCode, path: ['batchId'] });

export const packageStart = z
  .object({
    batchId: id,
    /** A folder to create, or a file ending in `.zip`; default: the catalogue's exports folder. */
    out: localPath.optional(),
    zip: z.boolean().default(true),
  })
  .strict();

export const packagePath = z
  .object({
    path: localPath,
    /**
     * The package's SHA-256 digest as printed on the Biên bản giao nhận (64 hexadecimal digits):
     * the package must be that one. The digest this catalogue recorded for the batch is compared
     * anyway, when it has one.
     */
    expectedDigest: z
      .string()
      .trim()
      .regex(/^[0-9a-fA-F]{64}$/, { error: 'field.sha256Hex' satisfies ErrorCode })
      .transform((s) => s.toLowerCase())
      .optional(),
  })
  .strict();
