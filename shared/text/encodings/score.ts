import { isVietnameseLetter, stripTones } from './letters';

/**
 * How Vietnamese a text looks, to choose between candidate decodings of the same bytes. Each word
 * (a run of letters) is one of:
 * - a valid syllable written with Vietnamese letters only (good, and better when it is one of the
 *   most frequent words of administrative prose);
 * - made of Vietnamese letters but not a syllable (`hñng`, `ằ`): doubtful;
 * - containing a letter Vietnamese does not use (`ø`, `ñ`, `ï`, `þ`): bad, the mark of a wrong
 *   decoding;
 * and every symbol a wrong decoding scatters (`¸ µ ¶ ® © ¬ ×`, U+FFFD, a C1 control, a stray
 * combining mark) is bad too. Plain-ASCII words count only when they are syllables: abbreviations
 * like `KL/TU` say nothing about the encoding.
 */

/** Vowel nuclei of Vietnamese syllables, toneless (after an onset such as `qu` or `gi`). */
const NUCLEI =
  'a|ă|â|e|ê|i|o|ô|ơ|u|ư|y|ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|oo|ôi|ơi|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ưu|ươ|yê|' +
  'iêu|oai|oao|oay|oeo|uây|uôi|uya|uyê|uyu|ươi|ươu|yêu';

/** Onset, nucleus, coda, for a toneless lower-case syllable (`k` ends place names: Đắk Lắk). */
const SYLLABLE_RE = new RegExp(`^(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?(?:${NUCLEI})(?:ch|nh|ng|[cmnptk])?$`);

/** True for one lower- or upper-case Vietnamese syllable (`thường`, `ƯƠNG`), with at most one tone. */
export function isVietnameseSyllable(word: string): boolean {
  const lower = word.normalize('NFC').toLowerCase();
  for (const ch of lower) if (!isVietnameseLetter(ch)) return false;
  const { bare, tones } = stripTones(lower);
  return tones <= 1 && SYLLABLE_RE.test(bare);
}

/** Frequent words of party and administrative documents (with their diacritics). */
const COMMON = new Set(
  (
    'và của các có được trong không là những một cho với đã người năm theo về thực hiện tổ chức cán bộ đảng ủy ' +
    'tỉnh huyện xã ban công tác văn bản kết luận nghị quyết thông báo kế hoạch chỉ thị hướng dẫn số ngày tháng ' +
    'nhiệm vụ chính trị hội đồng nhân dân quyết định lãnh đạo đạo chủ trương trên địa phương cơ quan đơn vị ' +
    'việc này để đến từ tại khi đó cũng như nhà nước phát triển kinh tế xã hội quản lý trách tình hình tiếp ' +
    'tục tăng cường nâng cao chất lượng hiệu quả đồng chí bí thư phó thường vụ trực nơi nhận lưu phòng tài liệu ' +
    'giao đề nghị báo cáo triển khai xây dựng đổi mới sắp xếp bộ máy hệ thống mặt trận tổ quốc việt nam ' +
    'đầu tư thời gian yêu cầu nội dung kiểm tra giám sát tuyên giáo dân vận điều kiện mô hình cấp sở ngành'
  ).split(' '),
);

/** Symbols that a legacy text read in the wrong table leaves everywhere. */
function isMojibakeSymbol(c: number): boolean {
  return (
    (c >= 0xa1 && c <= 0xbf && c !== 0xab && c !== 0xbb && c !== 0xb0) ||
    c === 0xd7 ||
    c === 0xf7 ||
    c === 0xfffd ||
    (c >= 0x80 && c < 0xa0)
  );
}

export interface ScoreDetail {
  /** Higher is more Vietnamese; about 1 for clean prose, below 0 for mojibake. */
  score: number;
  /** The score before dividing by the length: compares two readings of the same short line. */
  raw: number;
  letters: number;
  goodLetters: number;
  badLetters: number;
}

/** Scores at most `limit` characters of `text` (a sample is enough to tell encodings apart). */
export function vietnameseScore(text: string, limit = 200_000): ScoreDetail {
  const sample = (text.length > limit ? text.slice(0, limit) : text).normalize('NFC');
  let letters = 0;
  let good = 0;
  let bonus = 0;
  let doubtful = 0;
  let bad = 0;
  let symbols = 0;
  let word = '';
  const flush = () => {
    if (word === '') return;
    const lower = word.toLowerCase();
    const n = word.length;
    letters += n;
    let vietnameseOnly = true;
    let ascii = true;
    for (const ch of lower) {
      if (ch.charCodeAt(0) >= 0x80) ascii = false;
      if (!isVietnameseLetter(ch)) {
        vietnameseOnly = false;
        break;
      }
    }
    if (!vietnameseOnly) bad += n;
    else {
      const { bare, tones } = stripTones(lower);
      const syllable = tones <= 1 && SYLLABLE_RE.test(bare);
      if (syllable) {
        good += n;
        if (COMMON.has(lower)) bonus += n;
      } else if (!ascii) doubtful += n;
    }
    word = '';
  };
  for (const ch of sample) {
    const c = ch.charCodeAt(0);
    if (/\p{L}/u.test(ch)) {
      word += ch;
      continue;
    }
    if (/\p{M}/u.test(ch)) {
      // A combining mark NFC could not attach to a letter is debris of a wrong decoding.
      if (word === '') symbols++;
      else word += ch;
      continue;
    }
    flush();
    if (isMojibakeSymbol(c)) symbols++;
  }
  flush();
  const denominator = Math.max(1, letters + symbols);
  const raw = good + 0.5 * bonus - doubtful - 3 * bad - 3 * symbols;
  return { score: raw / denominator, raw, letters, goodLetters: good, badLetters: bad + symbols };
}
