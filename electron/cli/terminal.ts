/**
 * Everything the command line prints goes through here: standard output and standard error are
 * wrapped once at start so that control characters coming from the catalogue (a file name holding
 * an escape sequence) are printed escaped, whichever command prints them. The command line's own
 * progress line, which needs a carriage return and "clear line", is written with `progress()`.
 */
import { escapeControls } from '../../shared/text/terminal';

type Write = typeof process.stdout.write;

const rawStderr: Write = process.stderr.write.bind(process.stderr);
let installed = false;

function guarded(original: Write): Write {
  return function write(this: unknown, chunk: unknown, ...rest: unknown[]): boolean {
    const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) || chunk instanceof Uint8Array ? Buffer.from(chunk).toString('utf8') : String(chunk);
    // An encoding argument no longer applies to the string we pass on.
    const args = typeof rest[0] === 'string' ? rest.slice(1) : rest;
    return (original as (c: string, ...a: unknown[]) => boolean)(escapeControls(text, '\n\t'), ...args);
  } as Write;
}

/** Wraps standard output and standard error (once). */
export function guardTerminal(): void {
  if (installed) return;
  installed = true;
  process.stdout.write = guarded(process.stdout.write.bind(process.stdout));
  process.stderr.write = guarded(process.stderr.write.bind(process.stderr));
}

/** One value from the catalogue inside a line: even a line break in it is shown as `\n`. */
export function shown(value: string): string {
  return escapeControls(value);
}

/** The progress line on a terminal: our own carriage return and "clear line", around escaped text. */
export function progress(text: string, opts: { clear?: boolean } = {}): void {
  rawStderr(`\r${opts.clear ? '\x1b[K' : ''}${escapeControls(text)}`);
}
