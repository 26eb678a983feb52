/**
 * Anchoring the audit log outside the catalogue file. The log is a hash chain: each row's hash
 * covers the previous one, so the head (last row id and hash) stands for everything before it.
 * But a chain kept only in the file it protects can be cut short, or edited and recomputed with
 * the same (public) hash, by anyone who can write the file. So copies of the head are kept
 * elsewhere — witnesses: a file beside the catalogue rewritten after every change, each backup's
 * manifest, each handover package (and its Biên bản) — and `check` compares the catalogue with
 * every witness it can reach: the row a witness names must still be there, with the same hash.
 *
 * What this detects and what it cannot is said in the README ("What check can and cannot detect").
 */
import { fieldError, sentence, type ErrorMessage } from '../contract/errors';

export type AnchorSource = 'witness' | 'backup' | 'package';

/** One witness: the head of the chain as something outside the catalogue saw it. */
export interface AuditAnchor {
  source: AnchorSource;
  /** What it is, for the report (a backup's id, a package's path, the witness file). */
  label: string;
  /** The id and hash of the last row the witness saw. */
  lastId: number;
  headHash: string;
  /** When it was taken (ISO), if known. */
  at: string | null;
}

/** A restore recorded in the log: the chain went back to `toLastId` at `at` (rows after it were abandoned, on purpose). */
export interface RecordedRestore {
  rowId: number;
  at: string;
  /** The head of the chain the restored backup held. */
  toLastId: number;
}

export type AnchorFinding =
  | { anchor: AuditAnchor; status: 'matches' }
  /** The catalogue no longer has the row the witness saw: rows were deleted from the end. */
  | { anchor: AuditAnchor; status: 'truncated'; catalogueLastId: number }
  /** The row is there but not the one the witness saw: rows were edited (and the chain recomputed) or replaced. */
  | { anchor: AuditAnchor; status: 'rewritten'; actualHash: string }
  /** Taken before a restore recorded in the log, of rows that restore took back: nothing to compare. */
  | { anchor: AuditAnchor; status: 'superseded'; restore: RecordedRestore };

/**
 * Compares each witness with the catalogue's chain. `hashOf(id)` is the catalogue's hash of row
 * `id` (null when there is no such row). A witness taken before a recorded restore and naming a
 * row after the point restored to is superseded: that restore took those rows back, and the
 * safety backup made just before it holds them.
 */
export function compareAnchors(anchors: readonly AuditAnchor[], hashOf: (id: number) => string | null, catalogueLastId: number, restores: readonly RecordedRestore[]): AnchorFinding[] {
  return anchors.map((anchor): AnchorFinding => {
    const undoneBy = restores.find((r) => anchor.at !== null && anchor.at < r.at && anchor.lastId > r.toLastId && r.rowId > r.toLastId);
    if (undoneBy) return { anchor, status: 'superseded', restore: undoneBy };
    if (anchor.lastId === 0) return { anchor, status: 'matches' };
    const actual = hashOf(anchor.lastId);
    if (actual === null) return { anchor, status: 'truncated', catalogueLastId };
    if (actual !== anchor.headHash) return { anchor, status: 'rewritten', actualHash: actual };
    return { anchor, status: 'matches' };
  });
}

/** A finding that is a problem as a code and parameters (null for one that is not). */
export function anchorProblem(f: AnchorFinding): ErrorMessage | null {
  const { source, label, lastId } = f.anchor;
  switch (f.status) {
    case 'truncated':
      return fieldError('audit.anchorTruncated', { source, label, lastId, catalogueLastId: f.catalogueLastId });
    case 'rewritten':
      return fieldError('audit.anchorRewritten', { source, label, lastId, was: f.anchor.headHash.slice(0, 12), now: f.actualHash.slice(0, 12) });
    default:
      return null;
  }
}

/** The Vietnamese sentence for a finding that is a problem (null for one that is not). */
export function anchorProblemVi(f: AnchorFinding): string | null {
  const problem = anchorProblem(f);
  return problem ? sentence('vi', problem) : null;
}
