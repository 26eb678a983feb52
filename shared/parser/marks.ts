import { subSeg, textIndex, type Seg } from './clean';
import type { Piece } from './piece';
import type { SecurityLevel, Urgency } from './types';

/**
 * Độ mật (Mật / Tối mật / Tuyệt mật) and độ khẩn (Khẩn / Thượng khẩn / Hỏa tốc) marks.
 *
 * They are stamped in the header as a word on its own (often in a box, so a converter may add
 * brackets or quotes). Only a segment that is nothing but the mark counts: `mật` inside a sentence
 * (`bảo vệ bí mật nhà nước`) or a heading (`BẢO MẬT`) is not a mark. The electronic-document form
 * `Độ mật: Mật` / `Độ khẩn: Khẩn` is read too.
 */

const SECURITY: Record<string, SecurityLevel> = { mat: 'mat', 'toi mat': 'toi_mat', 'tuyet mat': 'tuyet_mat' };
const URGENCY: Record<string, Urgency> = {
  khan: 'khan',
  'thuong khan': 'thuong_khan',
  'hoa toc': 'hoa_toc',
  'hoa toc hen gio': 'hoa_toc',
};

export interface SecurityMark {
  kind: 'security';
  value: SecurityLevel;
  piece: Piece;
}
export interface UrgencyMark {
  kind: 'urgency';
  value: Urgency;
  piece: Piece;
}
export type Mark = SecurityMark | UrgencyMark;

const WRAPPED_RE = /^[\s"'“”‘’([{<]*(do (?:mat|khan)\s?:\s?)?([a-z ]{3,16}?)[\s"'“”‘’)\]}>.]*$/;

export function readMark(seg: Seg): Mark | null {
  if (seg.text.length > 30) return null;
  const m = WRAPPED_RE.exec(seg.folded);
  if (!m) return null;
  const word = m[2]!.trim();
  const label = m[1]?.startsWith('do mat') ? 'security' : m[1] ? 'urgency' : null;
  const start = m[0].indexOf(word, m[1]?.length ?? 0);
  const piece = subSeg(seg, textIndex(seg, start), textIndex(seg, start + word.length));
  const sec = SECURITY[word];
  if (sec && label !== 'urgency') return { kind: 'security', value: sec, piece };
  const urg = URGENCY[word];
  if (urg && label !== 'security') return { kind: 'urgency', value: urg, piece };
  return null;
}
