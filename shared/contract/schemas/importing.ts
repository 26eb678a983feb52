/** Input schemas of the import area: runs and reports, citations, the review queue. */
import { z } from 'zod';
import { METADATA_FIELDS } from '../../parser/review';
import { documentPatch, id } from '../schemas';

const offset = z.int().min(0).max(10_000_000).default(0);
const importOutcome = z.enum(['imported', 'duplicate', 'failed']);

export const importResume = z.object({ runId: id }).strict();

export const importRunsList = z.object({ offset, limit: z.int().min(1).max(200).default(50) }).strict();

export const importRunRef = z.object({ runId: id }).strict();

export const importRunItems = z
  .object({ runId: id, outcome: importOutcome.optional(), offset, limit: z.int().min(1).max(1_000).default(100) })
  .strict();

export const importRunExport = z
  .object({ runId: id, format: z.enum(['csv', 'json']).default('csv'), outcome: importOutcome.optional() })
  .strict();

export const citationsMissing = z
  .object({ fondsId: id.optional(), form: z.enum(['party', 'state']).optional(), offset, limit: z.int().min(1).max(500).default(50) })
  .strict();

/** An archivist picks the cited document (or `null`: back to automatic matching). */
export const citationLink = z.object({ citationId: id, documentId: id.nullable() }).strict();

/** Fields that can wait for review: the parser's metadata fields, plus the text itself (OCR). */
export const REVIEWABLE_FIELDS = [...METADATA_FIELDS, 'fullText'] as const;
export const reviewField = z.enum(REVIEWABLE_FIELDS as unknown as [string, ...string[]]);

export const reviewList = z
  .object({ fondsId: id.optional(), field: reviewField.optional(), offset, limit: z.int().min(1).max(100).default(20) })
  .strict();

export const reviewSummary = z.object({ fondsId: id.optional() }).strict();

export const reviewConfirm = z
  .object({
    documentId: id,
    /** The fields confirmed; with `patch`, their values are changed first. */
    fields: z.array(reviewField).min(1).max(REVIEWABLE_FIELDS.length),
    patch: documentPatch.optional(),
  })
  .strict();

export const reviewHistory = z.object({ documentId: id }).strict();
