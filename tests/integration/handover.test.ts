/**
 * The handover end to end on real files: the sample fonds is put in a batch, packaged (zip and
 * folder), verified, and received into a second, empty catalogue; both catalogues then hold the
 * same records and the same bytes. Also: the batch's steps and what guards them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/contract/errors';
import { catalogueContent, jobResult, listedSampleBatch, packageBatch, receive, sampleFondsReady, verify } from '../support/handover';
import { openTestApp, tempDir, type TestApp } from '../support/services';

const apps: TestApp[] = [];
function app(prefix: string): TestApp {
  const a = openTestApp(tempDir(prefix));
  apps.push(a);
  return a;
}
afterEach(async () => {
  while (apps.length > 0) await apps.pop()!.close();
});

async function expectRefused(p: Promise<unknown>, code: string, message: RegExp) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  expect((err as ApiError).kind).toBe(code);
  expect((err as ApiError).message).toMatch(message);
}

describe('handover of the sample fonds, from draft to received', () => {
  it.each([
    ['zip', 'goi-ban-giao.zip'],
    ['folder', 'goi-ban-giao'],
  ])('packages as a %s, verifies it, and a second catalogue receives identical records and bytes', async (_kind, name) => {
    const sender = app('kholuu-sender-');
    const { batch } = await listedSampleBatch(sender);
    expect(batch.status).toBe('listed');
    expect(batch.files.every((f) => f.handoverStatus === 'listed')).toBe(true);

    const out = path.join(sender.dir, name);
    const pkg = await packageBatch(sender, batch.id, out);
    expect(fs.existsSync(out)).toBe(true);
    expect(fs.readdirSync(path.dirname(out)).filter((f) => f.includes('.partial-'))).toEqual([]);
    const packed = await sender.call('handover.batches.get', { id: batch.id });
    expect(packed.status).toBe('packed');
    expect(packed.package).toMatchObject({ path: out, digest: pkg.digest, payloadOxum: pkg.payloadOxum });
    expect(packed.files.every((f) => f.handoverStatus === 'packed')).toBe(true);

    const report = await verify(sender, out);
    expect(report.problems).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.digest).toBe(pkg.digest);
    expect(report.contents).toMatchObject({ fondsCodes: ['MAU-01'], files: 2, documents: 5, attachments: 5 });
    // Checked against the sender's own catalogue: every original is already held there.
    expect(report.alreadyHeld).toHaveLength(5);
    expect(report.alreadyReceivedBatchId).toBe(batch.id);

    const handedOver = await sender.call('handover.batches.advance', { id: batch.id, to: 'handed_over' });
    expect(handedOver.status).toBe('handed_over');

    const receiver = app('kholuu-receiver-');
    const { status, result } = await receive(receiver, out);
    expect(status.error).toBeNull();
    expect(status.state).toBe('done');
    // The receiving catalogue was backed up before the fonds came in (undo = restore that backup).
    expect((await receiver.call('backups.list', {})).map((b) => b.reason)).toEqual(['pre-receive']);
    // Citations are read again from the received texts: the same documents are missing on both sides.
    const missing = async (a: typeof sender) => (await a.call('citations.missing', {})).items.map((m) => m.numberSymbol).sort();
    expect(await missing(receiver)).toEqual(await missing(sender));
    expect((await missing(receiver)).length).toBeGreaterThan(0);
    expect(result!.report.valid).toBe(true);
    expect(result!.result).toMatchObject({ fondsCodes: ['MAU-01'], files: 2, documents: 5, attachments: 5, duplicates: [] });

    const receipt = result!.result!.receiptPath!;
    const done = await sender.call('handover.batches.recordReceipt', { id: batch.id, receiptPath: receipt });
    expect(done.status).toBe('received');
    expect(done.receipt).toMatchObject({ source: 'receipt_file', digest: pkg.digest });

    // The two catalogues now hold the same fonds, files, documents, texts and bytes.
    const a = await catalogueContent(sender, { withHandoverStatus: true });
    const b = await catalogueContent(receiver, { withHandoverStatus: true });
    expect(b).toEqual(a);
    expect(a[0]!.files).toHaveLength(2);
    expect(a[0]!.files.flatMap((f) => f.documents)).toHaveLength(5);
    expect(a[0]!.organization.successors).toEqual([{ name: 'Đảng ủy xã Mẫu (đơn vị minh họa)', effectiveDate: '2025-07-01', basis: expect.any(String) }]);

    // The receipt is recorded on an incoming batch with the same identity.
    const incoming = await receiver.call('handover.batches.list', {});
    expect(incoming).toHaveLength(1);
    expect(incoming[0]).toMatchObject({ uuid: batch.uuid, code: batch.code, direction: 'incoming', status: 'received', fileCount: 2, documentCount: 5 });
    expect(incoming[0]!.verification?.valid).toBe(true);
    const search = await receiver.call('search.query', { text: 'ban chap hanh dang bo tinh' });
    expect(search.total).toBeGreaterThan(0);
  });

  it('never receives the same package twice, and says so', async () => {
    const sender = app('kholuu-sender-');
    const { batch } = await listedSampleBatch(sender);
    const out = path.join(sender.dir, 'goi.zip');
    await packageBatch(sender, batch.id, out);
    const receiver = app('kholuu-receiver-');
    expect((await receive(receiver, out)).status.state).toBe('done');
    const before = receiver.services.context.catalogue.repos.counts();
    const again = await receive(receiver, out);
    expect(again.status.state).toBe('failed');
    expect(again.status.error).toMatch(/đã được tiếp nhận/);
    expect(again.result!.report.alreadyReceivedBatchId).not.toBeNull();
    expect(receiver.services.context.catalogue.repos.counts()).toEqual(before);
    // Receiving into the catalogue that made it is refused too.
    const self = await receive(sender, out);
    expect(self.status.error).toMatch(/chính kho lưu trữ này/);
  });

  it('catalogues originals the receiver already holds once, and reports them', async () => {
    const sender = app('kholuu-sender-');
    const { batch } = await listedSampleBatch(sender);
    const out = path.join(sender.dir, 'goi.zip');
    await packageBatch(sender, batch.id, out);
    const receiver = app('kholuu-receiver-');
    // The provincial archive already has conclusion 1485 in its own fonds.
    const org = await receiver.call('organizations.create', { name: 'Tỉnh ủy Đắk Lắk', level: 'province' });
    const fonds = await receiver.call('fonds.create', { code: 'TU-DL', name: 'Phông Tỉnh ủy Đắk Lắk', organizationId: org.id });
    const sample = path.join(receiver.services.context.samplesDir!, '000_7b32d37c7a9e4c58.txt');
    await jobResult(receiver, (await receiver.call('import.start', { target: { fondsId: fonds.id }, paths: [sample] })).jobId);
    const held = (await receiver.call('app.counts', {})).attachments;
    expect(held).toBe(1);

    const report = await verify(receiver, out);
    expect(report.valid).toBe(true);
    expect(report.alreadyHeld.map((h) => h.path)).toEqual([expect.stringMatching(/000_7b32d37c7a9e4c58\.txt$/)]);
    const { status, result } = await receive(receiver, out);
    expect(status.state).toBe('done');
    expect(result!.result!.duplicates).toHaveLength(1);
    expect(result!.result!.attachments).toBe(4);
    const counts = await receiver.call('app.counts', {});
    expect(counts.documents).toBe(6);
    expect(counts.attachments).toBe(5);
  });

  it('refuses a package whose fonds code belongs to another organization here, changing nothing', async () => {
    const sender = app('kholuu-sender-');
    const { batch } = await listedSampleBatch(sender);
    const out = path.join(sender.dir, 'goi.zip');
    await packageBatch(sender, batch.id, out);
    const receiver = app('kholuu-receiver-');
    const other = await receiver.call('organizations.create', { name: 'Huyện ủy Khác', level: 'district' });
    await receiver.call('fonds.create', { code: 'MAU-01', name: 'Phông khác', organizationId: other.id });
    const before = receiver.services.context.catalogue.repos.counts();
    const { status } = await receive(receiver, out);
    expect(status.state).toBe('failed');
    expect(status.error).toMatch(/Mã phông “MAU-01” đã được dùng/);
    expect(receiver.services.context.catalogue.repos.counts()).toEqual(before);
    expect(await receiver.call('handover.batches.list', {})).toEqual([]);
  });
});

describe('what guards a batch', () => {
  it('refuses to list a batch with files missing retention, title or dates, naming the problem', async () => {
    const a = app('kholuu-batch-');
    const loaded = await a.call('samples.load', {});
    const files = await a.call('files.list', { fondsId: loaded.fondsId });
    const orgs = await a.call('organizations.list', {});
    const batch = await a.call('handover.batches.create', { code: 'BG-1', fromOrganizationId: orgs[0]!.id, toOrganizationId: orgs[1]!.id });
    const detail = await a.call('handover.batches.addFiles', { batchId: batch.id, fileIds: files.map((f) => f.id) });
    expect(detail.inventory.problems.map((p) => [p.code, p.problems])).toEqual([['2', ['no_dates']]]);
    expect(detail.blockers.map((b) => b.code)).toEqual(['file_problems']);
    await expectRefused(a.call('handover.batches.advance', { id: batch.id, to: 'listed' }), 'conflict', /thiếu thời hạn bảo quản, tiêu đề hoặc thời gian/);
    expect((await a.call('files.list', { fondsId: loaded.fondsId })).every((f) => f.handoverStatus === 'not_started')).toBe(true);
  });

  it('puts a file in one batch only, and refuses packing before listing', async () => {
    const a = app('kholuu-batch-');
    const { files, from, to, batch } = await listedSampleBatch(a);
    const second = await a.call('handover.batches.create', { code: 'BG-2', fromOrganizationId: from.id, toOrganizationId: to.id });
    await expectRefused(a.call('handover.batches.addFiles', { batchId: second.id, fileIds: [files[0]!.id] }), 'conflict', /đã nằm trong một đợt bàn giao/);
    await expectRefused(a.call('handover.package.start', { batchId: second.id }), 'conflict', /Không thể chuyển từ bước “Dự thảo”/);
    await expectRefused(a.call('handover.batches.removeFiles', { batchId: batch.id, fileIds: [files[0]!.id] }), 'conflict', /còn là dự thảo/);
  });

  it('numbers boxes per retention class, continuing after the fonds’ highest box, with audit rows', async () => {
    const a = app('kholuu-boxes-');
    const s = await sampleFondsReady(a);
    const extra = [];
    for (const [code, retentionCode] of [
      ['3', 'VV'],
      ['4', 'VV'],
      ['5', '10'],
    ] as const) {
      extra.push(await a.call('files.create', { fondsId: s.fondsId, code, title: `Hồ sơ ${code}`, retentionCode, startDate: '2024-01-01', endDate: '2024-12-31' }));
    }
    const batch = await a.call('handover.batches.create', { code: 'BG-H', fromOrganizationId: s.from.id, toOrganizationId: s.to.id });
    await a.call('handover.batches.addFiles', { batchId: batch.id, fileIds: [...s.files, ...extra].map((f) => f.id) });
    const detail = await a.call('handover.batches.assignBoxes', { batchId: batch.id, filesPerBox: 1 });
    const box = (code: string) => detail.files.find((f) => f.code === code)!.box;
    expect([box('1'), box('2'), box('3'), box('4'), box('5')]).toEqual(['1', '1', '2', '3', '4']);
    const audit = await a.call('audit.list', { entityType: 'file', entityId: extra[2]!.id, limit: 10 });
    expect(audit[0]).toMatchObject({ action: 'file.update', before: { box: null }, after: { box: '4' } });
  });

  it('keeps a file in a batch from being deleted, and audits every edit and status change', async () => {
    const a = app('kholuu-audit-');
    const { batch, files } = await listedSampleBatch(a);
    const db = a.services.context.catalogue.db;
    expect(() => db.prepare('DELETE FROM files WHERE id = ?').run(files[0]!.id)).toThrow();
    expect(() => db.prepare('DELETE FROM documents WHERE file_id = ?').run(files[0]!.id)).toThrow();
    await a.call('files.update', { id: files[0]!.id, patch: { notes: 'Bìa hồ sơ đã thay' } });
    const rows = await a.call('audit.list', { entityType: 'file', entityId: files[0]!.id, limit: 20 });
    expect(rows[0]).toMatchObject({ action: 'file.update', after: { notes: 'Bìa hồ sơ đã thay' } });
    expect(rows.some((r) => r.action === 'file.handoverStatus' && (r.after as { handoverStatus: string }).handoverStatus === 'listed')).toBe(true);
    const detail = await a.call('handover.batches.get', { id: batch.id });
    expect(detail.changedSince.listed).toBe(1);
  });

  it('refuses to hand over a batch changed after packing, until it is packed again', async () => {
    const a = app('kholuu-stale-');
    const { batch, files } = await listedSampleBatch(a);
    await packageBatch(a, batch.id, path.join(a.dir, 'v1.zip'));
    const docs = await a.call('documents.list', { fileId: files[0]!.id });
    await a.call('documents.update', { id: docs.items[0]!.id, patch: { sheetNumber: '1-3' } });
    await expectRefused(a.call('handover.batches.advance', { id: batch.id, to: 'handed_over' }), 'conflict', /thay đổi sau khi đóng gói/);
    await packageBatch(a, batch.id, path.join(a.dir, 'v2.zip'));
    expect((await a.call('handover.batches.advance', { id: batch.id, to: 'handed_over' })).status).toBe('handed_over');
    await expectRefused(a.call('handover.batches.update', { id: batch.id, patch: { place: 'Khác' } }), 'conflict', /biên bản đã ký/);
  });

  it('records a receipt by hand, or refuses one for another package', async () => {
    const a = app('kholuu-receipt-');
    const { batch } = await listedSampleBatch(a);
    await packageBatch(a, batch.id, path.join(a.dir, 'goi.zip'));
    await a.call('handover.batches.advance', { id: batch.id, to: 'handed_over' });
    const fake = path.join(a.dir, 'bien-nhan.json');
    fs.writeFileSync(
      fake,
      JSON.stringify({
        format: 'kholuu-handover-receipt',
        version: 1,
        batchUuid: batch.uuid,
        batchCode: batch.code,
        digest: 'f'.repeat(64),
        payloadOxum: '1.1',
        valid: true,
        receivedAt: '2025-08-16T00:00:00.000Z',
        receivedBy: 'x',
        receivingOrganization: null,
        counts: { files: 2, documents: 5, attachments: 5, duplicates: 0 },
      }),
    );
    await expectRefused(a.call('handover.batches.recordReceipt', { id: batch.id, receiptPath: fake }), 'conflict', /không khớp với gói đã đóng/);
    const done = await a.call('handover.batches.recordReceipt', { id: batch.id, note: 'Biên bản đã ký ngày 16/8/2025, lưu tại Văn phòng' });
    expect(done).toMatchObject({ status: 'received', receipt: { source: 'manual', note: 'Biên bản đã ký ngày 16/8/2025, lưu tại Văn phòng' } });
    expect(done.files.every((f) => f.handoverStatus === 'received')).toBe(true);
  });

  it('reopens a listed batch to fix a file, moving its files back', async () => {
    const a = app('kholuu-reopen-');
    const { batch } = await listedSampleBatch(a);
    const reopened = await a.call('handover.batches.reopen', { id: batch.id, reason: 'Bổ sung văn bản còn thiếu' });
    expect(reopened.status).toBe('draft');
    expect(reopened.files.every((f) => f.handoverStatus === 'not_started')).toBe(true);
  });

  it('cancels packaging and leaves nothing behind', async () => {
    const a = app('kholuu-cancel-');
    const { batch } = await listedSampleBatch(a);
    const out = path.join(a.dir, 'goi.zip');
    const { jobId } = await a.call('handover.package.start', { batchId: batch.id, out });
    await a.call('jobs.cancel', { jobId });
    const { status } = await jobResult(a, jobId);
    expect(status.state).toBe('cancelled');
    expect(fs.readdirSync(a.dir).filter((f) => f.startsWith('goi'))).toEqual([]);
    expect((await a.call('handover.batches.get', { id: batch.id })).status).toBe('listed');
  });
});

describe('secret documents', () => {
  async function withSecret(a: TestApp) {
    const s = await sampleFondsReady(a);
    const docs = await a.call('documents.list', { fileId: s.files[0]!.id });
    const secret = docs.items[0]!;
    await a.call('documents.update', { id: secret.id, patch: { securityLevel: 'mat' } });
    const batch = await a.call('handover.batches.create', { code: 'BG-M', fromOrganizationId: s.from.id, toOrganizationId: s.to.id });
    return { ...s, secret, batch };
  }

  it('never enter a batch without a confirmation naming them and a reason; who and when are recorded', async () => {
    const a = app('kholuu-secret-');
    const { files, secret, batch } = await withSecret(a);
    await expectRefused(a.call('handover.batches.addFiles', { batchId: batch.id, fileIds: [files[0]!.id] }), 'conflict', /Cần xác nhận từng văn bản/);
    expect((await a.call('handover.batches.get', { id: batch.id })).fileCount).toBe(0);
    await expectRefused(
      a.call('handover.batches.addFiles', { batchId: batch.id, fileIds: [files[1]!.id], secretConfirmation: { documentIds: [secret.id], reason: 'Đã giải mật theo quyết định' } }),
      'invalid_input',
      /không phải văn bản mật của các hồ sơ được chọn/,
    );
    const detail = await a.call('handover.batches.addFiles', {
      batchId: batch.id,
      fileIds: [files[0]!.id],
      secretConfirmation: { documentIds: [secret.id], reason: 'Giao theo thủ tục tài liệu mật, có biên bản riêng' },
    });
    expect(detail.secretConfirmations).toEqual([
      { documentId: secret.id, numberSymbol: secret.numberSymbol, securityLevel: 'mat', confirmedBy: 'tester', confirmedAt: expect.any(String), reason: 'Giao theo thủ tục tài liệu mật, có biên bản riêng' },
    ]);
    const audit = await a.call('audit.list', { entityType: 'document', entityId: secret.id, limit: 5 });
    expect(audit[0]).toMatchObject({ action: 'handover.confirmSecret', actor: 'tester', after: { batchId: batch.id, reason: 'Giao theo thủ tục tài liệu mật, có biên bản riêng' } });
    expect(() => a.services.context.catalogue.db.prepare('DELETE FROM handover_secret_confirmations').run()).toThrow(/append-only/);
  });

  it('are withheld from exports and block packaging until secrets are unlocked for export', async () => {
    const a = app('kholuu-secret-');
    const { files, secret, batch } = await withSecret(a);
    await a.call('handover.batches.addFiles', { batchId: batch.id, fileIds: files.map((f) => f.id), secretConfirmation: { documentIds: [secret.id], reason: 'Đã có ý kiến của Thường trực' } });
    await a.call('handover.batches.advance', { id: batch.id, to: 'listed' });
    const listText = async () => {
      const csv = await a.call('handover.export', { batchId: batch.id, form: 'documentList', format: 'csv', download: true });
      return Buffer.from(csv.contentBase64!, 'base64').toString('utf8');
    };
    const hidden = await listText();
    expect(hidden).toContain('[Tài liệu mật — không hiển thị]');
    expect(hidden).not.toContain(secret.subject!);
    // Counted and marked, not named: its number is withheld too (the secret-field rule).
    expect(hidden).not.toContain(secret.numberSymbol!);
    expect(hidden).toContain('Độ mật: Mật');
    await expectRefused(a.call('handover.package.start', { batchId: batch.id }), 'conflict', /chưa được mở khóa để xuất/);

    await a.call('access.unlockSecrets', { reason: 'Đóng gói đợt bàn giao có tài liệu mật', purpose: 'export' });
    const shown = await listText();
    expect(shown).toContain(secret.subject!);
    expect(shown).toContain('Độ mật: Mật');
    const pkg = await packageBatch(a, batch.id, path.join(a.dir, 'mat.zip'));
    expect(pkg.files).toBeGreaterThan(5);
    const receiver = app('kholuu-secret-receiver-');
    const { result } = await receive(receiver, path.join(a.dir, 'mat.zip'));
    const doc = (await receiver.call('search.query', { text: secret.numberSymbol! })).hits[0]!;
    expect((await receiver.call('documents.get', { id: doc.documentId })).securityLevel).toBe('mat');
    expect(result!.result!.documents).toBe(5);
  });
});
