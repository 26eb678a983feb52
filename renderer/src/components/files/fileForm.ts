/** The file form's values (as typed) and their conversion to the contract's fields. */
import type { AccessRegime, ArchiveFile, CompletionStatus } from '@shared/contract/types';
import type { Translate } from '../../i18n';
import { isIsoDate } from '@shared/text/dates';

export interface FileFormValues {
  code: string;
  title: string;
  retentionCode: string;
  completion: '' | CompletionStatus;
  box: string;
  sheetCount: string;
  startDate: string;
  endDate: string;
  accessRegime: '' | AccessRegime;
  notes: string;
}

export interface FilePayload {
  code: string;
  title: string;
  retentionCode: string | null;
  completion: CompletionStatus | null;
  box: string | null;
  sheetCount: number | null;
  startDate: string | null;
  endDate: string | null;
  accessRegime: AccessRegime | null;
  notes: string | null;
}

export const emptyFileForm: FileFormValues = {
  code: '',
  title: '',
  retentionCode: '',
  completion: '',
  box: '',
  sheetCount: '',
  startDate: '',
  endDate: '',
  accessRegime: '',
  notes: '',
};

export function fileToForm(f: ArchiveFile): FileFormValues {
  return {
    code: f.code,
    title: f.title,
    retentionCode: f.retentionCode ?? '',
    completion: f.completion ?? '',
    box: f.box ?? '',
    sheetCount: f.sheetCount === null ? '' : String(f.sheetCount),
    startDate: f.startDate ?? '',
    endDate: f.endDate ?? '',
    accessRegime: f.accessRegime ?? '',
    notes: f.notes ?? '',
  };
}

const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

export function formToPayload(v: FileFormValues): FilePayload {
  return {
    code: v.code.trim(),
    title: v.title.trim(),
    retentionCode: orNull(v.retentionCode),
    completion: v.completion || null,
    box: orNull(v.box),
    sheetCount: v.sheetCount.trim() === '' ? null : Number(v.sheetCount.trim()),
    startDate: orNull(v.startDate),
    endDate: orNull(v.endDate),
    accessRegime: v.accessRegime || null,
    notes: orNull(v.notes),
  };
}

/** Only the fields that differ from the file as it was (files.update takes a patch). */
export function changedFields(before: FilePayload, after: FilePayload): Partial<FilePayload> {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof FilePayload)[]) {
    if (after[key] !== before[key]) patch[key] = after[key];
  }
  return patch as Partial<FilePayload>;
}

/** Client-side checks: required fields, a whole number of sheets, dates in order. */
export function validateFileForm(v: FileFormValues, t: Translate): Record<string, string> {
  const e: Record<string, string> = {};
  if (!v.code.trim()) e['code'] = t('common.required');
  if (!v.title.trim()) e['title'] = t('common.required');
  if (v.sheetCount.trim() !== '' && !/^\d{1,7}$/.test(v.sheetCount.trim())) e['sheetCount'] = t('common.invalidNumber');
  for (const k of ['startDate', 'endDate'] as const) if (v[k] && !isIsoDate(v[k])) e[k] = t('common.invalidDate');
  if (!e['startDate'] && !e['endDate'] && v.startDate && v.endDate && v.startDate > v.endDate) e['endDate'] = t('common.dateOrder');
  return e;
}
