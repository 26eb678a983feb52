/**
 * Every field the parser reads is editable; fonds and organizations are removed with a reason
 * once nothing rests on them (kept and restorable); the 2025 lineage is entered with its kind and
 * taken back with a reason.
 */
import { describe, expect, it } from 'vitest';
import { auditRows, bulkWorlds } from '../../support/bulkWorld';

const world = bulkWorlds();

describe('editing every field of a document', () => {
  it('saves the superior body, place, incoming stamp, sheet and order, and clears their review marks', async () => {
    const w = await world({ count: 12 });
    const doc = w.docs.find((d) => d.review && !d.secret)!;
    await w.app.services.context.catalogue.db.prepare(`UPDATE documents SET review_fields = '["incomingStamp","place"]' WHERE id = ?`).run(doc.id);
    const patch = {
      parentIssuer: 'ĐẢNG BỘ TỈNH ĐẮK LẮK',
      place: 'Krông Pắc',
      incomingStamp: { receiver: 'VĂN PHÒNG HUYỆN ỦY', number: '5412', date: '23/7' },
      signingAuthority: 'T/M BAN THƯỜNG VỤ',
      addressees: ['Các chi bộ trực thuộc'],
      recipients: ['Như trên', 'Lưu Văn phòng'],
      sheetNumber: '12-14',
      orderInFile: 7,
      pageCount: 3,
      language: 'Tiếng Việt',
      reliability: 'Bản sao y',
    };
    const updated = await w.app.call('documents.update', { id: doc.id, patch });
    expect(updated).toMatchObject(patch);
    expect(updated.reviewFields).toEqual([]);
    const row = (await w.app.call('audit.list', { entityType: 'document', entityId: doc.id, limit: 5 }))[0]!;
    expect(row.action).toBe('document.update');
    expect(row.after).toMatchObject({ incomingStamp: patch.incomingStamp, sheetNumber: '12-14' });
    // An empty stamp is no stamp.
    expect((await w.app.call('documents.update', { id: doc.id, patch: { incomingStamp: null } })).incomingStamp).toBeNull();
  });
});

describe('removing fonds and organizations', () => {
  it('refuses a fonds that still holds records; removes an empty one with a reason, and restores it', async () => {
    const w = await world({ count: 12 });
    await expect(w.app.call('fonds.remove', { id: w.fondsId, reason: 'Tạo nhầm phông' })).rejects.toMatchObject({ code: 'structure.fondsNotEmpty', params: { files: 4 } });
    const empty = await w.app.call('fonds.create', { code: 'NHAM', name: 'Phông tạo nhầm', organizationId: w.successorId });
    await w.app.call('fonds.remove', { id: empty.id, reason: 'Trùng với phông DU-KP' });
    expect((await w.app.call('fonds.list', {})).map((f) => f.id)).not.toContain(empty.id);
    const removed = await w.app.call('structure.removed', {});
    expect(removed.fonds).toEqual([expect.objectContaining({ id: empty.id, removal: expect.objectContaining({ reason: 'Trùng với phông DU-KP', by: 'tester' }) })]);
    await w.app.call('fonds.restore', { id: empty.id });
    expect((await w.app.call('fonds.list', {})).map((f) => f.id)).toContain(empty.id);
    expect(auditRows(w.app, 'fonds.remove')).toHaveLength(1);
    expect(auditRows(w.app, 'fonds.restore')).toHaveLength(1);
  });

  it('refuses an organization that forms a fonds or is a party to a batch; removes one with nothing resting on it', async () => {
    const w = await world({ count: 12 });
    await expect(w.app.call('organizations.remove', { id: w.orgId, reason: 'Nhập nhầm đơn vị' })).rejects.toMatchObject({ code: 'structure.organizationInUse', params: { fonds: 1 } });
    const stray = await w.app.call('organizations.create', { name: 'Chi bộ Thôn 3 (nhập nhầm)', level: 'grassroots' });
    await w.app.call('handover.batches.create', { code: 'BG-9', fromOrganizationId: w.orgId, toOrganizationId: stray.id, recipientKind: 'other' });
    const refused = await w.app.call('organizations.remove', { id: stray.id, reason: 'Nhập nhầm đơn vị' }).catch((e: Error) => e.message);
    expect(refused).toContain('1 đợt bàn giao');
    const other = await w.app.call('organizations.create', { name: 'Chi bộ Thôn 4 (nhập nhầm)', level: 'grassroots' });
    await w.app.call('organizations.remove', { id: other.id, reason: 'Nhập nhầm đơn vị' });
    expect((await w.app.call('organizations.list', {})).map((o) => o.id)).not.toContain(other.id);
    await w.app.call('organizations.restore', { id: other.id });
    expect((await w.app.call('organizations.list', {})).map((o) => o.id)).toContain(other.id);
  });
});

describe('the 2025 lineage', () => {
  it('records how a body became another, shows it on both sides, and takes a wrong link back with a reason', async () => {
    const w = await world({ count: 12 });
    const merged = await w.app.call('organizations.create', { name: 'Huyện ủy Ea Kar', level: 'district', endDate: '2025-06-30' });
    await w.app.call('organizations.addSuccessor', { predecessorId: w.orgId, successorId: w.successorId, kind: 'dissolved', effectiveDate: '2025-07-01', basis: 'Nghị quyết 60-NQ/TW' });
    await w.app.call('organizations.addSuccessor', { predecessorId: merged.id, successorId: w.successorId, kind: 'merged', effectiveDate: '2025-07-01' });
    const successor = (await w.app.call('organizations.list', {})).find((o) => o.id === w.successorId)!;
    expect(successor.predecessors.map((p) => [p.name, p.kind]).sort()).toEqual([
      ['Huyện ủy Ea Kar', 'merged'],
      ['Huyện ủy Krông Pắc', 'dissolved'],
    ]);
    const back = await w.app.call('organizations.removeSuccessor', { predecessorId: merged.id, successorId: w.successorId, reason: 'Ea Kar sáp nhập vào nơi khác' });
    expect(back.successors).toEqual([]);
    const row = auditRows(w.app, 'organization.removeSuccessor')[0]!;
    expect(JSON.parse(row.before_json!)).toMatchObject({ successorId: w.successorId, kind: 'merged' });
    expect(JSON.parse(row.after_json!)).toMatchObject({ removalReason: 'Ea Kar sáp nhập vào nơi khác' });
    // The search's lineage filter follows the links as they are now.
    const found = await w.app.call('search.query', { text: '', filters: { organizationIds: [w.successorId] }, exactTotal: true });
    expect(found.total).toBe(w.docs.length);
  });
});
