/**
 * A batch's documents are read for packaging without reading their full texts: the columns stored
 * after the text (removed, times, fields for review, notes) come from the `documents_file_state`
 * index. The records read that way are the records, and the queries that only need those columns
 * never open a document's row.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { documentFieldsOf } from '../bench/corpus/documentFields';
import { generateDocuments } from '../bench/corpus/generate';
import { type TestApp, makeFondsWithFile, openTestApp, tempDir } from '../support/services';

const apps: TestApp[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
});

async function batchOfDocuments() {
  const app = openTestApp(tempDir('kholuu-state-index-'));
  apps.push(app);
  const { fonds, file } = await makeFondsWithFile(app);
  const other = await app.call('files.create', { fondsId: fonds.id, code: '2', title: 'Nghị quyết của Huyện ủy', retentionCode: 'VV' });
  const { repos } = app.services.context.catalogue;
  const now = '2025-07-01T08:00:00.000Z';
  const ids: number[] = [];
  let i = 0;
  for (const d of generateDocuments({ count: 6, seed: 11 })) {
    const fileId = i % 2 === 0 ? file.id : other.id;
    // Long texts (overflow pages), notes and fields for review on some: what the index must carry.
    const fields = documentFieldsOf(d.truth, { fondsId: fonds.id, fileId, orderInFile: 10 - i, sheetNumber: null, securityLevel: null, fullText: d.text.repeat(20) });
    ids.push(repos.documents.insert({ ...fields, notes: i % 3 === 0 ? `Ghi chú ${i}: bản sao, mờ trang ${i + 1}` : null, reviewFields: i % 2 === 1 ? ['issuer', 'signerName'] : [] }, now));
    i++;
  }
  return { app, repos, fileIds: [file.id, other.id], ids };
}

describe('a batch read for packaging', () => {
  it('lists each file\'s documents as they are stored, in file order, leaving removed ones out', async () => {
    const { app, repos, fileIds, ids } = await batchOfDocuments();
    repos.documents.update(ids[1]!, { notes: 'Đã đối chiếu với bản chính' }, '2025-07-02T09:00:00.000Z');
    await app.call('documents.remove', { id: ids[2]!, reason: 'Bản trùng' });

    const listed = repos.documents.listOfFiles(fileIds);
    for (const fileId of fileIds) {
      const expected = ids
        .map((id) => repos.documents.get(id)!)
        .filter((d) => d.fileId === fileId && d.id !== ids[2])
        .sort((a, b) => a.orderInFile! - b.orderInFile!);
      expect(listed.get(fileId)).toEqual(expected);
    }
    const first = listed.get(fileIds[1]!)!.find((d) => d.id === ids[1])!;
    expect(first.notes).toBe('Đã đối chiếu với bản chính');
    expect(first.reviewFields).toEqual(['issuer', 'signerName']);
    expect(first.updatedAt).toBe('2025-07-02T09:00:00.000Z');
    expect(first.createdAt).toBe('2025-07-01T08:00:00.000Z');
    expect([...listed.values()].flat().map((d) => d.id)).not.toContain(ids[2]);
  });

  it('checks what changed, and fingerprints the batch, from the index alone', async () => {
    const { app, fileIds } = await batchOfDocuments();
    const { db } = app.services.context.catalogue;
    const ids = JSON.stringify(fileIds);
    const plan = (sql: string, ...args: unknown[]) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
    // The statements of HandoverDataRepository.changedSince and contentStamps.
    expect(plan('SELECT COUNT(*) AS n FROM documents WHERE file_id IN (SELECT value FROM json_each(?)) AND updated_at > ?', ids, '2025-01-01')).toContain('COVERING INDEX documents_file_state');
    expect(plan('SELECT id, file_id, updated_at, removed_at FROM documents WHERE file_id IN (SELECT value FROM json_each(?)) ORDER BY id', ids)).toContain('COVERING INDEX documents_file_state');
    expect(app.services.context.catalogue.repos.handoverData.changedSince(fileIds, '2025-06-30T00:00:00.000Z')).toBe(2 + 6);
    expect(app.services.context.catalogue.repos.handoverData.changedSince(fileIds, '2025-07-01T08:00:00.000Z')).toBe(2);
  });
});
