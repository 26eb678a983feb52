/**
 * When a fixed-term file's retention runs out. The period is counted from the year the work it
 * records ended (Luật Lưu trữ; Thông tư 10/2022/TT-BNV, "thời hạn bảo quản được tính từ năm công
 * việc kết thúc"): a file closed in 2012 and kept 10 years is kept through 2022 and may be
 * appraised for destruction from 1 January 2023. Permanent files (vĩnh viễn) never expire; a file
 * without an end date or a period cannot be said to have expired (nothing is guessed).
 */
export function retentionExpiry(endDate: string | null, retentionClass: 'permanent' | 'fixed' | null, years: number | null): string | null {
  if (retentionClass !== 'fixed' || !years || years <= 0 || !endDate) return null;
  const m = /^(\d{4})-\d{2}-\d{2}$/.exec(endDate);
  if (!m) return null;
  return `${String(Number(m[1]) + years + 1).padStart(4, '0')}-01-01`;
}

/** True when the file's retention has run out on `today` (ISO date). */
export function isExpired(expiry: string | null, today: string): boolean {
  return expiry !== null && expiry <= today;
}
