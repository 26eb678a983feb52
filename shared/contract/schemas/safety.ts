/**
 * Input schemas of the safety operations: integrity, backups, removal, destruction,
 * access to secret records, encryption at rest.
 */
import { z } from 'zod';
import type { ErrorCode } from '../errors';
import { trimmedLocalPath } from './paths';

const id = z.int().positive();
const isoDate = z.iso.date();
/** A reason the archivist writes in their own words: required, recorded in the audit log. */
const reason = z.string().trim().min(3).max(2_000);
const optionalText = (max = 2_000) => z.string().trim().max(max).nullable().optional();
const passphrase = z.string().min(8).max(1_024);

export const backupId = z
  .string()
  .regex(/^[0-9]{8}-[0-9]{6}(-[0-9]{3})?-[a-z-]+(-[0-9]+)?$/)
  .max(120);

export const integrityCheck = z
  .object({
    /** Re-hash every original (slow on a large archive); default true. */
    originals: z.boolean().default(true),
  })
  .strict();

export const backupCreate = z.object({ note: optionalText(500) }).strict();
export const backupRef = z.object({ id: backupId }).strict();
export const backupRestore = z
  .object({
    id: backupId,
    /** From `backups.previewRestore`: the restore is refused if the catalogue changed since. */
    confirmToken: z.string().regex(/^[0-9a-f]{64}$/),
    /** The backup's passphrase, when it differs from the catalogue's current one. */
    passphrase: passphrase.optional(),
  })
  .strict();
export const backupPreview = z.object({ id: backupId, passphrase: passphrase.optional() }).strict();

export const backupConfigure = z
  .object({
    intervalHours: z.number().min(0).max(24 * 31).optional(),
    keepLast: z.int().min(1).max(1_000).optional(),
    keepDaily: z.int().min(0).max(1_000).optional(),
    keepWeekly: z.int().min(0).max(1_000).optional(),
    /** An absolute folder; null goes back to the default beside the catalogue. */
    dir: trimmedLocalPath.nullable().optional(),
  })
  .strict();

export const removeRecord = z.object({ id, reason }).strict();
export const restoreRecord = z.object({ id, reason: optionalText(2_000) }).strict();
export const removedList = z
  .object({
    kind: z.enum(['document', 'file']).optional(),
    offset: z.int().min(0).default(0),
    limit: z.int().min(1).max(500).default(100),
  })
  .strict();

export const destructionRecord = z
  .object({
    decisionNumber: z.string().trim().min(1).max(100),
    decisionDate: isoDate,
    approvedBy: z.string().trim().min(2).max(500),
    approverTitle: optionalText(500),
    /** The appraisal behind it (biên bản của Hội đồng xác định giá trị tài liệu…). */
    basis: optionalText(2_000),
    notes: optionalText(5_000),
    fileIds: z.array(id).min(1).max(100_000),
  })
  .strict();
export const destructionRef = z.object({ id }).strict();
export const destructionConfirm = z
  .object({
    id,
    /** The SHA-256 of the exported list: proves the user confirms the list they exported. */
    listSha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export const destructionCancel = z.object({ id, reason }).strict();
export const destructionMoveOriginals = z
  .object({
    id,
    /** An absolute folder outside the catalogue's managed originals folder. */
    quarantineDir: trimmedLocalPath,
  })
  .strict();

export const secretsUnlock = z
  .object({
    reason,
    /** `view`: show secret documents; `export`: let them into exports and packages too. */
    purpose: z.enum(['view', 'export']).default('view'),
    durationMinutes: z.int().min(1).max(8 * 60).default(15),
  })
  .strict();

export const catalogueUnlock = z.object({ passphrase: z.string().min(1).max(1_024) }).strict();
export const passphraseChange = z
  .object({
    /** Required when the catalogue is already encrypted. */
    current: z.string().min(1).max(1_024).optional(),
    next: passphrase,
    /**
     * Exports, packages and forms lying readable in the exports folder: moved to this folder
     * (outside the data folder), or removed (`removeExports`); without either they make the call
     * refuse, naming them.
     */
    moveExportsTo: trimmedLocalPath.optional(),
    removeExports: z.literal(true).optional(),
  })
  .strict()
  .refine((v) => v.moveExportsTo === undefined || v.removeExports === undefined, { error: 'field.moveOrRemoveExports' satisfies ErrorCode, path: ['removeExports'] });
