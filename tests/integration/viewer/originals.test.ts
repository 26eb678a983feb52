/**
 * Serving an original to the viewer through the contract: the bytes as filed (checked against their
 * SHA-256), text decoded as on import (TCVN3 included), Word as HTML, and nothing for a record the
 * caller may not see; a damaged or missing original says so instead of showing something else.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, SEED } from '../../support/paths';
import { type TestApp, openTestApp, tempDir } from '../../support/services';
import { archiveWithFiles, callError, importInto, openSafetyApp, SECRET_FIXTURES } from '../../support/safety';

const OFFICE = path.join(REPO, 'tests', 'fixtures', 'formats', 'office');
const ENCODINGS = path.join(REPO, 'tests', 'fixtures', 'formats', 'encodings');
const sources = {
  pdf: path.join(OFFICE, '000_7b32d37c7a9e4c58.pdf'),
  docx: path.join(OFFICE, '003_b4be3f4186006de6.docx'),
  tcvn3: path.join(ENCODINGS, '001_38eeffc6e2bc3679.tcvn3.txt'),
  text: SEED.haTinh,
};

let app: TestApp;
const attachmentOf: Record<string, number> = {};

beforeAll(async () => {
  app = openTestApp();
  const { fonds } = await archiveWithFiles(app);
  const ids = await importInto(app, { fondsId: fonds.id }, Object.values(sources));
  const names = Object.keys(sources);
  for (let i = 0; i < ids.length; i++) attachmentOf[names[i]!] = (await app.call('documents.get', { id: ids[i]! })).attachments[0]!.id;
});

afterAll(async () => {
  await app?.close();
});

describe('originals.content', () => {
  it('sends the bytes as filed, with the kind the viewer needs', async () => {
    for (const [name, kind] of [
      ['pdf', 'pdf'],
      ['docx', 'docx'],
      ['text', 'text'],
    ] as const) {
      const got = await app.call('originals.content', { attachmentId: attachmentOf[name]!, purpose: 'view' });
      const bytes = Buffer.from(got.contentBase64, 'base64');
      expect(bytes.equals(fs.readFileSync(sources[name])), name).toBe(true);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(got.attachment.sha256);
      expect(got.kind).toBe(kind);
    }
  });

  it('refuses an original changed on disk, and a missing one, with a clear message', async () => {
    const other = openTestApp();
    try {
      const { fonds } = await archiveWithFiles(other);
      const [id] = await importInto(other, { fondsId: fonds.id }, [SEED.conclusion1485]);
      const attachmentId = (await other.call('documents.get', { id: id! })).attachments[0]!.id;
      const stored = other.services.context.catalogue.repos.attachments.storedPath(attachmentId)!;
      const file = path.join(other.services.context.catalogue.originalsDir, stored);
      fs.chmodSync(file, 0o644);
      fs.appendFileSync(file, 'sửa lén');
      const damaged = await callError(other, 'originals.content', { attachmentId, purpose: 'view' });
      expect(damaged.kind).toBe('unreadable_file');
      expect(damaged.message).toContain('SHA-256 không khớp');
      fs.rmSync(file);
      const missing = await callError(other, 'originals.content', { attachmentId, purpose: 'view' });
      expect(missing.kind).toBe('not_found');
      expect(missing.message).toContain('Không tìm thấy tệp gốc');
      expect((await callError(other, 'originals.content', { attachmentId: 999_999, purpose: 'view' })).kind).toBe('not_found');
    } finally {
      await other.close();
    }
  });
});

describe('originals.preview', () => {
  it('reads a TCVN3 text file as Unicode, as the import did', async () => {
    const preview = await app.call('originals.preview', { attachmentId: attachmentOf['tcvn3']! });
    expect(preview.kind).toBe('text');
    expect(preview.encoding).toBe('tcvn3');
    expect(preview.text).toContain('CỦA BAN THƯỜNG VỤ TỈNH ỦY');
    expect(preview.text).toContain('chính quyền địa phương 02 cấp');
  });

  it('turns a Word document into HTML holding its text', async () => {
    const preview = await app.call('originals.preview', { attachmentId: attachmentOf['docx']! });
    expect(preview.kind).toBe('docx');
    expect(preview.html).toMatch(/<p>/);
    expect(preview.html).toContain('4029-CV/TU');
  });

  it('leaves PDF pages to the renderer', async () => {
    const preview = await app.call('originals.preview', { attachmentId: attachmentOf['pdf']! });
    expect(preview).toMatchObject({ kind: 'pdf' });
    expect(preview.text).toBeUndefined();
  });
});

describe('secret originals', () => {
  it('are hidden where their record is, and saved out only inside an export scope', async () => {
    const web = openSafetyApp(tempDir('kholuu-viewer-secret-'), { host: 'web' });
    try {
      const { fonds } = await archiveWithFiles(web);
      await web.call('access.unlockSecrets', { reason: 'nhập tài liệu mật' });
      const [id] = await importInto(web, { fondsId: fonds.id }, [SECRET_FIXTURES[0]!]);
      const attachmentId = (await web.call('documents.get', { id: id! })).attachments[0]!.id;
      await web.call('access.lockSecrets', {});
      expect((await callError(web, 'originals.content', { attachmentId, purpose: 'view' })).kind).toBe('hidden');
      expect((await callError(web, 'originals.preview', { attachmentId })).kind).toBe('hidden');

      await web.call('access.unlockSecrets', { reason: 'đối chiếu bản gốc' });
      expect((await web.call('originals.content', { attachmentId, purpose: 'view' })).attachment.id).toBe(attachmentId);
      expect((await callError(web, 'originals.content', { attachmentId, purpose: 'save' })).kind).toBe('hidden');

      await web.call('access.unlockSecrets', { reason: 'lưu bản sao để bàn giao', purpose: 'export' });
      expect((await web.call('originals.content', { attachmentId, purpose: 'save' })).attachment.id).toBe(attachmentId);
    } finally {
      await web.close();
    }
  });
});
