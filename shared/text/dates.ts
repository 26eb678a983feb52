/**
 * Calendar dates as Vietnamese archivists write them. The catalogue stores ISO `YYYY-MM-DD`; people
 * type and read `dd/mm/yyyy` (Nghị định 30/2020/NĐ-CP writes dates day first), whatever the
 * browser's or the system's locale. Pure: no `Intl`, no `Date` parsing of strings.
 */

import { toNfc } from './normalize';

const pad = (n: number) => String(n).padStart(2, '0');

/** True for a real calendar day with a four-digit year (1000–9999). */
export function isRealDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO `YYYY-MM-DD` of a real day, else null. */
export function isoOf(year: number, month: number, day: number): string | null {
  return isRealDay(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : null;
}

/** True for a well-formed ISO date naming a real day. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m !== null && isRealDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/;
/** `14/5/2025`, `14-05-2025`, `14.5.2025`, `14 / 5 / 2025`: day first, always. */
const DAY_FIRST = /^(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?(\d{4})$/;
/** `ngày 14 tháng 5 năm 2025`, `14 tháng 5 năm 2025` (the wording of a document's date line). */
const WORDS = /^(?:ngày\s*)?(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})$/iu;

/**
 * A typed or written date as ISO, or null when it is not one whole, real day with a four-digit
 * year. A two-digit year or a month-first order is never guessed.
 */
export function parseDayMonthYear(raw: string): string | null {
  const s = toNfc(raw).trim().replace(/\s+/g, ' ');
  let m = ISO.exec(s);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DAY_FIRST.exec(s) ?? WORDS.exec(s);
  if (m) return isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

/** `2025-05-14` → `14/05/2025`; text that is not an ISO date is returned unchanged; null → ''. */
export function formatDayMonthYear(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/**
 * What a date field holds while it is being typed: the ISO date when the text reads as one, ''
 * when it is empty, else the text itself, so the form's check can say it is not a date.
 */
export function dateFieldValue(typed: string): string {
  const trimmed = typed.trim();
  if (trimmed === '') return '';
  return parseDayMonthYear(trimmed) ?? trimmed;
}
