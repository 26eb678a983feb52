import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/services/createServices';
import { FIXTURE_DOCUMENTS, SCHEMA_VERSION, SNAPSHOT_FILE, copyFixture, dumpSchema, fixturePath } from '../../support/schema';
import { tempDir, testAppOf, type TestApp } from '../../support/services';

/**
 * A catalogue written by every earlier schema version (tests/fixtures/schema/v<N>.sqlite, made by
 * `npm run schema:update` with that version's migrations and kept as it was made) opens in this
 * build: migrated to the newest schema — the same schema a new catalogue gets —, its records
 * intact, its audit chain whole, and searchable as if it had been made today.
 */

const apps: TestApp[] = [];
afterEach(async () => {
  while (apps.length > 0) await apps.pop()!.close();
});

function openCopy(version: number, host: 'test' | 'web'): TestApp {
  const dir = tempDir(`kholuu-upgrade-v${version}-`);
  const cataloguePath = copyFixture(version, dir);
  const app = testAppOf(dir, cataloguePath, createServices({ cataloguePath, host, version: 'test', samplesDir: null, actor: 'tester' }));
  apps.push(app);
  return app;
}

const doc = (key: (typeof FIXTURE_DOCUMENTS)[number]['key']) => FIXTURE_DOCUMENTS.find((d) => d.key === key)!;
const versions = Array.from({ length: SCHEMA_VERSION - 1 }, (_, i) => i + 1);

describe('upgrading a catalogue of every earlier schema version', () => {
  it('has a fixture for every earlier version', () => {
    for (const v of versions) expect(fs.existsSync(fixturePath(v)), `no fixture for version ${v}: run npm run schema:update`).toBe(true);
  });

  it.each(versions)('opens a version %i catalogue: newest schema, records and audit chain intact, search as if new', async (version) => {
    const app = openCopy(version, 'test');
    const ctx = app.services.context;
    expect(ctx.catalogue.schemaVersion).toBe(SCHEMA_VERSION);
    expect(dumpSchema(ctx.catalogue.db)).toBe(fs.readFileSync(SNAPSHOT_FILE, 'utf8'));
    // The upgrade is audited, after a backup of the catalogue as it was.
    const migrated = (await app.call('audit.list', { limit: 5 })).find((a) => a.action === 'catalogue.migrate')!;
    expect(migrated.before).toEqual({ schemaVersion: version });
    expect((migrated.after as { schemaVersion: number }).schemaVersion).toBe(SCHEMA_VERSION);
    expect((await app.call('audit.verify', {})).ok).toBe(true);

    // Records as they were written.
    const removable = version >= 5;
    const inUse = FIXTURE_DOCUMENTS.filter((d) => !(removable && d.key === 'removed'));
    expect((await app.call('app.counts', {})).documents).toBe(inUse.length);
    const found = await app.call('search.query', { text: '1485-KL/TU' });
    expect(found.direct).not.toBeNull();
    const detail = await app.call('documents.get', { id: found.direct! });
    expect(detail).toMatchObject({ numberSymbol: '1485-KL/TU', issueDate: '2025-05-14', subject: doc('conclusion').subject, fullText: doc('conclusion').body });
    expect(detail.file?.code).toBe('01');
    expect(detail.attachments.map((a) => a.fileName)).toEqual(['1485-KL-TU.txt']);

    // Search: words with or without diacritics, the body, the undated record, facets that add up.
    expect((await app.call('search.query', { text: 'ban giao tai lieu' })).hits.map((h) => h.numberSymbol)).toEqual(['1485-KL/TU']);
    expect((await app.call('search.query', { text: 'chỉnh lý' })).total).toBe(inUse.filter((d) => /chỉnh lý/.test(`${d.subject} ${d.body}`)).length);
    const facets = await app.call('search.facets', {});
    expect(facets.total).toBe(inUse.length);
    expect((await app.call('search.query', { text: '' })).total).toBe(inUse.length);
    expect((await app.call('search.query', { text: 'tiep dan' })).total).toBe(removable ? 0 : 1);
    if (version >= 3) expect((await app.call('search.history.list', {})).map((h) => h.text)).toContain('bàn giao');
    if (version >= 3) expect((await app.call('search.saved.list', {})).map((s) => s.name)).toEqual(['Kết luận 2025']);
    if (version >= 2) {
      const letter = (await app.call('search.query', { text: '4029-CV/TU' })).direct!;
      expect((await app.call('documents.citations', { id: letter })).cites.map((c) => c.numberSymbol)).toContain('1485-KL/TU');
    }
  });

  it.each(versions)('keeps the secret record of a version %i catalogue out of a locked viewer’s search', async (version) => {
    const app = openCopy(version, 'web');
    expect((await app.call('search.query', { text: 'quoc phong' })).total).toBe(0);
    expect((await app.call('search.query', { text: '12-NQ/TU' })).total).toBe(0);
    expect((await app.call('search.facets', {})).groups.find((g) => g.key === 'security')!.values.map((v) => v.value)).toEqual(['none']);
  });
});
