/** Message lookup for the current locale. */
import { useCallback } from 'react';
import type { Locale } from '@shared/contract/types';
import { useAppStore } from '../stores/appStore';
import { en } from './en';
import { vi, type MessageKey, type Messages } from './vi';

export type { MessageKey };

const catalogs: Record<Locale, Messages> = { vi, en };

export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

export function translate(locale: Locale, key: MessageKey, vars?: Vars): string {
  const text = catalogs[locale][key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** True when `key` is a message key (for keys built from data, e.g. audit field names). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(vi, key);
}

/** The translate function of the current locale; re-renders when the locale changes. */
export function useT(): Translate {
  const locale = useAppStore((s) => s.locale);
  return useCallback((key: MessageKey, vars?: Vars) => translate(locale, key, vars), [locale]);
}

export function useLocale(): Locale {
  return useAppStore((s) => s.locale);
}
