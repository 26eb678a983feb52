import { docTypeByAbbr } from '../domain/docTypes';
import { normalizeNumberSymbol, numberSymbolKey } from '../domain/numberSymbol';
import { isoDate } from './dateLine';
import { typeOfWord, typesAgree } from './lexicon';
import { PARTY_SYMBOL, STATE_ONE_GROUP, STATE_SYMBOL } from './numberLine';
import type { Citation, TextSpan } from './types';

/**
 * References to other documents anywhere in the text: party number-symbols (`44-KL/TU`) and State
 * ones (`178/2024/NĐ-CP`, `66/NQ-CP`, `127/CĐ-TTg`). The type word before (`Kết luận số`) and a
 * date after (`ngày 05/8/2025`) are attached when present, across line breaks and markdown.
 *
 * One linear scan: every alternative starts with a digit and every quantifier is bounded, so a
 * 200 MB text costs one pass. The document's own number is left out; repeats are dropped, first
 * occurrence kept.
 */

const SYMBOL_RE = new RegExp(
  // Not inside a longer word or number, except right after `số` a copy glued to it (`số31-QĐ/TW`).
  String.raw`(?:(?<=s[ốỐ])|(?<![\p{L}\p{N}/\\-]))(?:` +
    // `1485\*-KL/TU`: an escaped star a converter left inside the number.
    PARTY_SYMBOL.replace(String.raw`(\d{1,6})`, String.raw`(\d{1,6})(?:\\?\*)?`) +
    '|' +
    STATE_SYMBOL +
    '|' +
    // `79/2015/QH13` (a law: year and the legislature's term), `285/CCTTHC` (a one-group symbol,
    // taken only after a type word).
    STATE_ONE_GROUP +
    '|' +
    // `Quyết định số 84 QĐ/TWĐTN`: a party number written with a space for its dash, after `số`.
    String.raw`(?<=s[ốỐ] )(\d{1,6}) (\p{Lu}\p{L}{0,4})\/(\p{Lu}\p{L}{0,11})` +
    '|' +
    // `36/2005 – QH 11`, `34/2005-QH11`: a law whose legislature's code a dash joins, as written.
    String.raw`\d{1,6}\/\d{4}[ \t]?[-–][ \t]?QH[ \t]?\d{1,2}` +
    // A lower-case word a copy glued after the symbol (`70-TB/TWngày`) is not part of it.
    String.raw`)(?![\p{Lu}\p{N}])`,
  'gu',
);
/**
 * {@link SYMBOL_RE} tried at one position. Every alternative begins with a digit that no digit
 * precedes (both lookbehinds refuse one), so trying it at the first digit of each run of digits
 * finds the same matches as the global search, which tried every position of the text (its
 * leading lookbehinds keep the engine from skipping to digits itself).
 */
const SYMBOL_AT = new RegExp(SYMBOL_RE.source, 'uy');
const DIGITS_RE = /\d+/g;

/** The first match of {@link SYMBOL_RE} at or after `from`, as `SYMBOL_RE.exec` would find it. */
function nextSymbol(text: string, from: number): RegExpExecArray | null {
  DIGITS_RE.lastIndex = from;
  for (let d = DIGITS_RE.exec(text); d; d = DIGITS_RE.exec(text)) {
    SYMBOL_AT.lastIndex = d.index;
    const m = SYMBOL_AT.exec(text);
    if (m) return m;
  }
  return null;
}
/** Group indices in {@link SYMBOL_RE}: party (3 groups), State (4), one-group (3), spaced party (3). */
const ONE_GROUP_AT = 8;
const SPACED_AT = 11;
/**
 * A State symbol a line break cut at one of its hyphens (`Tờ trình số 178/TTr-` / `STTTT ngày …`,
 * a PDF's text layer or a wrapped web page, a Word paragraph break): the code on the next line, in
 * capitals (`TTg` allowed), completes it.
 */
const WRAPPED_TAIL_RE = /[ \t]{0,2}-[ \t]{0,3}\r?\n(?:[ \t]{0,8}\r?\n)?[ \t]{0,8}(\p{Lu}[\p{Lu}\p{N}&]{1,11}\p{Ll}{0,2}(?:-\p{Lu}[\p{Lu}\p{N}&]{0,11}\p{Ll}{0,2}){0,2})(?![\p{L}\p{N}/-])/uy;
/**
 * A stray space inside a symbol's last code (`Thông tư 01/2016/TT-BGD ĐT`): the capitals after it
 * complete the code only when the same document also writes the whole symbol
 * (`01/2016/TT-BGDĐT`); then both are one citation.
 */
const SPLIT_CODE_TAIL_RE = /[ \t]{1,2}(\p{Lu}{1,4})(?![\p{L}\p{N}/-])/uy;

const TYPE_WORDS = [
  'thông báo kết luận',
  'nghị quyết liên tịch',
  'thông tư liên tịch',
  'nghị quyết',
  'quyết định',
  'chỉ thị',
  'kết luận',
  'quy chế',
  'quy định',
  'thông tri',
  'hướng dẫn',
  'thông báo',
  'báo cáo',
  'kế hoạch',
  'quy hoạch',
  'chương trình',
  'đề án',
  'phương án',
  'dự án',
  'tờ trình',
  'công văn',
  'biên bản',
  'nghị định',
  'thông tư',
  'công điện',
  'pháp lệnh',
  'điều lệ',
  'luật',
];
const TYPE_BEFORE_RE = new RegExp(`(${TYPE_WORDS.join('|')})(?: số)?\\s?:?\\s?$`, 'iu');
const LOOKBACK = 60;

// After the symbol: `, ngày 05/8/2025` or `ngày 14 tháng 5 năm 2025`, line breaks allowed.
const DATE_AFTER_RE = new RegExp(
  String.raw`[\s,*]{0,12}ngày\s{1,12}(\d{1,2})` +
    String.raw`(?:\s{0,3}[/.-]\s{0,3}(\d{1,2})\s{0,3}[/.-]\s{0,3}(\d{4})` +
    String.raw`|\s{1,3}tháng\s{1,3}(\d{1,2})\s{1,3}năm\s{1,3}(\d{4}))`,
  'iuy',
);

function typeBefore(text: string, at: number): string | null {
  const window = text
    .slice(Math.max(0, at - LOOKBACK), at)
    .replace(/[*\\#_]/g, '')
    .replace(/\s+/g, ' ');
  const m = TYPE_BEFORE_RE.exec(window);
  if (!m) return null;
  const word = m[1]!;
  return word[0]!.toUpperCase() + word.slice(1);
}

function dateAfter(text: string, at: number): string | null {
  DATE_AFTER_RE.lastIndex = at;
  const m = DATE_AFTER_RE.exec(text);
  if (!m) return null;
  return m[2] ? isoDate(+m[1]!, +m[2], +m[3]!) : isoDate(+m[1]!, +m[4]!, +m[5]!);
}

/**
 * A symbol right after a `Số:` label opening its line, the line ending there or going on with the
 * dateline (`Số: 66-QĐĐ/TW   Hà Nội, ngày …`), is a number line — the document's own (when the
 * header reader could not take it: a scan's misread `66-QĐĐ/TW`) or a copy's (`SAO Y … Số:
 * 45-SY/VPTU`) — never a document cited. A capitals title that wraps before `SỐ 77-KH/TU NGÀY …`
 * goes on in capitals, and still cites.
 */
const NUMBER_LABEL_RE = /^[ \t]*S[ốỐ][ \t]?[:.]?[ \t]*$/u;
const NUMBER_LINE_REST_RE = /^[ \t]*(?:$|[^\n]*\sngày\s)/u;
function onNumberLine(text: string, at: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  if (at - lineStart > 8 || !NUMBER_LABEL_RE.test(text.slice(lineStart, at))) return false;
  const lineEnd = text.indexOf('\n', end);
  return NUMBER_LINE_REST_RE.test(text.slice(end, lineEnd < 0 ? text.length : lineEnd));
}

/**
 * All citations in `text[from, to)` (NFC), excluding `ownNumber` and whatever stands at `ownSpan`
 * (the document's own number, even when a copy glued a word to it).
 */
export function findCitations(
  text: string,
  ownNumber: string | null,
  from = 0,
  to = text.length,
  ownSpan: TextSpan | null = null,
): Citation[] {
  const own = ownNumber ? numberSymbolKey(ownNumber) : null;
  const seen = new Set<string>();
  const out: Citation[] = [];
  // Repeats are the common case in long texts; skip them before normalising.
  const seenRaw = new Set<string>();
  for (let m = nextSymbol(text, from); m && m.index < to; m = nextSymbol(text, m.index + m[0].length)) {
    if (seenRaw.has(m[0])) continue;
    // Before it counts as seen: the body may cite the same symbol.
    if (onNumberLine(text, m.index, m.index + m[0].length)) continue;
    seenRaw.add(m[0]);
    let end0 = m.index + m[0].length;
    if (ownSpan && m.index < ownSpan.end && end0 > ownSpan.start) continue;
    let raw = m[0];
    const party = m[1] !== undefined || m[SPACED_AT] !== undefined;
    if (!party) {
      WRAPPED_TAIL_RE.lastIndex = end0;
      const tail = WRAPPED_TAIL_RE.exec(text);
      if (tail) {
        raw = `${m[0]}-${tail[1]!}`;
        end0 += tail[0].length;
      }
    }
    if (m[ONE_GROUP_AT] !== undefined && raw === m[0]) {
      // `số 3/QĐ-` and what follows is no code: a symbol cut short, not one of one group.
      if (text[end0] === '-') continue;
      // One group: a law's `79/2015/QH13`, or a symbol a type word introduces (`Công văn 285/CCTTHC`).
      const law = m[ONE_GROUP_AT + 1] !== undefined && /\d$/.test(m[ONE_GROUP_AT + 2]!);
      if (!law && typeBefore(text, m.index) === null) continue;
    }
    const numberSymbol = normalizeNumberSymbol(raw);
    if (!numberSymbol) continue;
    const key = numberSymbolKey(numberSymbol);
    if (key === own || seen.has(key)) continue;
    seen.add(key);
    const end = end0;
    out.push({
      numberSymbol,
      form: party ? 'party' : 'state',
      docType: typeBefore(text, m.index),
      date: dateAfter(text, end),
      span: { start: m.index, end },
    });
  }
  return joinSplitCodes(text, out);
}

const squashedKey = (s: string): string => numberSymbolKey(s).replace(/ /g, '');

/** Merges a citation cut by a stray space into the whole symbol the document writes elsewhere. */
function joinSplitCodes(text: string, found: Citation[]): Citation[] {
  const byKey = new Map(found.map((c) => [squashedKey(c.numberSymbol), c]));
  const dropped = new Set<Citation>();
  for (const c of found) {
    if (c.form !== 'state' || dropped.has(c)) continue;
    SPLIT_CODE_TAIL_RE.lastIndex = c.span.end;
    const tail = SPLIT_CODE_TAIL_RE.exec(text);
    const whole = tail ? byKey.get(squashedKey(c.numberSymbol + tail[1]!)) : undefined;
    if (!whole || whole === c) continue;
    // One citation at the first place either is written, with the symbol written whole.
    if (whole.span.start < c.span.start) {
      dropped.add(c);
    } else {
      c.numberSymbol = whole.numberSymbol;
      c.docType ??= whole.docType;
      c.date ??= whole.date;
      dropped.add(whole);
    }
  }
  return dropped.size ? found.filter((c) => !dropped.has(c)) : found;
}

/**
 * A party citation whose type word names another type than its abbreviation
 * (`Thông báo kết luận số 16-KL/TW`): the source is inconsistent, so the citation needs a look.
 */
export function citationDisagrees(c: Citation): boolean {
  if (c.form !== 'party' || !c.docType) return false;
  const abbr = /-(\p{L}+)\//u.exec(c.numberSymbol)?.[1];
  const byAbbr = abbr ? docTypeByAbbr(abbr) : undefined;
  const byWord = typeOfWord(c.docType);
  return !!byAbbr && !!byWord && !typesAgree(byAbbr, byWord);
}
