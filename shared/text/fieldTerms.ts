/**
 * The words to look for in an original to find where a field was read: its value as the document
 * writes it. A date is stored as ISO but printed `ngày 14 tháng 5 năm 2025` or `14/5/2025`; a list
 * (recipients, addressees) is found item by item; an incoming stamp by its parts.
 */

function dateWritings(iso: string): string[] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return [iso];
  const [y, mm, dd] = [m[1]!, m[2]!, m[3]!];
  const d = String(Number(dd));
  const mo = String(Number(mm));
  return [`ngày ${d} tháng ${mo} năm ${y}`, `ngày ${dd} tháng ${mm} năm ${y}`, `${d}/${mo}/${y}`, `${dd}/${mm}/${y}`, `${dd}/${mo}/${y}`, `${d}/${mm}/${y}`];
}

export function fieldTerms(field: string, value: unknown): string[] {
  if (value === null || value === undefined || value === '') return [];
  if (Array.isArray(value)) return value.flatMap((v) => fieldTerms(field, v));
  if (typeof value === 'object') {
    return Object.values(value as Record<string, unknown>).flatMap((v) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? dateWritings(v) : fieldTerms(field, v)));
  }
  const text = String(value).trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return dateWritings(text);
  return text === '' ? [] : [text];
}
