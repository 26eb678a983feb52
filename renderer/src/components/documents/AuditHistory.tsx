/** Lịch sử thay đổi: time, user, action, and a readable before → after of each changed field. */
import type { AuditEntry } from '@shared/contract/types';
import { useAppStore } from '../../stores/appStore';
import { isMessageKey, useLocale, useT, type MessageKey, type Translate } from '../../i18n';
import { changedFields } from '../../util/auditDiff';
import { auditActionKeys, auditFieldKey } from '../../util/auditLabels';
import { formatDate, formatDateTime } from '../../util/format';
import { EMPTY_LIST } from '../../util/empty';

export function AuditHistory({ entries }: { entries: AuditEntry[] }) {
  const t = useT();
  const describe = useValueFormatter();
  return (
    <section className="panel" aria-labelledby="audit-heading" data-testid="audit-history">
      <h2 id="audit-heading" className="section-title">
        {t('audit.title')}
      </h2>
      {entries.length === 0 ? (
        <p className="muted">{t('audit.empty')}</p>
      ) : (
        <table className="data-table audit-table">
          <thead>
            <tr>
              <th>{t('audit.time')}</th>
              <th>{t('audit.user')}</th>
              <th>{t('audit.action')}</th>
              <th>{t('audit.changes')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => {
              const changes = changedFields(e.before, e.after);
              return (
                <tr key={e.id} data-testid="audit-row" data-action={e.action} data-entity={e.entityType}>
                  <td className="nowrap">{formatDateTime(e.at)}</td>
                  <td>{e.actor}</td>
                  <td>{actionLabel(e, t)}</td>
                  <td>
                    {e.before === null || e.before === undefined ? (
                      <span className="muted">{t('audit.created')}</span>
                    ) : (
                      <ul className="change-list">
                        {changes.map((c) => (
                          <li key={c.field} data-testid={`audit-change-${c.field}`}>
                            <span className="change-field">{fieldLabel(e.entityType, c.field, t)}:</span>{' '}
                            <span className="change-before">{describe(c.field, c.before)}</span> → <span className="change-after">{describe(c.field, c.after)}</span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** "Sửa hồ sơ", "Tạo văn bản"… named by the action (an older row's unknown action: by its verb and record). */
function actionLabel(e: AuditEntry, t: Translate): string {
  const keys = auditActionKeys(e.action, e.entityType, isMessageKey);
  if (!keys) return e.action;
  if ('action' in keys) return t(keys.action as MessageKey);
  return keys.entity ? `${t(keys.verb as MessageKey)} ${t(keys.entity as MessageKey)}` : t(keys.verb as MessageKey);
}

function fieldLabel(entityType: string, field: string, t: Translate): string {
  const key = auditFieldKey(entityType, field, isMessageKey);
  return key && isMessageKey(key) ? t(key) : field;
}

/** Renders a field's value for people: code labels, dates as dd/mm/yyyy, lists joined. */
function useValueFormatter(): (field: string, value: unknown) => string {
  const t = useT();
  const locale = useLocale();
  const periods = useAppStore((s) => s.codeLists?.retentionPeriods ?? EMPTY_LIST);
  return (field, value) => {
    if (value === null || value === undefined || value === '') return '∅';
    if (Array.isArray(value)) {
      if (value.length === 0) return '∅';
      // The fields waiting for review are field names: say them in words.
      return (field === 'reviewFields' ? value.map((f) => fieldLabel('document', String(f), t)) : value.map(String)).join('; ');
    }
    if (typeof value === 'string') {
      if (field === 'retentionCode') {
        const p = periods.find((r) => r.code === value);
        return p ? (locale === 'vi' ? p.labelVi : p.labelEn) : value;
      }
      const prefix: Record<string, string> = {
        completion: 'file.completion.',
        handoverStatus: 'handover.',
        accessRegime: 'access.',
        securityLevel: 'security.',
        urgency: 'urgency.',
        status: 'fonds.status.',
      };
      const key = prefix[field] ? `${prefix[field]}${value}` : '';
      if (key && isMessageKey(key)) return t(key);
      if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
      return value.length > 160 ? `${value.slice(0, 160)}…` : value;
    }
    if (typeof value === 'object') {
      // An incoming stamp and the like: its filled parts, dates as dd/mm/yyyy.
      return Object.values(value as Record<string, unknown>)
        .filter((v) => v !== null && v !== undefined && v !== '')
        .map((v) => (typeof v === 'string' ? formatDate(v) : String(v)))
        .join(' — ') || '∅';
    }
    if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
    return String(value);
  };
}
