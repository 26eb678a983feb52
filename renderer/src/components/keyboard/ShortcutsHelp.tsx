/** Phím tắt: the help overlay listing every shortcut (opened with ? or from the top bar). */
import { useT } from '../../i18n';
import { Modal } from '../common/Modal';
import { OTHER_KEYS, SHORTCUTS } from './shortcuts';

export function ShortcutsHelp({ onClose }: { onClose(): void }) {
  const t = useT();
  const rows = [...SHORTCUTS, ...OTHER_KEYS];
  return (
    <Modal title={t('keys.title')} onClose={onClose} testId="shortcuts-help">
      <div className="modal-body">
        <table className="data-table shortcuts-table">
          <caption className="visually-hidden">{t('keys.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('keys.keys')}</th>
              <th scope="col">{t('keys.does')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.label} data-testid="shortcut-row">
                <td className="nowrap">
                  {s.keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 ? <span className="muted"> {t('keys.or')} </span> : null}
                      <kbd>{k}</kbd>
                    </span>
                  ))}
                </td>
                <td>{t(s.label)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">{t('keys.review')}</p>
      </div>
    </Modal>
  );
}
