/**
 * Text from the catalogue (file names, subjects, messages quoting them) printed on a terminal.
 * A terminal acts on control characters: an escape sequence in a file name can recolour or clear
 * the screen, move the cursor, set the window title or, on some terminals, write to the clipboard;
 * a carriage return or a bidirectional override can make one line look like another. Such
 * characters are printed as visible escapes (`\x1b`, `\r`, `\u202e`) instead.
 */

/** C0 controls, DEL, C1 controls, line/paragraph separators and the bidirectional embeddings, overrides and isolates. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function visible(ch: string): string {
  switch (ch) {
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    default: {
      const code = ch.charCodeAt(0);
      return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    }
  }
}

/**
 * The text with every character a terminal would act on written as a visible escape. `keep` lists
 * the controls left as they are (`'\n\t'` for whole lines of output; nothing for one value).
 */
export function escapeControls(text: string, keep = ''): string {
  return text.replace(UNSAFE, (ch) => (keep.includes(ch) ? ch : visible(ch)));
}
