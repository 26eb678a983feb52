/** Pure helpers of the register import screen: column names, file reading, option labels. */
import type { RegisterColumn } from '@shared/contract/types/registers';
import { REGISTER_FIELDS, type RegisterField } from '@shared/registers/fields';

export { REGISTER_FIELDS, type RegisterField };

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** The encoding as people know it. */
export function encodingLabel(encoding: string): string {
  const names: Record<string, string> = {
    'utf-8': 'UTF-8',
    'utf-8-bom': 'UTF-8',
    'utf-16le': 'UTF-16',
    'utf-16be': 'UTF-16',
    'windows-1258': 'Windows-1258',
    tcvn3: 'TCVN3 (ABC)',
    vni: 'VNI',
    unicode: 'Unicode',
  };
  return names[encoding] ?? encoding;
}

/** Base64 of a file's bytes, read by the browser. */
export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error(`Không đọc được tệp ${file.name}`));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

export type Mapping = Record<RegisterField, number | null>;

/** Which field each column feeds (for the preview table's header). */
export function fieldsByColumn(mapping: Mapping): Map<number, RegisterField[]> {
  const out = new Map<number, RegisterField[]>();
  for (const f of REGISTER_FIELDS) {
    const i = mapping[f];
    if (i === null) continue;
    out.set(i, [...(out.get(i) ?? []), f]);
  }
  return out;
}

export function hasKeyColumn(mapping: Mapping): boolean {
  return mapping.numberSymbol !== null || mapping.subject !== null;
}

export type { RegisterColumn };
