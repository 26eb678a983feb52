/** No silent destruction: removal needs a reason, hides the record everywhere, and restore brings it back whole. */
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { SEED } from '../../support/paths';
import type { TestApp } from '../../support/services';
import { archiveWithFiles, callError, importInto, openSafetyApp } from '../../support/safety';

const apps: TestApp[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
});
function start(): TestApp {
  const app = openSafetyApp();
  apps.push(app);
  return app;
}

async function hitIds(app: TestApp, text: string): Promise<number[]> {
  return (await app.call('search.query', { text })).hits.map((h) => h.documentId);
}

describe('removing and restoring a document', () => {
  it('needs a reason, leaves lists, search and counts, is kept with who/when/why, and comes back on restore', async () => {
    const app = start();
    const { fonds, fixed } = await archiveWithFiles(app);
    const [conclusion, letter] = await importInto(app, { fondsId: fonds.id, fileId: fixed.id }, [SEED.conclusion1485, SEED.letter4029]);
    expect(await hitIds(app, '1485-KL/TU')).toContain(conclusion);

    const noReason = await callError(app, 'documents.remove', { id: conclusion!, reason: '' });
    expect(noReason.kind).toBe('invalid_input');

    const removal = await app.call('documents.remove', { id: conclusion!, reason: 'Nhập nhầm vào phông này' });
    expect(removal).toMatchObject({ by: 'tester', reason: 'Nhập nhầm vào phông này' });

    // Gone from the file's list, the search index and the counts …
    const listed = await app.call('documents.list', { fileId: fixed.id });
    expect(listed.items.map((d) => d.id)).toEqual([letter]);
    expect(await hitIds(app, '1485-KL/TU')).not.toContain(conclusion);
    expect(await hitIds(app, 'ban giao tai lieu')).not.toContain(conclusion);
    expect((await app.call('app.counts', {})).documents).toBe(1);
    expect((await app.call('files.get', { id: fixed.id })).documentCount).toBe(1);
    // … but never deleted: still there, with who, when and why, and listed among removed records.
    const detail = await app.call('documents.get', { id: conclusion! });
    expect(detail.removal).toMatchObject({ reason: 'Nhập nhầm vào phông này', by: 'tester' });
    expect(detail.fullText).toContain('bàn giao');
    const removed = await app.call('removed.list', {});
    expect(removed.items).toEqual([expect.objectContaining({ kind: 'document', id: conclusion, reference: '1485-KL/TU' })]);
    // A removed document is not edited until restored.
    expect((await callError(app, 'documents.update', { id: conclusion!, patch: { notes: 'x' } })).kind).toBe('conflict');

    await app.call('documents.restore', { id: conclusion!, reason: 'Đúng phông, gỡ nhầm' });
    expect((await app.call('documents.list', { fileId: fixed.id })).items.map((d) => d.id).sort()).toEqual([conclusion, letter].sort());
    expect(await hitIds(app, '1485-KL/TU')).toContain(conclusion);
    expect(await hitIds(app, 'ban giao tai lieu')).toContain(conclusion);
    expect((await app.call('documents.get', { id: conclusion! })).removal).toBeNull();
    expect((await app.call('removed.list', {})).total).toBe(0);

    const trail = (await app.call('audit.list', { entityType: 'document', entityId: conclusion! })).map((e) => e.action);
    expect(trail.slice(0, 2)).toEqual(['document.restore', 'document.remove']);
  });

  it('removes a file with its documents and restores exactly those (not one removed on its own earlier)', async () => {
    const app = start();
    const { fonds, fixed } = await archiveWithFiles(app);
    const [a, b, c] = await importInto(app, { fondsId: fonds.id, fileId: fixed.id }, [SEED.conclusion1485, SEED.letter4029, SEED.haTinh]);
    await app.call('documents.remove', { id: c!, reason: 'Bản trùng của văn bản khác' });
    const { documentIds } = await app.call('files.remove', { id: fixed.id, reason: 'Lập hồ sơ nhầm' });
    expect(documentIds.sort()).toEqual([a, b].sort());
    expect((await app.call('files.list', { fondsId: fonds.id })).map((f) => f.id)).not.toContain(fixed.id);
    expect(await hitIds(app, '4029')).not.toContain(b);
    // A document cannot come back into a removed file.
    expect((await callError(app, 'documents.restore', { id: a! })).kind).toBe('conflict');

    const restored = await app.call('files.restore', { id: fixed.id });
    expect(restored.documentIds.sort()).toEqual([a, b].sort());
    expect((await app.call('files.list', { fondsId: fonds.id })).map((f) => f.id)).toContain(fixed.id);
    expect((await app.call('documents.list', { fileId: fixed.id })).items.map((d) => d.id).sort()).toEqual([a, b].sort());
    expect(await hitIds(app, '4029')).toContain(b);
    expect((await app.call('documents.get', { id: c! })).removal?.reason).toBe('Bản trùng của văn bản khác');
  });

  it('the database itself refuses to delete a document, a file or an original', async () => {
    const app = start();
    const { fonds, fixed } = await archiveWithFiles(app);
    await importInto(app, { fondsId: fonds.id, fileId: fixed.id }, [SEED.conclusion1485]);
    await app.close();
    apps.length = 0;
    const db = new BetterSqlite3(app.cataloguePath);
    try {
      for (const sql of ['DELETE FROM documents', 'DELETE FROM files', 'DELETE FROM attachments', "UPDATE attachments SET sha256 = 'x'"]) {
        expect(() => db.exec(sql), sql).toThrow(/never|identity/);
      }
      expect((db.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n).toBe(1);
    } finally {
      db.close();
    }
  });
});
