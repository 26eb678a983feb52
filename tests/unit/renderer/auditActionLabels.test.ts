/**
 * Every action of the audit log is named in words in both languages of the interface: the history
 * never shows a raw `handover.pack`. A new action in shared/contract/auditActions.ts without its
 * label in the catalogues fails here (and at compile time).
 */
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../../shared/contract/auditActions';
import { en } from '../../../renderer/src/i18n/en';
import { vi } from '../../../renderer/src/i18n/vi';
import { auditActionKeys } from '../../../renderer/src/util/auditLabels';

const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

describe('audit action labels', () => {
  const catalogues = { vi: vi as Record<string, string>, en: en as Record<string, string> };

  it.each(Object.entries(catalogues))('names every action in %s by its own label', (locale, catalogue) => {
    const has = (key: string) => typeof catalogue[key] === 'string' && catalogue[key]!.trim() !== '';
    const missing = AUDIT_ACTIONS.filter((action) => {
      const keys = auditActionKeys(action, 'document', has);
      return keys === null || !('action' in keys);
    });
    expect(missing, `actions without audit.action.<action> in ${locale}`).toEqual([]);
  });

  it('words the English labels in English and the Vietnamese ones in Vietnamese', () => {
    const keys = AUDIT_ACTIONS.map((a) => `audit.action.${a}`);
    expect(keys.filter((k) => VIETNAMESE.test(catalogues.en[k] ?? ''))).toEqual([]);
    expect(keys.filter((k) => !VIETNAMESE.test(catalogues.vi[k] ?? ''))).toEqual([]);
  });

  it('names an action an older build wrote by its verb and record, and a wholly unknown one not at all', () => {
    const has = (key: string) => key in catalogues.vi;
    expect(auditActionKeys('file.renumber', 'file', has)).toEqual({ verb: 'audit.action.renumber', entity: 'audit.entity.file' });
    expect(auditActionKeys('nothing.known', 'file', has)).toBeNull();
  });
});
