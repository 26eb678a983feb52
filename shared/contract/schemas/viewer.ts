/** Input schemas of the viewer area: an original's bytes and its readable preview; the parts of an upload. */
import { z } from 'zod';
import { id, jobRef, uploadedFile } from '../schemas';

export const originalRef = z
  .object({
    attachmentId: id,
    /** `save`: the bytes leave the app (a copy saved or opened elsewhere); a secret original then needs an export scope. */
    purpose: z.enum(['view', 'save']).default('view'),
  })
  .strict();

export const originalPreview = z.object({ attachmentId: id }).strict();

/** The next part of an upload `import.start` announced with `uploadTotal`; `last` ends it. */
export const importUpload = jobRef
  .extend({
    uploads: z.array(uploadedFile).max(1_000),
    last: z.boolean(),
  })
  .strict();
