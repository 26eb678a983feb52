/** Input schemas of the register import and reading details (formats). */
import { z } from 'zod';
import { localPath } from './paths';
import type { ErrorCode } from '../errors';
import { REGISTER_FIELDS } from '../../registers/fields';
import { id, uploadedFile } from '../schemas';

/** A register file: a path on this machine, or a file sent from the UI. */
export const registerSource = z.union([z.object({ path: localPath }).strict(), z.object({ upload: uploadedFile }).strict()]);

const column = z.int().min(0).max(1_000);

export const registerPreview = z
  .object({
    source: registerSource,
    /** Sheet of an .xlsx (default: the first). */
    sheet: z.string().min(1).max(200).optional(),
    /** 0-based row holding the column headers (default: found from the headers' words). */
    headerRow: z.int().min(0).max(10_000).optional(),
    sampleRows: z.int().min(1).max(200).default(20),
  })
  .strict();

export const registerMapping = z.object(Object.fromEntries(REGISTER_FIELDS.map((f) => [f, column.nullable().optional()])) as Record<(typeof REGISTER_FIELDS)[number], z.ZodOptional<z.ZodNullable<typeof column>>>).strict();

export const registerImport = z
  .object({
    target: z.object({ fondsId: id }).strict(),
    source: registerSource,
    sheet: z.string().min(1).max(200).optional(),
    headerRow: z.int().min(0).max(10_000),
    mapping: registerMapping,
  })
  .strict()
  .refine((v) => v.mapping.numberSymbol != null || v.mapping.subject != null, {
    error: 'field.chooseNumberOrSubject' satisfies ErrorCode,
    path: ['mapping'],
  });
