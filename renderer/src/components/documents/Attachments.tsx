/** Tệp gốc: name, media type, size, SHA-256. */
import type { Attachment } from '@shared/contract/types';
import { useT } from '../../i18n';
import { formatSize } from '../../util/format';

export function Attachments({ attachments }: { attachments: Attachment[] }) {
  const t = useT();
  return (
    <section className="panel" data-testid="attachments">
      <h2 className="section-title">{t('doc.attachments')}</h2>
      {attachments.length === 0 ? (
        <p className="muted">{t('doc.noAttachments')}</p>
      ) : (
        <ul className="attachment-list">
          {attachments.map((a) => (
            <li key={a.id} data-testid={`attachment-${a.id}`}>
              <div className="attachment-name">{a.fileName}</div>
              <div className="muted">
                {a.mediaType} · {formatSize(a.size)}
              </div>
              <div className="hash" title="SHA-256">
                SHA-256: <code>{a.sha256}</code>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
