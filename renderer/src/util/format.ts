/** Display formats. Archival dates are ISO `YYYY-MM-DD`; Vietnamese shows them `dd/mm/yyyy`. */
import type { Locale, RetentionPeriod } from '@shared/contract/types';
import { formatDayMonthYear } from '@shared/text/dates';

export function formatDate(iso: string | null | undefined): string {
  return formatDayMonthYear(iso) || '—';
}

/** dd/mm/yyyy hh:mm:ss in the machine's time zone (the same in both languages). */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function retentionLabel(period: RetentionPeriod | null | undefined, locale: Locale): string | null {
  if (!period) return null;
  return locale === 'vi' ? period.labelVi : period.labelEn;
}

export function orDash(value: string | number | null | undefined): string {
  return value === null || value === undefined || value === '' ? '—' : String(value);
}
