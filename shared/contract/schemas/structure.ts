/**
 * Input schemas for correcting the structure of the archive: removing (and restoring) fonds and
 * organizations with a reason, and taking back a lineage link entered by mistake.
 */
import { z } from 'zod';
import { id } from '../schemas';

const reason = z.string().trim().min(5).max(2_000);

export const successionKind = z.enum(['succeeded', 'merged', 'dissolved']);

export const structureRemove = z.object({ id, reason }).strict();

export const successionRemove = z.object({ predecessorId: id, successorId: id, reason }).strict();
