/**
 * A handover batch is no dead end: a draft's particulars are edited on it (recipient included) and
 * a draft is removed with a reason, its files free again. Documents dated outside their file's
 * dates are reported before they reach a Biên bản, and the inventory and the Biên bản state the
 * bodies' 2025 lineage.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../../support/office';
import { tempDir } from '../../support/services';
import { auditRows, bulkWorlds } from '../../support/bulkWorld';

const world = bulkWorlds();

describe('a draft handover batch', () => {
  it('takes a new recipient and representatives, and once removed frees its files for another batch', async () => {
    const w = await world({ count: 20 });
    const other = await w.app.call('organizations.create', { name: 'Kho lưu trữ Tỉnh ủy Đắk Lắk', level: 'province' });
    const batch = await w.app.call('handover.batches.create', { code: 'BG-01', fromOrganizationId: w.orgId, toOrganizationId: w.successorId, recipientKind: 'successor' });
    const fileIds = [...w.fileByYear.values()].slice(0, 2);
    await w.app.call('handover.batches.addFiles', { batchId: batch.id, fileIds });
    const edited = await w.app.call('handover.batches.update', {
      id: batch.id,
      patch: { toOrganizationId: other.id, recipientKind: 'provincial_archive', handoverDate: '2025-08-15', senderRepresentative: 'Nguyễn Văn A', receiverRepresentative: 'Trần Thị B' },
    });
    expect(edited).toMatchObject({ toOrganizationName: 'Kho lưu trữ Tỉnh ủy Đắk Lắk', recipientKind: 'provincial_archive', handoverDate: '2025-08-15' });

    const removed = await w.app.call('handover.batches.remove', { id: batch.id, reason: 'Lập nhầm, sẽ lập đợt khác' });
    expect(removed.fileIds.sort()).toEqual(fileIds.sort());
    expect((await w.app.call('handover.batches.list', {})).map((b) => b.id)).not.toContain(batch.id);
    const row = auditRows(w.app, 'handover.remove')[0]!;
    expect(JSON.parse(row.after_json!)).toMatchObject({ removalReason: 'Lập nhầm, sẽ lập đợt khác' });
    // The files go into another batch without complaint.
    const next = await w.app.call('handover.batches.create', { code: 'BG-02', fromOrganizationId: w.orgId, toOrganizationId: other.id, recipientKind: 'provincial_archive' });
    await w.app.call('handover.batches.addFiles', { batchId: next.id, fileIds });
    expect((await w.app.call('handover.batches.get', { id: next.id })).files).toHaveLength(2);
    // A batch past the draft is the record of a handover: not removable.
    await expect(w.app.call('handover.batches.remove', { id: batch.id, reason: 'Lần nữa cho chắc' })).rejects.toMatchObject({ kind: 'not_found' });
  });
});

describe('before a Biên bản', () => {
  it('reports documents dated outside their file, and states the lineage in the inventory and the minutes', async () => {
    const w = await world({ count: 24 });
    const f2023 = w.fileByYear.get(2023)!;
    const stray = w.docs.find((d) => d.fileId === f2023 && !d.secret)!;
    await w.app.call('documents.update', { id: stray.id, patch: { issueDate: '2021-03-04' } });
    await w.app.call('organizations.addSuccessor', { predecessorId: w.orgId, successorId: w.successorId, kind: 'dissolved', effectiveDate: '2025-07-01', basis: 'Nghị quyết số 60-NQ/TW' });

    const inventory = await w.app.call('handover.inventory', { fondsId: w.fondsId });
    expect(inventory.datesOutsideFile).toEqual({
      count: 1,
      items: [expect.objectContaining({ documentId: stray.id, issueDate: '2021-03-04', fileId: f2023, start: '2023-01-01', end: '2023-12-31' })],
    });
    expect(inventory.lineage).toEqual(['Huyện ủy Krông Pắc giải thể từ ngày 01 tháng 7 năm 2025 (theo Nghị quyết số 60-NQ/TW); công việc và tài liệu chuyển giao cho Đảng ủy xã Krông Pắc.']);

    const batch = await w.app.call('handover.batches.create', { code: 'BG-03', fromOrganizationId: w.orgId, toOrganizationId: w.successorId, recipientKind: 'successor' });
    const secrets = w.docs.filter((d) => d.fileId === f2023 && d.secret).map((d) => d.id);
    await w.app.call('handover.batches.addFiles', {
      batchId: batch.id,
      fileIds: [f2023],
      ...(secrets.length > 0 ? { secretConfirmation: { documentIds: secrets, reason: 'Đã giải mật theo quyết định' } } : {}),
    });
    const detail = await w.app.call('handover.batches.get', { id: batch.id });
    expect(detail.inventory.datesOutsideFile?.count).toBe(1);
    const out = path.join(tempDir('kholuu-minutes-'), 'bien-ban.pdf');
    await w.app.call('handover.export', { batchId: batch.id, form: 'minutes', format: 'pdf', out });
    expect(fs.existsSync(out)).toBe(true);
    const text = pdfText(out).replace(/\s+/g, ' ');
    expect(text).toContain('Huyện ủy Krông Pắc giải thể từ ngày 01 tháng 7 năm 2025');
    expect(text).toContain('chuyển giao cho Đảng ủy xã Krông Pắc');
  });
});
