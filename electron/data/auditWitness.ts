/**
 * The witness file beside a catalogue (`<catalogue>.witness.json`): the head of the audit chain
 * (last row id and hash) and the hash of its first row, rewritten after every change that adds
 * audit rows. `check` compares the catalogue with it (shared/safety/auditAnchors.ts): rows cut
 * from the end, or a chain edited and recomputed, no longer meet the head it names. It is written
 * under a temporary name and renamed, so it is whole or absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';

export const WITNESS_FORMAT = 'kholuu-audit-witness';

export interface AuditWitness {
  format: typeof WITNESS_FORMAT;
  version: 1;
  /** Hash of the chain's first row: which catalogue this witness belongs to. */
  firstHash: string | null;
  lastId: number;
  headHash: string | null;
  at: string;
  /** When this file was first written (a witness recreated after being deleted starts again). */
  since: string;
}

/** `x.sqlite` → `x.witness.json` beside it. */
export function witnessPathFor(cataloguePath: string): string {
  const dir = path.dirname(cataloguePath);
  const base = path.basename(cataloguePath).replace(/\.[^.]*$/, '');
  return path.join(dir, `${base}.witness.json`);
}

export function readWitness(cataloguePath: string): AuditWitness | null {
  try {
    const w = JSON.parse(fs.readFileSync(witnessPathFor(cataloguePath), 'utf8')) as AuditWitness;
    return w.format === WITNESS_FORMAT && typeof w.lastId === 'number' ? w : null;
  } catch {
    return null;
  }
}

export interface ChainHead {
  firstHash: string | null;
  lastId: number;
  headHash: string | null;
}

export function chainHead(db: Database): ChainHead {
  const first = db.prepare('SELECT hash FROM audit_log ORDER BY id LIMIT 1').get() as { hash: string } | undefined;
  const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
  return { firstHash: first?.hash ?? null, lastId: last?.id ?? 0, headHash: last?.hash ?? null };
}

/** Rewrites the witness with the chain's head now (keeping when it was first written). */
export function writeWitness(cataloguePath: string, db: Database, at: string): void {
  const file = witnessPathFor(cataloguePath);
  const head = chainHead(db);
  const previous = readWitness(cataloguePath);
  const since = previous && previous.firstHash === head.firstHash ? previous.since : at;
  const witness: AuditWitness = { format: WITNESS_FORMAT, version: 1, ...head, at, since };
  const temp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, `${JSON.stringify(witness, null, 2)}\n`);
    fs.renameSync(temp, file);
  } catch {
    // A read-only folder (a catalogue opened from a CD): the chain is still checked on its own.
    fs.rmSync(temp, { force: true });
  }
}
