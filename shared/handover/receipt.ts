/**
 * The receipt (giấy biên nhận) a receiving Kho Lưu writes after it has verified and imported a
 * package. The sender records it on its batch: the batch is then received, and the receipt's
 * digest must be the one of the package the sender built.
 */
import { z } from 'zod';

export const RECEIPT_FORMAT = 'kholuu-handover-receipt';

export const handoverReceipt = z.object({
  format: z.literal(RECEIPT_FORMAT),
  version: z.int().min(1),
  batchUuid: z.uuid(),
  batchCode: z.string().max(100),
  /** SHA-256 of the received bag's tagmanifest-sha256.txt. */
  digest: z.string().regex(/^[0-9a-f]{64}$/),
  payloadOxum: z.string().max(50),
  valid: z.literal(true),
  receivedAt: z.string().max(40),
  receivedBy: z.string().max(200),
  receivingOrganization: z.string().max(500).nullable(),
  counts: z.object({ files: z.int().min(0), documents: z.int().min(0), attachments: z.int().min(0), duplicates: z.int().min(0) }),
});

export type HandoverReceipt = z.infer<typeof handoverReceipt>;
