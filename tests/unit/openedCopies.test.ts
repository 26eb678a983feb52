/**
 * Copies of originals opened in another program: in a folder of the user's own (per user where the
 * temporary folder is shared), read-only, never through a link someone else placed, and swept away.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openedCopiesFolder, safeFileName, sweepOpenedCopies, writeOpenedCopy } from '../../electron/main/openedCopies';
import { tempDir } from '../support/services';

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function scratch(): string {
  const d = tempDir('kholuu-opened-');
  made.push(d);
  return d;
}

const ORIGINAL = { sha256: 'ab12cd34ef56'.padEnd(64, '0'), fileName: 'Kết luận 1485-KL/TU.pdf' };
const uid = typeof process.getuid === 'function' ? process.getuid() : null;

describe('the folder of opened copies', () => {
  it('is per user where the temporary folder may be shared, and the user’s own on Windows', () => {
    expect(openedCopiesFolder({ platform: 'linux', tmpdir: '/tmp', uid: 1000 })).toBe('/tmp/kho-luu-ban-goc-1000');
    expect(openedCopiesFolder({ platform: 'darwin', tmpdir: '/var/folders/xy/T', uid: 501 })).toBe('/var/folders/xy/T/kho-luu-ban-goc-501');
    expect(openedCopiesFolder({ platform: 'win32', tmpdir: 'C:\\Users\\Văn thư\\AppData\\Local\\Temp', uid: null })).toBe('C:\\Users\\Văn thư\\AppData\\Local\\Temp\\kho-luu-ban-goc');
  });

  it('names a copy safely on every system', () => {
    expect(safeFileName('Kết luận 1485-KL/TU.pdf')).toBe('Kết luận 1485-KL_TU.pdf');
    expect(safeFileName('..\\..\\con:*?.docx')).toBe('_.._con_.docx');
    expect(safeFileName('...')).toBe('ban-goc');
  });
});

describe('writing and sweeping opened copies', () => {
  it('writes a read-only copy in an owner-only folder, and the sweep removes it and the folder', () => {
    const folder = path.join(scratch(), 'kho-luu-ban-goc');
    const file = writeOpenedCopy(folder, ORIGINAL, Buffer.from('nội dung bản gốc'), uid);
    expect(path.dirname(file)).toBe(folder);
    expect(path.basename(file)).toBe('ab12cd34ef56-Kết luận 1485-KL_TU.pdf');
    expect(fs.readFileSync(file, 'utf8')).toBe('nội dung bản gốc');
    if (process.platform !== 'win32') {
      expect(fs.statSync(file).mode & 0o777).toBe(0o400);
      expect(fs.statSync(folder).mode & 0o777).toBe(0o700);
    }
    // Opened again (a read-only file already there) gives the same copy.
    expect(writeOpenedCopy(folder, ORIGINAL, Buffer.from('nội dung bản gốc'), uid)).toBe(file);
    writeOpenedCopy(folder, { sha256: 'ff'.repeat(32), fileName: 'Biên bản.docx' }, Buffer.from('x'), uid);
    expect(sweepOpenedCopies(folder)).toEqual({ removed: 2, left: [] });
    expect(fs.existsSync(folder)).toBe(false);
    // Nothing to sweep is not an error.
    expect(sweepOpenedCopies(folder)).toEqual({ removed: 0, left: [] });
  });

  it('refuses a folder that is a link placed by someone else, and the sweep never follows it', () => {
    const root = scratch();
    const elsewhere = path.join(root, 'elsewhere');
    fs.mkdirSync(elsewhere);
    fs.writeFileSync(path.join(elsewhere, 'keep.txt'), 'không được xóa');
    const folder = path.join(root, 'kho-luu-ban-goc');
    fs.symlinkSync(elsewhere, folder);
    expect(() => writeOpenedCopy(folder, ORIGINAL, Buffer.from('x'), uid)).toThrow(expect.objectContaining({ code: 'shell.copyFolderUnsafe' }));
    expect(fs.readdirSync(elsewhere)).toEqual(['keep.txt']);
    expect(sweepOpenedCopies(folder)).toEqual({ removed: 0, left: [] });
    expect(fs.readFileSync(path.join(elsewhere, 'keep.txt'), 'utf8')).toBe('không được xóa');
  });

  it('refuses a folder owned by another user where users share the temporary folder', () => {
    const folder = path.join(scratch(), 'kho-luu-ban-goc');
    fs.mkdirSync(folder, { mode: 0o700 });
    const someoneElse = (uid ?? 0) + 1;
    expect(() => writeOpenedCopy(folder, ORIGINAL, Buffer.from('x'), someoneElse)).toThrow(expect.objectContaining({ code: 'shell.copyFolderUnsafe' }));
    expect(fs.readdirSync(folder)).toEqual([]);
  });
});
