/**
 * What goes wrong with single originals while backing up, restoring or moving them to quarantine is
 * sent as codes with parameters beside the Vietnamese lines: the English interface reads English,
 * the command line keeps the Vietnamese, and a backup's manifest keeps both.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sentence } from '../../../shared/contract/errors';
import { SEED } from '../../support/paths';
import type { TestApp } from '../../support/services';
import { tempDir } from '../../support/services';
import { archiveWithFiles, importInto, openSafetyApp } from '../../support/safety';

const apps: TestApp[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
});

const VIETNAMESE = /[ăâđêôơưạảãàáậầấẩẫắằặẳẵẹẻẽèéệềếểễịỉĩìíọỏõòóộồốổỗớờợởỡụủũùúựừứửữỵỷỹỳý]/i;
const english = (texts: readonly Parameters<typeof sentence>[1][] | undefined) => (texts ?? []).map((t) => sentence('en', t));

async function withTwoOriginals(clock?: string) {
  const app = openSafetyApp(undefined, clock ? { clock: { now: clock } } : {});
  apps.push(app);
  const world = await archiveWithFiles(app);
  const docs = await importInto(app, { fondsId: world.fonds.id, fileId: world.fixed.id }, [SEED.letter4029, SEED.haTinh]);
  const stored = app.services.context.catalogue.repos.attachments.storedPath(1)!;
  const managed = path.join(app.services.context.catalogue.originalsDir, stored);
  return { app, ...world, docs, stored, managed };
}

describe('problems with single originals, in the interface’s language', () => {
  it('a backup names an original missing from the managed folder in both languages, and its manifest keeps the code', async () => {
    const { app, stored, managed } = await withTwoOriginals();
    fs.rmSync(managed);
    const made = await app.call('backups.create', { note: 'thiếu một bản gốc' });
    expect(made.originals.problems).toEqual([`Thiếu bản gốc trong thư mục quản lý: ${stored}`]);
    expect(english(made.originals.problemTexts)).toEqual([`An original is missing from the managed folder: ${stored}`]);
    // Read back from the manifest on disk.
    const listed = (await app.call('backups.list', {})).find((b) => b.id === made.id)!;
    expect(english(listed.originals.problemTexts)).toEqual([`An original is missing from the managed folder: ${stored}`]);
    // The restore preview warns of it in English too.
    const preview = await app.call('backups.previewRestore', { id: made.id });
    expect(english(preview.warningTexts)).toContain('1 originals could not be backed up when the backup was made.');
  });

  it('a restore names an original its backup does not hold', async () => {
    const { app, stored, managed } = await withTwoOriginals();
    const backup = await app.call('backups.create', { note: 'A' });
    fs.rmSync(path.join(backup.path, 'originals', stored));
    fs.rmSync(managed);
    const preview = await app.call('backups.previewRestore', { id: backup.id });
    const restored = await app.call('backups.restore', { id: backup.id, confirmToken: preview.confirmToken });
    expect(restored.originalsProblems).toEqual([`Bản sao lưu không có bản gốc ${stored}`]);
    expect(english(restored.originalsProblemTexts)).toEqual([`The backup does not hold the original ${stored}`]);
  });

  it('moving a decision’s originals to quarantine names the one it could not find, and moves the rest', async () => {
    const { app, fixed, stored, managed } = await withTwoOriginals('2025-06-15T09:00:00.000Z');
    const decision = await app.call('destruction.record', { decisionNumber: '27-QĐ/HU', decisionDate: '2025-06-10', approvedBy: 'Ban Thường vụ Huyện ủy', fileIds: [fixed.id] });
    const list = await app.call('destruction.exportList', { id: decision.id });
    await app.call('destruction.confirm', { id: decision.id, listSha256: list.sha256 });
    fs.rmSync(managed);
    const moved = await app.call('destruction.moveOriginals', { id: decision.id, quarantineDir: tempDir('kholuu-quarantine-') });
    expect(moved.moved).toBe(1);
    expect(moved.problems).toEqual([`Không thấy bản gốc ${stored} trong thư mục quản lý`]);
    expect(english(moved.problemTexts)).toEqual([`The original ${stored} is not in the managed folder`]);
    expect(english(moved.problemTexts).some((t) => VIETNAMESE.test(t))).toBe(false);
  });

  it('a backup’s check shown to a locked viewer withholds a secret original in the code’s parameters as in the text', async () => {
    const app = openSafetyApp(undefined, { host: 'web' });
    apps.push(app);
    const world = await archiveWithFiles(app);
    const [secretId] = await importInto(app, { fondsId: world.fonds.id, fileId: world.fixed.id }, [SEED.letter4029]);
    await app.call('documents.update', { id: secretId!, patch: { securityLevel: 'mat' } });
    const { repos } = app.services.context.catalogue;
    expect(repos.removals.isSecret(secretId!)).toBe(true);
    const stored = repos.attachments.storedPath(1)!;
    const backup = await app.call('backups.create', {});
    fs.rmSync(path.join(backup.path, 'originals', stored));
    const verified = await app.call('backups.verify', { id: backup.id });
    expect(verified.ok).toBe(false);
    expect(JSON.stringify(verified)).not.toContain(stored);
    expect(english(verified.problemTexts)).toEqual(['An original of a secret document has a problem (unlock secret documents to see it).']);
    expect(verified.problems).toEqual(['Một bản gốc của tài liệu mật có vấn đề (mở khóa tài liệu mật để xem).']);
  });
});
