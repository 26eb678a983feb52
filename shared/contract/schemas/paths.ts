/**
 * A path on this machine named by the caller: files or folders to import, where to write a
 * package, a backup or quarantine folder. A NUL byte cannot be part of a path (the operating
 * system's calls end the string there; Node refuses it only once the job using it is running),
 * and no control character is part of a path a person types or picks: both are refused at the
 * boundary, before any job starts.
 */
import { z } from 'zod';
import type { ErrorCode } from '../errors';

const CONTROL = /[\u0000-\u001f\u007f]/;

const noControl = (s: string) => !CONTROL.test(s);
const controlIssue = { error: 'field.pathControlCharacters' satisfies ErrorCode };

/** As typed: kept exactly (a folder's name may end in a space). */
export const localPath = z.string().min(1).max(4_096).refine(noControl, controlIssue);

/** Trimmed first (paths pasted into a form). */
export const trimmedLocalPath = z.string().trim().min(1).max(4_096).refine(noControl, controlIssue);
