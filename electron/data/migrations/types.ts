import type { Database } from 'better-sqlite3-multiple-ciphers';

/** A numbered, append-only schema change. Never edit one that has shipped; add the next number. */
export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}
