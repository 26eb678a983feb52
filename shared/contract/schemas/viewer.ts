/** Input schemas of the viewer area: an original's bytes and its readable preview. */
import { z } from 'zod';
import { id } from '../schemas';

export const originalRef = z
  .object({
    attachmentId: id,
    /** `save`: the bytes leave the app (a copy saved or opened elsewhere); a secret original then needs an export scope. */
    purpose: z.enum(['view', 'save']).default('view'),
  })
  .strict();

export const originalPreview = z.object({ attachmentId: id }).strict();
