/**
 * Input schemas of the bulk operations: a selection of documents or files (hồ sơ), given as ids
 * or as the query that lists them, and the action to take on all of them at once.
 */
import { z } from 'zod';
import type { ErrorCode } from '../errors';
import { accessRegime, completionStatus, id, isoDate, searchFilters, securityLevel, urgency } from '../schemas';

const optionalText = (max = 2_000) => z.string().trim().max(max).nullable().optional();
/** Ids left out of a query selection (the user unticked them after "select all"). */
const except = z.array(id).max(100_000).optional();
/** A selection never exceeds this many records (a fonds of a province, with room). */
export const MAX_SELECTION = 200_000;

export const documentSelection = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ids'), ids: z.array(id).min(1).max(MAX_SELECTION) }).strict(),
  /** Every document a search finds (words and filters), resolved by the search service. */
  z
    .object({
      kind: z.literal('search'),
      text: z.string().max(1_000).default(''),
      filters: searchFilters.default({}),
      typing: z.boolean().optional(),
      except,
    })
    .strict(),
  /** Every document of a list view: a file's, or a fonds' unfiled ones. */
  z
    .object({ kind: z.literal('list'), fondsId: id.optional(), fileId: id.optional(), unfiled: z.boolean().optional(), except })
    .strict()
    .refine((v) => v.fondsId !== undefined || v.fileId !== undefined, { error: 'field.chooseFondsOrFile' satisfies ErrorCode, path: ['fondsId'] }),
]);

export const fileSelection = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ids'), ids: z.array(id).min(1).max(MAX_SELECTION) }).strict(),
  /** Every file of a fonds (or of one of its file lists). */
  z.object({ kind: z.literal('list'), fondsId: id, fileListId: id.optional(), except }).strict(),
  /** The files holding the selected documents. */
  z.object({ kind: z.literal('ofDocuments'), documents: documentSelection }).strict(),
]);

const newFile = z
  .object({
    code: z.string().trim().min(1).max(100),
    title: z.string().trim().min(1).max(1_000),
    fileListId: id.nullable().optional(),
    retentionCode: z.string().trim().min(1).max(20).nullable().optional(),
    completion: completionStatus.nullable().optional(),
    box: optionalText(50),
  })
  .strict();

/** Document fields set on every selected document. */
export const bulkDocumentFields = z
  .object({
    docType: optionalText(100),
    issuer: optionalText(500),
    parentIssuer: optionalText(500),
    place: optionalText(200),
    issueDate: isoDate.nullable().optional(),
    securityLevel: securityLevel.nullable().optional(),
    urgency: urgency.nullable().optional(),
    language: optionalText(50),
    reliability: optionalText(100),
    notes: optionalText(10_000),
  })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { error: 'field.noFieldChosen' satisfies ErrorCode, path: ['fields'] });

/** File (hồ sơ) fields set on every selected file. */
export const bulkFileFields = z
  .object({
    retentionCode: z.string().trim().min(1).max(20).nullable().optional(),
    completion: completionStatus.nullable().optional(),
    box: optionalText(50),
    accessRegime: accessRegime.nullable().optional(),
    startDate: isoDate.nullable().optional(),
    endDate: isoDate.nullable().optional(),
    language: optionalText(50),
    physicalCondition: optionalText(1_000),
    notes: optionalText(10_000),
  })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { error: 'field.noFieldChosen' satisfies ErrorCode, path: ['fields'] })
  .refine((v) => !v.startDate || !v.endDate || v.startDate <= v.endDate, { error: 'field.datesReversed' satisfies ErrorCode, path: ['endDate'] });

const reason = z.string().trim().min(5).max(2_000);

export const bulkAction = z.discriminatedUnion('action', [
  z
    .object({
      action: z.literal('documents.move'),
      selection: documentSelection,
      /** An existing file, or a new one created in the documents' fonds. */
      to: z.union([z.object({ fileId: id }).strict(), z.object({ newFile }).strict()]),
      /** Widen the file's dates to take documents dated outside them (else those are refused). */
      widenFileDates: z.boolean().default(false),
    })
    .strict(),
  z.object({ action: z.literal('documents.setFields'), selection: documentSelection, fields: bulkDocumentFields }).strict(),
  z
    .object({
      action: z.literal('documents.confirmReview'),
      selection: documentSelection,
      /** Only these review fields; default every field waiting. */
      fields: z.array(z.string().trim().min(1).max(100)).min(1).max(50).optional(),
    })
    .strict(),
  z.object({ action: z.literal('documents.remove'), selection: documentSelection, reason }).strict(),
  z.object({ action: z.literal('files.setFields'), selection: fileSelection, fields: bulkFileFields }).strict(),
  z.object({ action: z.literal('files.remove'), selection: fileSelection, reason }).strict(),
  z
    .object({
      action: z.literal('files.addToBatch'),
      selection: fileSelection,
      batchId: id,
      /** Confirms the secret documents of these files for the batch (who is the session's user). */
      secretReason: reason.optional(),
    })
    .strict(),
  /** Numbers the files in this order: codes `prefix + start`, `prefix + start + 1`… */
  z
    .object({
      action: z.literal('files.renumber'),
      selection: z.object({ kind: z.literal('ids'), ids: z.array(id).min(1).max(20_000) }).strict(),
      start: z.int().min(0).max(1_000_000).default(1),
      prefix: z.string().trim().max(40).default(''),
    })
    .strict(),
  /** Puts files of one fonds in this order by exchanging the numbers they hold. */
  z
    .object({
      action: z.literal('files.reorder'),
      selection: z.object({ kind: z.literal('ids'), ids: z.array(id).min(1).max(20_000) }).strict(),
    })
    .strict(),
  /** Puts a file's documents in this order: số thứ tự 1, 2, 3… */
  z
    .object({
      action: z.literal('documents.reorder'),
      fileId: id,
      selection: z.object({ kind: z.literal('ids'), ids: z.array(id).min(1).max(20_000) }).strict(),
    })
    .strict(),
]);

export const bulkCount = z
  .discriminatedUnion('target', [
    z.object({ target: z.literal('documents'), selection: documentSelection }).strict(),
    z.object({ target: z.literal('files'), selection: fileSelection }).strict(),
  ]);

export const bulkUndo = z.object({ operationId: id }).strict();
export const bulkOperations = z.object({ limit: z.int().min(1).max(200).default(20) }).strict();
