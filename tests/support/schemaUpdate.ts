/**
 * `npm run schema:update`: after adding a migration, records the new version's schema (its hash in
 * tests/fixtures/schema/versions.json, the whole text in schema.sql) and makes the catalogue
 * fixture of every earlier version that has none yet. It refuses to record a changed schema for a
 * version already recorded: shipped migrations are frozen, a change is a new migration.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SCHEMA_VERSION, SNAPSHOT_FILE, VERSIONS_FILE, fixturePath, makeFixture, readVersions, schemaHash, schemaOfVersion } from './schema';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kholuu-schema-'));
try {
  const versions = readVersions();
  const changed: number[] = [];
  let latest = '';
  for (let v = 1; v <= SCHEMA_VERSION; v++) {
    const dump = schemaOfVersion(scratch, v);
    const hash = schemaHash(dump);
    if (v === SCHEMA_VERSION) latest = dump;
    if (versions[v] === undefined) {
      versions[v] = hash;
      console.log(`version ${v}: recorded`);
    } else if (versions[v] !== hash) changed.push(v);
  }
  if (changed.length > 0) {
    console.error(
      `The schema of version(s) ${changed.join(', ')} changed, but those migrations have shipped and are frozen.\n` +
        'Undo the change to the existing migration file(s) and make it a new migration (see DEVELOPERS.md, "Changing the schema").',
    );
    process.exit(1);
  }
  fs.mkdirSync(path.dirname(VERSIONS_FILE), { recursive: true });
  fs.writeFileSync(VERSIONS_FILE, `${JSON.stringify(versions, null, 2)}\n`);
  fs.writeFileSync(SNAPSHOT_FILE, latest);
  console.log(`schema.sql: version ${SCHEMA_VERSION}`);
  for (let v = 1; v < SCHEMA_VERSION; v++) {
    if (fs.existsSync(fixturePath(v))) continue;
    makeFixture(v);
    console.log(`fixture v${v}: made (${fs.statSync(fixturePath(v)).size} bytes)`);
  }
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
