import { fold } from '../text/fold';
import { isVietnameseSyllable } from '../text/encodings/score';
import { gluedTypeNameLength, isCapitals, opensWithBody, PARENT_HEADS, startsWithWord, TITLE_HEADS, typeTitleLength } from './lexicon';

/**
 * Lines that hold a whole header, or a whole footer, run together: what a PDF copy, an OCR pass or
 * a web page's text gives when it drops the line breaks (`UBND TỈNH … CỘNG HÒA XÃ HỘI CHỦ NGHĨA
 * VIỆT NAM SỞ … Độc lập - Tự do - Hạnh phúc Số: 2917/SGDĐT-VP Phan Rang, ngày 05 tháng 11 năm 2010
 * V/v …`). Such a line is cut back into the cells it was made of, at the marks every header and
 * footer carries: the mottos, `Số:`, the place-and-date, `V/v`, `Kính gửi`, rules and stars,
 * `Nơi nhận`, list dashes, signing authorities, `(đã ký)`, and the places where capitals meet
 * lower case with no space (`QUYẾT ĐỊNHVề`, `CHÁNH VĂN PHÒNGThái Hữu Phép`).
 *
 * Only a line that looks flattened is cut — one holding two of the header's marks, or `Nơi nhận`
 * followed by a signing authority — so a body paragraph that mentions `Hà Nội, ngày …` or `V/v`
 * stays whole. Every pattern is bounded and the scan is linear in the line.
 */

/** Shorter lines are a header cell or two at most, read as they are. */
const MIN_FLAT = 80;
/** Marks of a header are looked for in the line's first characters; a footer's after its label. */
const HEADER_ZONE = 2500;
const FOOTER_ZONE = 1500;
const MAX_CUTS = 400;

const MOTTO_RE = /dang cong san viet nam|cong hoa ?xa ?hoi ?chu ?nghia ?viet ?nam|doc ?lap ?[-–—]? ?tu ?do ?[-–—]? ?hanh ?phuc|doan tncs ho chi minh/g;
// `S 291/QĐ-UBDT`: a text layer that lost the `ố`.
const NUMBER_RE = /(?<=^|[\s*|:.])S(?:[ốỐ] ?[:.]?| (?=\d)|: ?(?=\d)) ?\d{1,6} ?[-/]/gu;
/** `Phan Rang-Tháp Chàm, ngày 05 tháng11 năm 2010`, `Quận 2, ngày 11/01/2008`: place words in title case. */
// A lone capital, with a letter or two after it, is a word a text layer broke (`Hà N i`): the cut
// is made all the same; whether the place can be read is the dateline reader's to say.
const PLACE_WORD = String.raw`(?<!\p{L})(?:\p{Lu}\p{Ll}[\p{L}'’-]{0,20}|\p{Lu}(?: \p{Ll}{1,2}(?!\p{L}))?|TP\.|Tp\.|\d{1,3})`;
const DATELINE_RE = new RegExp(
  String.raw`(?:${PLACE_WORD}(?: ${PLACE_WORD}){0,5}) ?, ?[nN]gày ?\d{1,2} ?(?:tháng ?\d{1,2} ?năm ?\d{4}|[/.-] ?\d{1,2} ?[/.-] ?\d{4})`,
  'gu',
);
const VV_RE = /(?<=^|\s)V\/[vV](?=\s)/g;
const KINH_GUI_RE = /(?<=^|[\s.;:-])Kính gửi/g;
const KINH_GUI_LINE_RE = /^\s{0,8}Kính gửi ?:/;
/** A letter's `V/v` cell, and (run onto its line by a copy that kept the row) the dateline beside it. */
const VV_LINE_RE = /^\s{0,8}V\/[vV]\s/;
/** A list item's dash after the item before it (`- Sở Tài chính; - Bộ Y tế`), however short the line. */
const INNER_BULLET_RE = /;\s?[-–+•]\s/u;
const RULE_RE = /[-_=]{3,}|\*{1,5}(?=\s?S[ốỐ](?!\p{L}))|(?<=\p{L})\*{3,}/gu;
/** `… nhiệm vụ năm 2023 Căn cứ Điều lệ Đảng;`: the legal basis after a subject in lower case. */
const BASIS_AFTER_WORDS_RE = /(?<=[\p{Ll}\d)] )(?=(?:Căn cứ|Xét đề nghị|Theo đề nghị)\s)/gu;
const BASIS_RE = /(?<=\S) ?- ?(?=(?:Căn cứ|Xét|Theo đề nghị)\s)/g;
/**
 * `… CỦA CẤP TỈNH BỘ TRƯỞNG BỘ Y TẾ Căn cứ …`: the enacting authority between a decision's subject
 * and its legal basis. Before each basis that follows capitals, the last authority word in the
 * capitals run (moved back over an office printed before it: `CHỦ TỊCH` / `ỦY BAN NHÂN DÂN …`)
 * starts a cell, and so does the basis.
 */
const ENACTING_HEADS = ['BỘ TRƯỞNG', 'CHỦ TỊCH', 'THỦ TƯỚNG', 'GIÁM ĐỐC', 'CỤC TRƯỞNG', 'VỤ TRƯỞNG', 'ỦY BAN NHÂN DÂN', 'UỶ BAN NHÂN DÂN', 'HỘI ĐỒNG NHÂN DÂN', 'BAN THƯỜNG VỤ'];
/** An office's title heads an enacting line (`BỘ TRƯỞNG BỘ Y TẾ`): the body after it is its own, not another. */
const OFFICE_HEADS = ['BỘ TRƯỞNG', 'CHỦ TỊCH', 'THỦ TƯỚNG', 'GIÁM ĐỐC', 'CỤC TRƯỞNG', 'VỤ TRƯỞNG'];
const BASIS_AFTER_CAPS_RE = /(?<=\p{Lu}{2,} )(?=(?:Căn cứ|Xét đề nghị|Theo đề nghị)\s)/gu;
const ENACTING_RUN = 90;

/**
 * A line that opens with a type word in capitals and runs on, through its subject in capitals,
 * into the legal basis (`QUYẾT ĐỊNH BAN HÀNH … BỘ TRƯỞNG BỘ … Căn cứ …`): a title block and the
 * body's start that lost their line breaks. A title alone in capitals is no such line.
 */
export function titleRunsIntoBody(line: string): boolean {
  if (typeTitleLength(line) === 0) return false;
  BASIS_AFTER_CAPS_RE.lastIndex = 0;
  return BASIS_AFTER_CAPS_RE.test(line.slice(0, HEADER_ZONE));
}

function enactingCuts(s: string, base: number, cuts: number[]): void {
  BASIS_AFTER_CAPS_RE.lastIndex = 0;
  for (let m = BASIS_AFTER_CAPS_RE.exec(s); m && cuts.length < MAX_CUTS; m = BASIS_AFTER_CAPS_RE.exec(s)) {
    cuts.push(base + m.index);
    const from = Math.max(0, m.index - ENACTING_RUN);
    const run = s.slice(from, m.index);
    let at = -1;
    for (const h of ENACTING_HEADS) {
      const i = run.lastIndexOf(h);
      if (i > at && (i === 0 || run[i - 1] === ' ')) at = i;
    }
    if (at < 0 || !isCapitals(run.slice(at), 2)) continue;
    // An office printed before the body it heads (`CHỦ TỊCH` / `ỦY BAN NHÂN DÂN TỈNH …`).
    for (let moved = true; moved; ) {
      moved = false;
      for (const h of ENACTING_HEADS) {
        if (at >= h.length + 1 && run.slice(at - h.length - 1, at) === `${h} ` && (at === h.length + 1 || run[at - h.length - 2] === ' ')) {
          at -= h.length + 1;
          moved = true;
        }
      }
    }
    if (at > 0) cuts.push(base + from + at);
  }
}
const LABEL_RE = /N[ơo]i nh[ậa]n ?:/g;
const BULLET_RE = /(?<=[;:.,] ?)(?=[-–+•] ?\p{L})/gu;
// A marker followed by another (`Lưu: VT, KT. TM. ỦY BAN …`: `KT` is a recipient's code there) is none.
const AUTHORITY_RE = /(?<=^|[\s.;,:)])(?=(?:T\/M|K\/T|T\/L|T\/UQ|TM\.|KT\.|TL\.|TUQ\.|Q\.) ?(?!(?:T\/M|K\/T|T\/L|T\/UQ|TM\.|KT\.|TL\.|TUQ\.)[\s\p{Lu}])\p{Lu}\p{Lu})/gu;
const SIGNED_RE = /\((?:đã ký|Đã ký|ĐÃ KÝ|ký|Ký)[^()]{0,30}\)/g;
/** A word in capitals glued to a capitalised word: `ĐỊNHVề`, `PHÒNGThái`. */
const GLUED_RE = /(?<=\p{Lu}{2})(?=\p{Lu}\p{Ll})/gu;
/** A sentence ends and another begins (the next cell of a flattened list or header). */
// Not after an abbreviation in capitals (`TT. Tỉnh ủy`, `VP. UBND tỉnh`): its dot ends no sentence.
const SENTENCE_RE = /(?<=[.;][\s\u0300-\u036f]{1,40})(?<!(?:^|[\s,(])\p{Lu}{1,4}\.[\s\u0300-\u036f]{1,40})(?=\p{Lu}\p{Ll})/gu;
/** `… năm 2023 I. KẾT QUẢ THỰC HIỆN` (party texts: `I- KẾT QUẢ …`): the body's first numbered heading after the title block. */
const HEADING_RE = /(?<=\s)(?=[IVX]{1,4}(?:\. ?|- )\p{Lu}{2})/gu;
/** A capitalised name, then a body in capitals: `Phan Văn Mãi BAN CHẤP HÀNH …`. */
const NAME_THEN_CAPS_RE = /(?<=\p{Lu}\p{Ll}{1,7}) (?=\p{Lu}{2,} \p{Lu}{2,})/gu;
/** A line that opens with a signing authority. */
const AUTHORITY_LINE_RE = /^\s{0,8}(?:T\/M|K\/T|T\/L|T\/UQ|TM\.|KT\.|TL\.|TUQ\.|Q\.) ?\p{Lu}{2}/u;
/** A signer's title in capitals after the list's last item, then a name: `VT, NC. CHỦ TỊCH Nguyễn Văn Bình`. */
const TITLE_THEN_NAME_RE =
  /(?<=[.;] ?)(?:PHÓ |KT\. )?(?:CHỦ TỊCH|GIÁM ĐỐC|BÍ THƯ|BỘ TRƯỞNG|CỤC TRƯỞNG|CHÁNH VĂN PHÒNG|TRƯỞNG BAN|THỦ TRƯỞNG|HIỆU TRƯỞNG)(?: \p{Lu}{1,8}){0,8} (?:\((?:đã ký|Đã ký|ký)\) )?\p{Lu}\p{Ll}{1,7} \p{Lu}\p{Ll}/u;
/** A capitals run after the end of a list item (`… Lưu VT. CHỦ TỊCH …`). */
const CAPS_AFTER_SENTENCE_RE = /(?<=[.;] ?)(?=\p{Lu}{2,}[ \p{Lu}]{0,40}(?: \p{Lu}\p{Ll}|$))/gu;
/** A capitals run, then a capitalised name: `CHỦ TỊCH Nguyễn Văn Bình`. */
const CAPS_THEN_NAME_RE = /(?<=\p{Lu}{2}) (?=\p{Lu}\p{Ll}{1,7} \p{Lu}\p{Ll}{1,7}(?: \p{Lu}\p{Ll}{1,7}){0,2}(?:$|[ .]))/gu;
/** A word in capitals that is no syllable: maybe two words glued (`ĐOÀNBÍ THƯ THƯỜNG TRỰC`). */
const CAPS_WORD_RE = /\p{Lu}{4,14}/gu;

/**
 * `TM. BAN BÍ THƯ TRUNG ƯƠNG ĐOÀNBÍ THƯ THƯỜNG TRỰC`: an authority glued to the signer's title. A
 * capitals word that is not a syllable is cut where it makes two syllables and the second opens a
 * signer title.
 */
function gluedTitleCuts(s: string, base: number, cuts: number[]): void {
  CAPS_WORD_RE.lastIndex = 0;
  for (let m = CAPS_WORD_RE.exec(s); m && cuts.length < MAX_CUTS; m = CAPS_WORD_RE.exec(s)) {
    const w = m[0];
    if (isVietnameseSyllable(w)) continue;
    for (let k = 1; k < w.length; k++) {
      if (!isVietnameseSyllable(w.slice(0, k)) || !isVietnameseSyllable(w.slice(k))) continue;
      if (startsWithWord(fold(s.slice(m.index + k, m.index + k + 40)), TITLE_HEADS)) {
        cuts.push(base + m.index + k);
        break;
      }
    }
  }
}

/** An authority and the capitals after it, up to a name, `(đã ký)` or the end. */
const AUTHORITY_RUN_RE = /(?:T\/M|K\/T|T\/L|T\/UQ|TM\.|KT\.|TL\.|TUQ\.|Q\.) ?((?:\p{Lu}[\p{Lu}\p{M}]*[ –-]?){2,16})/gu;
/** A signer's title is a few words: `BÍ THƯ`, `PHÓ CHỦ TỊCH`, `BÍ THƯ THƯỜNG TRỰC`. */
const MAX_TITLE_WORDS = 4;

/**
 * `T/M ĐẢNG ỦY BÍ THƯ Nguyễn Văn Hòa`: an authority and the signer's title run together with a
 * space. The title is the shortest tail of the capitals run that opens with a title word and has
 * at most four words (so `BAN BÍ THƯ` inside `TM. BAN BÍ THƯ TRUNG ƯƠNG ĐOÀN` stays the body's).
 */
function spacedTitleCuts(s: string, base: number, cuts: number[]): void {
  AUTHORITY_RUN_RE.lastIndex = 0;
  for (let m = AUTHORITY_RUN_RE.exec(s); m && cuts.length < MAX_CUTS; m = AUTHORITY_RUN_RE.exec(s)) {
    const run = m[1]!.trimEnd();
    const runAt = m.index + m[0].indexOf(m[1]!);
    const words = run.split(' ');
    let at = words[0]!.length + 1;
    for (let k = 1; k < words.length; k++) {
      const rest = words.slice(k).join(' ');
      if (words.length - k <= MAX_TITLE_WORDS && startsWithWord(fold(rest), TITLE_HEADS)) {
        cuts.push(base + runAt + at);
        break;
      }
      at += words[k]!.length + 1;
    }
  }
}

/**
 * Cuts before every match of `re` in `s` (and after it, for a whole cell such as a motto or a
 * dateline); `keep` can refuse a match by the text it covers.
 */
/** A column gap: a tab, four spaces, two no-break spaces (plain searches: cheaper than a regular expression on every long line). */
const hasColumnGap = (s: string): boolean => s.includes('\t') || s.includes('    ') || s.includes('\u00a0\u00a0');
const QUICK_NUMBER_RE = /S(?:[ốỐ] ?[:.]?)? ?\d/u;
const QUICK_DATE_RE = /gày ?\d/u;
const QUICK_MOTTO_RE = /CỘNG|Cộng|ĐẢNG CỘNG|Độc|ĐỘC|ĐOÀN TNCS|Hạnh|HẠNH/u;
const QUICK_LABEL_RE = /N[ơo]i nh[ậa]n/u;

function addAll(
  re: RegExp,
  s: string,
  base: number,
  cuts: number[],
  both = false,
  keep: (from: number, to: number) => boolean = () => true,
): void {
  re.lastIndex = 0;
  for (let m = re.exec(s); m && cuts.length < MAX_CUTS; m = re.exec(s)) {
    if (m[0].length === 0) re.lastIndex++;
    if (!keep(m.index, m.index + m[0].length)) continue;
    cuts.push(base + m.index);
    if (both) cuts.push(base + m.index + m[0].length);
  }
}

/** A motto is printed in capitals, `Độc lập …` in title case; in a sentence it is neither. */
function mottoCase(line: string): (from: number, to: number) => boolean {
  return (from, to) => {
    const t = line.slice(from, to);
    return isCapitals(t, 2) || (/^\p{Lu}/u.test(t) && /^doc/.test(fold(t.slice(0, 3))));
  };
}

function count(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let n = 0;
  for (let m = re.exec(s); m && n < 3; m = re.exec(s)) {
    n++;
    if (m[0].length === 0) re.lastIndex++;
  }
  return n;
}

/**
 * Where a flattened line should be cut (offsets into `line`, sorted, without 0 and its length), or
 * null when the line does not look flattened.
 */
const COLUMN_GAP_ALL_RE = /\t| {4,}|\u00a0{2,}/g;

/** The cuts of a line with column gaps: none unless a cell between gaps is a run-together header. */
function gappedCuts(line: string): number[] | null {
  const cuts: number[] = [];
  let found = false;
  let from = 0;
  const cell = (to: number): void => {
    const piece = line.slice(from, to);
    const inner = piece.length >= MIN_FLAT && !hasColumnGap(piece.trim()) ? flatCuts(piece) : null;
    if (from > 0) cuts.push(from);
    if (inner) {
      found = true;
      for (const c of inner) cuts.push(from + c);
    }
  };
  COLUMN_GAP_ALL_RE.lastIndex = 0;
  for (let m = COLUMN_GAP_ALL_RE.exec(line); m !== null && cuts.length < MAX_CUTS; m = COLUMN_GAP_ALL_RE.exec(line)) {
    cell(m.index);
    from = m.index + m[0].length;
  }
  cell(line.length);
  return found ? cuts : null;
}

export function flatCuts(line: string): number[] | null {
  // `KT. CHỦ TỊCHPHÓ CHỦ TỊCH`: an authority glued to the signer's title on a line of its own.
  if (line.length < MIN_FLAT && AUTHORITY_LINE_RE.test(line)) {
    const cuts: number[] = [];
    gluedTitleCuts(line, 0, cuts);
    return cuts.length > 0 ? cuts : null;
  }
  // `QUYẾT ĐỊNHVề việc … Minh--------- BAN BÍ THƯ …- Căn cứ …`: the title block and the body's
  // start run together under a header that was kept apart; cut as a flattened header is.
  const lead = line.length - line.trimStart().length;
  // `Kính gửi: - … ; - … . Vừa qua, …`: the addressees and the body's first paragraph on one line.
  // `QUYẾT ĐỊNH BAN HÀNH … CỦA CẤP TỈNH BỘ TRƯỞNG … Căn cứ …`: the same, with the space kept.
  const runTogether =
    gluedTypeNameLength(line.slice(lead)) > 0 ||
    (KINH_GUI_LINE_RE.test(line) && (line.length >= MIN_FLAT || INNER_BULLET_RE.test(line))) ||
    (VV_LINE_RE.test(line) && count(DATELINE_RE, line) > 0) ||
    (line.length >= MIN_FLAT && titleRunsIntoBody(line.slice(lead)));
  // A line with column gaps keeps its cells apart already (a table row, a PDF's columns), unless
  // a cell between the gaps is itself a header run together (`… Hạnh phúc    Số: … ngày …
  // QUYẾT ĐỊNH …`): then the gaps and that cell's own marks cut it.
  if (!runTogether && line.length >= MIN_FLAT && hasColumnGap(line.trim())) return gappedCuts(line);
  if (!runTogether && line.length < MIN_FLAT) return null;
  const head = line.slice(0, HEADER_ZONE);
  // Cheap checks first: most long lines are body paragraphs with none of these.
  const quick = +QUICK_NUMBER_RE.test(head) + +QUICK_DATE_RE.test(head) + +QUICK_MOTTO_RE.test(head);
  if (!runTogether && quick < 2 && !QUICK_LABEL_RE.test(line)) return null;
  const folded = fold(head);
  // Folding keeps one unit per unit for NFC text; if not, offsets would not line up.
  const foldedOk = folded.length === head.length;
  let mottos = 0;
  if (foldedOk) addAll(MOTTO_RE, folded, 0, [], false, (a, b) => mottoCase(head)(a, b) && ++mottos > 0);
  const marks =
    (runTogether ? 2 : 0) +
    Math.min(mottos, 1) +
    Math.min(count(NUMBER_RE, head), 1) +
    Math.min(count(DATELINE_RE, head), 1);
  LABEL_RE.lastIndex = 0;
  const label = LABEL_RE.exec(line);
  const footer = label !== null ? line.slice(label.index, label.index + FOOTER_ZONE) : null;
  // After the list, an authority (`TM. …`), or a signer's title in capitals before a name
  // (`… - Lưu VT. CHỦ TỊCH Nguyễn Văn Bình`).
  const footerLike = footer !== null && (count(AUTHORITY_RE, footer) > 0 || count(TITLE_THEN_NAME_RE, footer) > 0);
  if (marks < 2 && !footerLike) return null;

  const cuts: number[] = [];
  // Mottos, numbers and datelines anywhere in the line: where another document's header begins
  // (a related document, an attached text) is where this one ends.
  const foldedLine = line.length === head.length ? folded : fold(line);
  if (foldedLine.length === line.length) addAll(MOTTO_RE, foldedLine, 0, cuts, true, mottoCase(line));
  addAll(NUMBER_RE, line, 0, cuts);
  addAll(DATELINE_RE, line, 0, cuts, true);
  if (marks >= 2) {
    addAll(VV_RE, head, 0, cuts);
    addAll(KINH_GUI_RE, head, 0, cuts);
    addAll(RULE_RE, head, 0, cuts, true);
    addAll(BASIS_RE, head, 0, cuts);
    addAll(BASIS_AFTER_WORDS_RE, head, 0, cuts);
    enactingCuts(head, 0, cuts);
    addAll(GLUED_RE, head, 0, cuts);
    addAll(BULLET_RE, head, 0, cuts);
    addAll(SENTENCE_RE, head, 0, cuts);
    addAll(HEADING_RE, head, 0, cuts);
  }
  if (footer !== null && label !== null) {
    const at = label.index;
    cuts.push(at);
    addAll(BULLET_RE, footer, at, cuts);
    addAll(AUTHORITY_RE, footer, at, cuts);
    addAll(SIGNED_RE, footer, at, cuts, true);
    addAll(GLUED_RE, footer, at, cuts);
    gluedTitleCuts(footer, at, cuts);
    spacedTitleCuts(footer, at, cuts);
    addAll(NAME_THEN_CAPS_RE, footer, at, cuts);
    addAll(CAPS_AFTER_SENTENCE_RE, footer, at, cuts);
    addAll(CAPS_THEN_NAME_RE, footer, at, cuts);
    addAll(SENTENCE_RE, footer, at, cuts);
    addAll(RULE_RE, footer, at, cuts, true);
  }
  let sorted = [...new Set(cuts)].filter((c) => c > 0 && c < line.length).sort((a, b) => a - b);
  if (marks >= 2) sorted = withBodyCuts(line, sorted);
  return sorted.length > 0 ? sorted : null;
}

/** Words after which a body's name continues rather than another begins (`… CÁC CƠ QUAN`, `… VÀ ĐÀO TẠO`). */
const JOINING = new Set(['cac', 'va', '-', 'cua', 'thuoc', 'truc']);

/**
 * `BAN CHẤP HÀNH TRUNG ƯƠNG VĂN PHÒNG`, `ĐẢNG BỘ TỈNH … HUYỆN ỦY …`: the superior body and the
 * issuer run together. Inside a capitals piece that opens with a superior body, a cut is made
 * before the first word that opens another body's name.
 */
function withBodyCuts(line: string, cuts: readonly number[]): number[] {
  const out: number[] = [];
  let prev = 0;
  for (const cut of [...cuts, line.length]) {
    const piece = line.slice(prev, cut);
    const lead = piece.length - piece.trimStart().length;
    const text = piece.trim();
    if (text.length >= 8 && text.length <= 120 && isCapitals(text, 3) && !OFFICE_HEADS.some((h) => text.startsWith(`${h} `)) && opensWithBody({ text, folded: fold(text) }, PARENT_HEADS)) {
      const words = text.split(' ');
      let at = words[0]!.length + 1;
      for (let k = 1; k < words.length; k++) {
        const rest = words.slice(k).join(' ');
        const restFolded = fold(rest);
        const locality = opensWithBody({ text: rest, folded: restFolded }, LOCALITY_WORDS) && !opensWithBody({ text: rest, folded: restFolded }, LOCAL_COMMITTEES);
        const compound = COMPOUNDS.has(`${fold(words[k - 1]!)} ${restFolded.split(' ')[0]}`);
        if (k >= 2 && !JOINING.has(fold(words[k - 1]!)) && !compound && opensWithBody({ text: rest, folded: restFolded }) && !locality) {
          out.push(prev + lead + at);
          break;
        }
        at += words[k]!.length + 1;
      }
    }
    if (cut < line.length) out.push(cut);
    prev = cut;
  }
  return out;
}

/** Words that continue a name with its locality, never open another body. */
const LOCALITY_WORDS = ['tinh', 'huyen', 'xa', 'thanh pho', 'quan', 'phuong', 'thi xa', 'thi tran'];
/** …except the party committee named by its locality: `ĐẢNG BỘ TỈNH …` / `HUYỆN ỦY …`. */
const LOCAL_COMMITTEES = ['tinh uy', 'thanh uy', 'huyen uy', 'quan uy', 'thi uy'];
/**
 * A body's head word that is the second syllable of a word in the name (`SỞ NỘI VỤ`, `BỘ QUỐC
 * PHÒNG`, `… CƠ SỞ`, `BAN THƯỜNG VỤ`): no other body begins there.
 */
const COMPOUNDS: ReadonlySet<string> = new Set([
  'noi vu', 'ngoai vu', 'thuong vu', 'nhiem vu', 'dich vu', 'cong vu', 'tai vu', 'nghiep vu', 'phuc vu',
  'quoc phong', 'van phong', 'co so', 'tru so', 'can bo', 'toan bo', 'thu vien', 'hieu truong', 'bo truong',
]);
