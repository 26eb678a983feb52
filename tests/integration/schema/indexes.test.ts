import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Catalogue } from '../../../electron/data/catalogue';
import { tempDir } from '../../support/services';

/**
 * Every index is written on every insert into its table (an import writes thousands of documents and
 * audit rows): one whose columns lead another index of the same table serves no lookup the longer
 * one does not, and only costs. The lookups that such indexes served still search an index.
 */
const opened: Catalogue[] = [];
afterEach(() => {
  for (const c of opened.splice(0)) c.close();
});

function freshCatalogue(): Catalogue {
  const catalogue = Catalogue.open(path.join(tempDir('kholuu-indexes-'), 'catalogue.sqlite'));
  opened.push(catalogue);
  return catalogue;
}

/**
 * Kept although a longer index leads with the same column: SQLite reads rows in id order from a
 * one-column index (the id follows the column in it), which a longer one does not give. Without
 * `documents_file`, the live documents of a file in id order (RemovalRepository) were looked up
 * through `documents_removed`, that is through every live document of the catalogue.
 */
const KEPT: Record<string, string> = {
  documents_file: 'a file\'s documents in id order',
  files_fonds: 'a fonds\' files in id order',
};

interface IndexColumns {
  table: string;
  name: string;
  columns: string[];
  partial: boolean;
  unique: boolean;
}

function indexesOf(catalogue: Catalogue): IndexColumns[] {
  const { db } = catalogue;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE VIRTUAL%'").pluck().all() as string[];
  return tables.flatMap((table) =>
    (db.prepare(`PRAGMA index_list(${JSON.stringify(table)})`).all() as Array<{ name: string; unique: number; partial: number }>).map((ix) => ({
      table,
      name: ix.name,
      unique: ix.unique === 1,
      partial: ix.partial === 1,
      columns: (db.prepare(`PRAGMA index_info(${JSON.stringify(ix.name)})`).all() as Array<{ name: string | null }>).map((c) => c.name ?? '(expression)'),
    })),
  );
}

describe('the catalogue\'s indexes', () => {
  it('holds no index whose columns lead another index of its table', () => {
    const indexes = indexesOf(freshCatalogue());
    expect(indexes.length).toBeGreaterThan(20);
    const redundant: string[] = [];
    for (const short of indexes) {
      // A unique index enforces a rule, a partial one covers only some rows: both are kept whatever their columns.
      if (short.unique || short.partial || short.name in KEPT) continue;
      for (const long of indexes) {
        if (long === short || long.table !== short.table || long.partial || long.columns.length < short.columns.length) continue;
        if (short.columns.every((c, i) => long.columns[i] === c) && (long.columns.length > short.columns.length || long.name < short.name)) {
          redundant.push(`${short.name} (${short.columns.join(', ')}) leads ${long.name} (${long.columns.join(', ')})`);
        }
      }
    }
    expect(redundant).toEqual([]);
  });

  it('still searches an index for the lookups a dropped or kept index serves', () => {
    const { db } = freshCatalogue();
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
    const lookups: Array<[string, RegExp]> = [
      // An entity's history (AuditRepository.list, latest), the last row of each record (IntegrityRepository).
      ["SELECT * FROM audit_log WHERE entity_type = 'document' AND entity_id = 7 ORDER BY id DESC LIMIT 50", /SEARCH audit_log USING INDEX audit_log_entity \(entity_type=\? AND entity_id=\?\)/],
      ["SELECT * FROM audit_log WHERE action = 'document.update' AND entity_type = 'document' AND entity_id = 7 ORDER BY id DESC LIMIT 1", /SEARCH audit_log USING INDEX audit_log_entity/],
      ["SELECT entity_id, MAX(id) AS id FROM audit_log WHERE entity_type = 'document' AND entity_id IS NOT NULL GROUP BY entity_id", /SEARCH audit_log USING COVERING INDEX audit_log_entity/],
      // A file's live documents in id order (RemovalRepository): by file, not through every live document.
      ['SELECT id FROM documents WHERE file_id = 3 AND removed_at IS NULL ORDER BY id', /SEARCH documents USING INDEX documents_file \(file_id=\?\)/],
    ];
    for (const [sql, expected] of lookups) expect(plan(sql), sql).toMatch(expected);
  });
});
