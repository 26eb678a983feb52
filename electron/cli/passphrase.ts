import fs from 'node:fs';
import { ApiError } from '../../shared/contract/errors';
import { looksEncrypted } from '../data/cipher';

/**
 * Passphrases for an encrypted catalogue on the command line and the browser host: read from a
 * file (`--passphrase-file`, so it never shows in the process list or the shell history), or
 * typed at a hidden prompt when a terminal is attached.
 */
export function readPassphraseFile(file: string): string {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new ApiError('cli.passphraseFileUnreadable', { path: file });
  }
  // One line: the trailing newline an editor adds is not part of the passphrase.
  const passphrase = text.replace(/\r?\n$/, '');
  if (passphrase.length === 0) throw new ApiError('cli.passphraseFileEmpty', { path: file });
  return passphrase;
}

/** Asks for a passphrase on the terminal without echoing it. */
export function promptPassphrase(question: string): Promise<string> {
  const input = process.stdin;
  const output = process.stderr;
  return new Promise((resolve, reject) => {
    if (!input.isTTY) {
      reject(new ApiError('cli.passphraseNeeded'));
      return;
    }
    output.write(question);
    input.setRawMode(true);
    input.resume();
    let typed = '';
    const done = (err?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.removeListener('data', onData);
      output.write('\n');
      if (err) reject(err);
      else resolve(typed);
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new ApiError('cli.cancelled'));
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else typed += ch;
      }
    };
    input.on('data', onData);
  });
}

/** The passphrase to open `cataloguePath` with: the file given, a prompt if it is encrypted and a terminal is there, else none. */
export async function cataloguePassphrase(cataloguePath: string, passphraseFile: string | undefined): Promise<string | null> {
  if (passphraseFile) return readPassphraseFile(passphraseFile);
  if (!looksEncrypted(cataloguePath)) return null;
  return promptPassphrase('Mật khẩu danh mục (passphrase): ');
}
