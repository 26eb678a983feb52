import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Catalogue } from '../../../electron/data/catalogue';
import { createServices } from '../../../electron/services/createServices';
import { SCHEMA_VERSION, SNAPSHOT_FILE, dumpSchema, readVersions, schemaHash, schemaOfVersion } from '../../support/schema';
import { tempDir, testAppOf } from '../../support/services';

/**
 * The schema changes only through new numbered migrations: each version's schema is recorded (its
 * hash in tests/fixtures/schema/versions.json, the newest in full in schema.sql) and never changes
 * once recorded, and nothing but the migrations touches the schema of a catalogue in use. After
 * adding a migration, `npm run schema:update` records it (DEVELOPERS.md, "Changing the schema").
 */
describe('the schema snapshot', () => {
  it('records the schema of every version, unchanged since it was recorded', () => {
    const dir = tempDir('kholuu-schema-');
    const versions = readVersions();
    for (let v = 1; v <= SCHEMA_VERSION; v++) {
      expect(versions[v], `version ${v} is not recorded: run npm run schema:update`).toBeDefined();
      expect(schemaHash(schemaOfVersion(dir, v)), `the schema of version ${v} changed: shipped migrations are frozen, make the change a new migration`).toBe(versions[v]);
    }
    expect(Object.keys(versions).map(Number).sort((a, b) => a - b), 'a version is recorded that no migration makes').toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
    expect(schemaOfVersion(dir, SCHEMA_VERSION), 'schema.sql is not the newest schema: run npm run schema:update').toBe(fs.readFileSync(SNAPSHOT_FILE, 'utf8'));
  });

  it('is all there is: opening a catalogue and searching it adds nothing to the schema', async () => {
    const dir = tempDir('kholuu-schema-');
    const cataloguePath = path.join(dir, 'catalogue.sqlite');
    const app = testAppOf(dir, cataloguePath, createServices({ cataloguePath, host: 'test', version: 'test', samplesDir: null, actor: 'tester' }));
    await app.call('search.query', { text: 'bàn giao', facets: true });
    await app.call('search.suggest', { text: 'huyen' });
    await app.call('app.counts', {});
    await app.close();
    const again = Catalogue.open(cataloguePath);
    try {
      expect(dumpSchema(again.db)).toBe(fs.readFileSync(SNAPSHOT_FILE, 'utf8'));
    } finally {
      again.close();
    }
  });
});
