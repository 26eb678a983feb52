/**
 * The secret-field rule in the views the attack run found leaking, one by one: a locked viewer is
 * told how many secret records there are, never which. Unlocking (audited) shows them again. The
 * sweep over every operation is lockedViewerSweep.test.ts; these pin the behaviour of each view.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HIDDEN_SECRET_TEXT } from '../../../shared/security/secretFields';
import { CANARY_DOCUMENT_ID, CANARY_FILE_NAME, CANARY_NUMBER, type CanaryWorld, buildCanaryWorld, copyWorld, leaksIn, openLocked } from '../../support/secretCanary';
import { cli } from '../../support/safety';
import { type TestApp, tempDir } from '../../support/services';

let world: CanaryWorld;
let app: TestApp;

beforeAll(async () => {
  world = await buildCanaryWorld();
  app = openLocked(world, copyWorld(world));
}, 300_000);

afterAll(async () => {
  await app.close();
});

const unlock = () => app.call('access.unlockSecrets', { reason: 'Rà soát hồ sơ mật', durationMinutes: 10 });
const lock = () => app.call('access.lockSecrets', {});

describe('a locked viewer is told how many secret records there are, never which', () => {
  it('restore preview: secret documents are counted, not listed (number and subject withheld)', async () => {
    const locked = await app.call('backups.previewRestore', { id: world.backupId });
    expect(locked.differencesHidden).toBeGreaterThanOrEqual(3);
    expect(locked.differences.map((d) => d.id)).not.toContain(CANARY_DOCUMENT_ID);
    expect(JSON.stringify(locked)).not.toContain(CANARY_NUMBER);
    expect(JSON.stringify(locked)).not.toContain('canarysubj');
    await unlock();
    try {
      const open = await app.call('backups.previewRestore', { id: world.backupId });
      expect(open.differencesHidden).toBe(0);
      expect(open.differences).toContainEqual(expect.objectContaining({ id: CANARY_DOCUMENT_ID, numberSymbol: CANARY_NUMBER, change: 'changed' }));
    } finally {
      await lock();
    }
  });

  it('import reports keep a secret file’s outcome but not its name, SHA-256 or document', async () => {
    const runId = world.runIds[3]!;
    const items = await app.call('importRuns.items', { runId });
    expect(items.items).toEqual([expect.objectContaining({ outcome: 'imported', name: HIDDEN_SECRET_TEXT, documentId: null, sha256: null, size: null })]);
    expect((await app.call('importRuns.get', { runId })).sources).toEqual([HIDDEN_SECRET_TEXT]);
    const duplicate = await app.call('importRuns.items', { runId: world.runIds[4]! });
    expect(duplicate.items[0]).toMatchObject({ outcome: 'duplicate', documentId: null, message: 'Đã có trong danh mục (tài liệu mật).' });
    for (const format of ['csv', 'json'] as const) {
      const file = await app.call('importRuns.export', { runId, format });
      expect(leaksIn(file.content, world)).toEqual([]);
      expect(file.content).toContain(format === 'csv' ? 'Đã nhập' : '"outcome":"imported"');
    }
    await unlock();
    try {
      expect((await app.call('importRuns.items', { runId })).items[0]).toMatchObject({ name: CANARY_FILE_NAME, documentId: CANARY_DOCUMENT_ID, sha256: world.secretSha256[0] });
    } finally {
      await lock();
    }
  });

  it('the command line (locked unless unlocked) writes the import report the same way', () => {
    const dir = copyWorld(world);
    const db = path.join(dir, path.basename(world.cataloguePath));
    const r = cli(['--db', db, 'import-report', String(world.runIds[3]), '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(leaksIn(r.stdout, world)).toEqual([]);
    const opened = cli(['--db', db, '--unlock-secrets', 'Kiểm tra báo cáo nhập', 'import-report', String(world.runIds[3]), '--format', 'csv']);
    expect(opened.stdout).toContain(CANARY_FILE_NAME);
  }, 120_000);

  it('inventory and catalogue exports count secret documents and withhold their number, date, subject and originals', async () => {
    const out = tempDir('kholuu-locked-export-');
    const json = await app.call('handover.export', { fondsId: world.fondsId, form: 'inventory', format: 'json', out: path.join(out, 'kiem-ke.json') });
    const body = JSON.parse(fs.readFileSync(json.path!, 'utf8')) as {
      documents: Array<{ key: string; numberSymbol: string | null; issueDate: string | null; subject: string | null; securityLevel: string | null }>;
      attachments: Array<{ documentKey: string }>;
      statistics: { bySecurity: Record<string, number> };
    };
    const secret = body.documents.filter((d) => d.securityLevel !== null);
    expect(secret.length).toBeGreaterThanOrEqual(2);
    for (const d of secret) {
      expect(d).toMatchObject({ numberSymbol: null, issueDate: null, subject: HIDDEN_SECRET_TEXT });
      expect(d.key).toMatch(/^mat-\d+$/);
      expect(body.attachments.some((a) => a.documentKey === d.key)).toBe(false);
    }
    expect(body.statistics.bySecurity.mat).toBeGreaterThanOrEqual(2);
    const csv = await app.call('handover.export', { batchId: world.batchId, form: 'documentList', format: 'csv', out: path.join(out, 'muc-luc.csv') });
    const text = fs.readFileSync(csv.path!, 'utf8');
    expect(text).toContain('Độ mật: Mật');
    expect(text).toContain('trong đó 1 văn bản mật');
    expect(leaksIn(text, world)).toEqual([]);
  });

  it('a handover batch counts its secret documents; their numbers and confirmations are withheld', async () => {
    const batch = await app.call('handover.batches.get', { id: world.batchId });
    expect(batch.secretDocumentCount).toBe(1);
    expect(batch.secretConfirmations).toEqual([expect.objectContaining({ documentId: null, numberSymbol: null, securityLevel: 'mat' })]);
    expect(leaksIn(JSON.stringify(batch), world)).toEqual([]);
  });

  it('the audit trail keeps every row, but a row about a secret record says only who did what when', async () => {
    const rows = await app.call('audit.list', { limit: 1_000 });
    const redacted = rows.filter((r) => r.redacted);
    expect(redacted.length).toBeGreaterThanOrEqual(5);
    expect(redacted.some((r) => r.action === 'document.update')).toBe(true);
    expect(leaksIn(JSON.stringify(rows), world)).toEqual([]);
  });

  it('a search typed while secrets were unlocked leaves the history when they are locked again', async () => {
    expect((await app.call('search.history.list', {})).map((h) => h.text)).not.toContain('canarysubj canaryxa');
    await app.call('search.history.record', { query: { text: 'kết luận hội nghị' }, total: 1 });
    await unlock();
    await app.call('search.history.record', { query: { text: 'canarytext bí mật' }, total: 1 });
    await app.call('search.saved.save', { name: 'Tìm trong lúc mở khóa', query: { text: 'canarytext' } });
    expect((await app.call('search.history.list', {})).map((h) => h.text)).toEqual(expect.arrayContaining(['canarytext bí mật', 'kết luận hội nghị']));
    await lock();
    const history = (await app.call('search.history.list', {})).map((h) => h.text);
    expect(history).toContain('kết luận hội nghị');
    expect(history).not.toContain('canarytext bí mật');
    expect((await app.call('search.saved.list', {})).map((s) => s.name)).not.toContain('Tìm trong lúc mở khóa');
    expect(leaksIn(JSON.stringify(await app.call('audit.list', { limit: 50 })), world)).toEqual([]);
  });
});
