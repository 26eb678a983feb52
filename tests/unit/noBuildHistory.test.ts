/**
 * Code and docs read as the product, not as the plan it was built by (style.md: comments say why
 * or cite the rule, never the build history): no mention of a numbered work item, no section
 * markers telling where an area's next entries go, no area tags heading a comment.
 *
 * The patterns are assembled from parts so that this file does not match itself.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/paths';

const FOLDERS = ['electron', 'shared', 'renderer', 'tests'];
const DOCS = ['README.md', 'DEVELOPERS.md', 'docs'];
/** Generated or ignored output (test reports, screenshots, benchmark results) is not source. */
const SKIPPED = new Set(['node_modules', 'dist', 'output', 'screenshots', 'results']);
const TEXT = /\.(ts|tsx|js|mjs|cjs|css|html|md)$/;

const AREAS = ['import', 'search', 'handover', 'safety', 'bulk', 'ocr', 'viewer', 'parser', 'corpus', 'security', 'structure'];
const RULES: Array<{ name: string; pattern: RegExp }> = [
  { name: 'numbered work item', pattern: new RegExp('\\b' + 'iss' + 'ues?\\s+#?[0-9]', 'i') },
  { name: 'insertion marker', pattern: new RegExp('add ' + 'entries ' + 'below', 'i') },
  { name: 'area tag heading a comment', pattern: new RegExp('(//|/\\*\\*?|\\{/\\*|^\\s*\\*)\\s*\\[(' + AREAS.join('|') + ')\\]', 'm') },
];

function textFiles(entry: string, out: string[]): string[] {
  const p = path.join(REPO, entry);
  if (!fs.existsSync(p)) return out;
  if (fs.statSync(p).isFile()) {
    if (TEXT.test(p)) out.push(p);
    return out;
  }
  for (const child of fs.readdirSync(p, { withFileTypes: true })) {
    if (child.isDirectory() && SKIPPED.has(child.name)) continue;
    textFiles(path.join(entry, child.name), out);
  }
  return out;
}

/** Every line of every file that breaks a rule, as `file:line: rule`. */
export function buildHistoryMentions(files: string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      for (const rule of RULES) if (rule.pattern.test(line)) found.push(`${path.relative(REPO, file)}:${i + 1}: ${rule.name}`);
    });
  }
  return found;
}

describe('code and docs without build history', () => {
  it('finds each kind of mention it forbids', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kho-luu-history-'));
    try {
      const sample = path.join(dir, 'sample.ts');
      fs.writeFileSync(
        sample,
        ['// fine: the issue date is read from the dateline', '// Done in ' + 'Iss' + 'ue 6.', '  // [' + 'search] ' + 'add entries ' + 'below this line', ' * [' + 'safety] removed rows stay'].join('\n'),
      );
      expect(buildHistoryMentions([sample]).map((m) => m.replace(/^.*sample\.ts:/, ''))).toEqual([
        '2: numbered work item',
        '3: insertion marker',
        '3: area tag heading a comment',
        '4: area tag heading a comment',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has none in electron/, shared/, renderer/, tests/ or the docs', () => {
    const files = [...FOLDERS, ...DOCS].flatMap((entry) => textFiles(entry, []));
    expect(files.length).toBeGreaterThan(500);
    expect(buildHistoryMentions(files)).toEqual([]);
  });
});
