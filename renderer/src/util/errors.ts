/**
 * An error's words in the interface's language. A services' error carries a code and parameters;
 * the shared catalogue (`@shared/contract/errors`) writes its sentence in Vietnamese or English.
 */
import { ApiError, fieldTexts, sentence, type ErrorMessage } from '@shared/contract/errors';
import { JOB_PHASES, isJobPhase } from '@shared/contract/jobPhases';
import type { JobStatus, Locale } from '@shared/contract/types';
import { useAppStore } from '../stores/appStore';

function currentLocale(): Locale {
  return useAppStore.getState().locale;
}

/** The sentence of an error in the interface's language, or a readable text for anything else. */
export function errorMessage(err: unknown, locale: Locale = currentLocale()): string {
  if (err instanceof ApiError) return err.textIn(locale);
  if (err instanceof Error) return err.message;
  return String(err);
}

/**
 * The server's per-field messages keyed by form field: `patch.endDate` → `endDate`,
 * `target.fondsId` → `fondsId`. Returns null when the error names no field.
 */
export function fieldErrors(err: unknown, locale: Locale = currentLocale()): Record<string, string> | null {
  if (!(err instanceof ApiError) || !err.fields) return null;
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldTexts(locale, err.fields))) {
    const key = path.replace(/^(patch|target)\./, '');
    out[key] ??= message;
  }
  return Object.keys(out).length > 0 ? out : null;
}

/**
 * A text the services send both as Vietnamese (`message`) and as a code with parameters (`text`):
 * worded in the interface's language when coded, else as it came.
 */
export function textOf(item: { message: string | null; text?: ErrorMessage | null }, locale: Locale = currentLocale()): string | null {
  return item.text ? sentence(locale, item.text) : item.message;
}

/** Why a job stopped, in the interface's language. */
export function jobErrorText(status: Pick<JobStatus, 'error' | 'errorMessage'>, locale: Locale = currentLocale()): string | null {
  return status.errorMessage ? sentence(locale, status.errorMessage) : status.error;
}

/** What a job is doing now, in the interface's language. */
export function jobPhaseText(status: Pick<JobStatus, 'phase' | 'phaseCode'>, locale: Locale = currentLocale()): string | null {
  return isJobPhase(status.phaseCode) ? JOB_PHASES[status.phaseCode][locale] : (status.phase ?? null);
}

/** A list the services send as Vietnamese sentences with their codes beside them (same order): in the interface's language. */
export function textsOf(messages: readonly string[], texts: readonly ErrorMessage[] | undefined, locale: Locale = currentLocale()): string[] {
  return texts && texts.length === messages.length ? texts.map((t) => sentence(locale, t)) : [...messages];
}
