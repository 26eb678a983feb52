/**
 * Arranging a fonds' files (sắp xếp hồ sơ) and renumbering them (đánh lại số hồ sơ) as bulk
 * actions: the new numbers in the order given, one audit row per file changed, the Mục lục hồ sơ
 * printed in the new order, undo as one audited step, and the refusals — a file locked in a
 * handover batch keeps its number, a number another file holds refuses the whole action.
 */
import { describe, expect, it } from 'vitest';
import { auditRows, bulkWorlds, runBulk, type BulkWorld } from '../../support/bulkWorld';

const world = bulkWorlds();

async function codes(w: BulkWorld, ids: number[]): Promise<string[]> {
  return (await Promise.all(ids.map((id) => w.app.call('files.get', { id })))).map((f) => f.code);
}

/** The Mục lục hồ sơ of the fonds as CSV: each item row's STT, number and title. */
async function fileListRows(w: BulkWorld): Promise<Array<{ stt: string; code: string; title: string }>> {
  const csv = await w.app.call('handover.export', { fondsId: w.fondsId, form: 'fileList', format: 'csv', download: true });
  const text = Buffer.from(csv.contentBase64!, 'base64').toString('utf8');
  const rows: Array<{ stt: string; code: string; title: string }> = [];
  for (const line of text.split(/\r?\n/)) {
    const cells = line.split(',').map((c) => c.replace(/^"|"$/g, ''));
    if (/^\d+$/.test(cells[0] ?? '') && cells.length > 3) rows.push({ stt: cells[0]!, code: cells[1]!, title: cells[2]! });
  }
  return rows;
}

describe('arranging the files of a fonds', () => {
  it('exchanges numbers to follow the order given, audits each file, prints the Mục lục in that order, and undoes as one step', async () => {
    const w = await world();
    const [f2022, f2023, f2024, f2025] = [2022, 2023, 2024, 2025].map((y) => w.fileByYear.get(y)!);
    expect(await codes(w, [f2022!, f2023!, f2024!, f2025!])).toEqual(['1', '2', '3', '4']);
    // Give every file the same retention so the Mục lục holds them in one section.
    await runBulk(w.app, { action: 'files.setFields', selection: { kind: 'ids', ids: [f2025!] }, fields: { retentionCode: 'VV' } });

    // 2025's file moved to the top: it takes number 1, the others move down one.
    const order = [f2025!, f2022!, f2023!, f2024!];
    const result = await runBulk(w.app, { action: 'files.reorder', selection: { kind: 'ids', ids: order } });
    expect(result.changed).toBe(4);
    expect(await codes(w, order)).toEqual(['1', '2', '3', '4']);
    const audits = auditRows(w.app, 'bulk.file.reorder');
    expect(audits).toHaveLength(4);
    expect(audits.find((a) => a.entity_id === f2025)).toMatchObject({ before_json: JSON.stringify({ code: '4' }), after_json: JSON.stringify({ code: '1' }) });

    // The list the app shows and the Mục lục follow the new numbers.
    expect((await w.app.call('files.list', { fondsId: w.fondsId })).map((f) => f.id)).toEqual(order);
    const printed = await fileListRows(w);
    expect(printed.map((r) => r.title)).toEqual(['Văn bản của Huyện ủy năm 2025', 'Văn bản của Huyện ủy năm 2022', 'Văn bản của Huyện ủy năm 2023', 'Văn bản của Huyện ủy năm 2024']);
    expect(printed.map((r) => r.code)).toEqual(['1', '2', '3', '4']);

    await w.app.call('bulk.undo', { operationId: result.operationId! });
    expect(await codes(w, [f2022!, f2023!, f2024!, f2025!])).toEqual(['1', '2', '3', '4']);
    expect(auditRows(w.app, 'bulk.file.undo').filter((a) => [f2022, f2023, f2024, f2025].includes(a.entity_id))).toHaveLength(4);
    expect((await fileListRows(w)).map((r) => r.title)[0]).toBe('Văn bản của Huyện ủy năm 2022');
  });

  it('renumbers 1..n in the order given, with a prefix, leaving unchanged files out of the audit', async () => {
    const w = await world();
    const ids = [2022, 2023, 2024, 2025].map((y) => w.fileByYear.get(y)!);
    const gapped = await runBulk(w.app, { action: 'files.renumber', selection: { kind: 'ids', ids }, start: 10, prefix: '' });
    expect(await codes(w, ids)).toEqual(['10', '11', '12', '13']);
    expect(auditRows(w.app, 'bulk.file.renumber')).toHaveLength(4);
    const swapped = [ids[1]!, ids[0]!, ids[2]!, ids[3]!];
    const again = await runBulk(w.app, { action: 'files.renumber', selection: { kind: 'ids', ids: swapped }, start: 10, prefix: '' });
    // Only the two exchanged numbers change.
    expect(again).toMatchObject({ changed: 2, unchanged: 2 });
    expect(await codes(w, swapped)).toEqual(['10', '11', '12', '13']);
    expect(auditRows(w.app, 'bulk.file.renumber')).toHaveLength(6);
    await runBulk(w.app, { action: 'files.renumber', selection: { kind: 'ids', ids: swapped }, start: 1, prefix: 'HS-' });
    expect(await codes(w, swapped)).toEqual(['HS-1', 'HS-2', 'HS-3', 'HS-4']);
    expect(gapped.operationId).not.toBeNull();
  });

  it('keeps the number of a file in a listed handover batch and reports why; a number held by another file refuses the whole action', async () => {
    const w = await world();
    const [f2022, f2023, f2024, f2025] = [2022, 2023, 2024, 2025].map((y) => w.fileByYear.get(y)!);
    const batch = await w.app.call('handover.batches.create', { code: 'BG-SX', fromOrganizationId: w.orgId, toOrganizationId: w.successorId, recipientKind: 'successor' });
    await runBulk(w.app, { action: 'files.setFields', selection: { kind: 'ids', ids: [f2022!] }, fields: { box: '1' } });
    await w.app.call('handover.batches.addFiles', { batchId: batch.id, fileIds: [f2022!] });
    await w.app.call('handover.batches.advance', { id: batch.id, to: 'listed' });

    // The listed file (number 1) asked to go last: it keeps 1; the others share 2, 3, 4 in the order given.
    const result = await runBulk(w.app, { action: 'files.reorder', selection: { kind: 'ids', ids: [f2025!, f2024!, f2023!, f2022!] } });
    expect(result.refusals).toEqual([{ entityType: 'file', id: f2022, label: '1', code: 'file_in_handover', params: { batch: 'BG-SX', status: 'listed' } }]);
    expect(await codes(w, [f2022!, f2025!, f2024!, f2023!])).toEqual(['1', '2', '3', '4']);
    expect(auditRows(w.app, 'bulk.file.reorder').map((a) => a.entity_id).sort()).toEqual([f2023, f2025].sort());

    // Renumbering from 0 would give the locked file's number 1 to another: refused, nothing written.
    const before = await codes(w, [f2022!, f2023!, f2024!, f2025!]);
    await expect(w.app.call('bulk.start', { action: 'files.renumber', selection: { kind: 'ids', ids: [f2022!, f2025!, f2024!, f2023!] }, start: 0, prefix: '' })).rejects.toMatchObject({
      code: 'bulk.fileCodesTaken',
      params: { codes: ['1'] },
    });
    expect(await codes(w, [f2022!, f2023!, f2024!, f2025!])).toEqual(before);
  });

  it('refuses files of another fonds, by record', async () => {
    const w = await world();
    const ids = [2022, 2023].map((y) => w.fileByYear.get(y)!);
    const other = await w.app.call('files.create', { fondsId: w.otherFondsId, code: '7', title: 'Hồ sơ của phông khác' });
    const result = await runBulk(w.app, { action: 'files.reorder', selection: { kind: 'ids', ids: [ids[1]!, other.id, ids[0]!] } });
    expect(result.refusedByCode).toEqual({ not_in_list: 1 });
    expect(await codes(w, ids)).toEqual(['2', '1']);
    expect((await w.app.call('files.get', { id: other.id })).code).toBe('7');
  });
});
