/**
 * The safety protections on the paths documents really come in by (the command-line bulk
 * import of Word, PDF and text files, read on worker threads, and a received handover package):
 * one byte changed in a stored original is caught by `check`, naming that original, and so is one
 * deleted; an import stopped with Ctrl+C and resumed leaves the audit chain whole.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDb, runCli, sleep, startCli } from '../../support/crash';
import { listedSampleBatch, packageBatch, receive } from '../../support/handover';
import { writeMixedCorpus } from '../../support/mixedCorpus';
import { openTestApp, tempDir } from '../../support/services';

interface CheckJson {
  ok: boolean;
  integrity: string[];
  audit: { ok: boolean };
  originals: { checked: number; problems: Array<{ attachmentId: number; fileName: string; problem: string; expectedSha256: string }> };
}

async function checkJson(db: string): Promise<{ code: number | null; report: CheckJson }> {
  const out = await runCli(['--db', db, 'check', '--json']);
  return { code: out.code, report: JSON.parse(out.output.slice(out.output.indexOf('{'))) as CheckJson };
}

function flipByte(file: string, at: number): void {
  const bytes = fs.readFileSync(file);
  bytes[at] = bytes[at]! ^ 0x01;
  fs.writeFileSync(file, bytes);
}

describe('fixity of imported and received originals', () => {
  it('check names a stored Word or PDF original changed by one byte, and one deleted', async () => {
    const dir = tempDir('kholuu-fixity-import-');
    const db = path.join(dir, 'catalogue.sqlite');
    const corpus = await writeMixedCorpus(path.join(dir, 'nguon'), 120);
    const imported = await runCli(['--db', db, 'import', path.join(dir, 'nguon')]);
    expect(imported.code, imported.output).toBe(0);
    expect((await checkJson(db)).code).toBe(0);

    const stored = readDb(db, (d) => d.prepare('SELECT id, file_name AS fileName, sha256, stored_path AS storedPath FROM attachments ORDER BY id').all() as Array<{ id: number; fileName: string; sha256: string; storedPath: string }>)!;
    expect(stored).toHaveLength(corpus.length);
    const pdf = stored.find((a) => a.fileName.endsWith('.pdf'))!;
    const docx = stored.find((a) => a.fileName.endsWith('.docx'))!;
    const originals = path.join(dir, 'catalogue.originals');
    flipByte(path.join(originals, pdf.storedPath), 200);
    fs.rmSync(path.join(originals, docx.storedPath));

    const { code, report } = await checkJson(db);
    expect(code).toBe(2);
    expect(report.ok).toBe(false);
    expect(report.integrity).toEqual(['ok']);
    expect(report.audit.ok).toBe(true);
    expect(report.originals.checked).toBe(corpus.length);
    expect(report.originals.problems.map((p) => [p.attachmentId, p.fileName, p.problem]).sort()).toEqual(
      [
        [pdf.id, pdf.fileName, 'mismatch'],
        [docx.id, docx.fileName, 'missing'],
      ].sort(),
    );
    const text = await runCli(['--db', db, 'check']);
    expect(text.output).toContain(pdf.fileName);
    expect(text.output).toContain('BỊ THAY ĐỔI');
  }, 180_000);

  it('check names a received original changed by one byte', async () => {
    const sender = openTestApp(tempDir('kholuu-fixity-sender-'));
    const receiver = openTestApp(tempDir('kholuu-fixity-receiver-'));
    try {
      const { batch } = await listedSampleBatch(sender);
      const bag = path.join(sender.dir, 'goi');
      await packageBatch(sender, batch.id, bag);
      const { status } = await receive(receiver, bag);
      expect(status.state).toBe('done');
      expect((await receiver.call('integrity.check', { originals: true })).ok).toBe(true);
      const attachment = receiver.services.context.catalogue.repos.integrity.originals()[0]!;
      flipByte(path.join(receiver.services.context.catalogue.originalsDir, attachment.storedPath), 10);
      const report = await receiver.call('integrity.check', { originals: true });
      expect(report.ok).toBe(false);
      expect(report.originals.problems).toEqual([expect.objectContaining({ attachmentId: attachment.attachmentId, problem: 'mismatch', expectedSha256: attachment.sha256 })]);
    } finally {
      await sender.close();
      await receiver.close();
    }
  }, 120_000);

  it('an import stopped with Ctrl+C and resumed keeps the audit chain whole', async () => {
    const dir = tempDir('kholuu-fixity-cancel-');
    const db = path.join(dir, 'catalogue.sqlite');
    const corpus = await writeMixedCorpus(path.join(dir, 'nguon'), 120);
    const p = startCli(['--db', db, 'import', path.join(dir, 'nguon')]);
    // Ctrl+C once something is committed.
    for (;;) {
      const n = readDb(db, (d) => (d.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n) ?? 0;
      if (n > 0 || p.done()) break;
      await sleep(2);
    }
    expect(p.done(), 'the import ended before Ctrl+C').toBe(false);
    process.kill(-p.child.pid!, 'SIGINT');
    await p.exited;
    expect(p.child.exitCode, p.output()).toBe(130);
    const run = readDb(db, (d) => d.prepare('SELECT id, state, processed FROM import_runs').get() as { id: number; state: string; processed: number })!;
    expect(run.state).toBe('cancelled');
    expect(run.processed).toBeLessThan(corpus.length);
    expect((await runCli(['--db', db, 'audit', 'verify'])).code).toBe(0);
    const resumed = await runCli(['--db', db, 'import', '--resume', String(run.id)]);
    expect(resumed.code, resumed.output).toBe(0);
    const after = readDb(db, (d) => ({
      run: d.prepare('SELECT state, processed, imported FROM import_runs WHERE id = ?').get(run.id),
      actions: (d.prepare("SELECT action FROM audit_log WHERE entity_type = 'import_run' ORDER BY id").all() as Array<{ action: string }>).map((r) => r.action),
    }))!;
    expect(after.run).toEqual({ state: 'done', processed: corpus.length, imported: corpus.length });
    expect(after.actions).toEqual(['import.start', 'import.finish', 'import.resume', 'import.finish']);
    const audit = await runCli(['--db', db, 'audit', 'verify']);
    expect(audit.code, audit.output).toBe(0);
    expect((await checkJson(db)).code).toBe(0);
  }, 180_000);
});
