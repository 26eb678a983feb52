/**
 * How a document's text was obtained, shown at the top of the document view: a scan waiting for
 * OCR (clearly), a scan read by OCR (to be checked against the original), text converted from a
 * legacy encoding, or a row of a register.
 */
import { useQuery } from '../../api/hooks';
import { useLocale, useT } from '../../i18n';
import { textsOf } from '../../util/errors';
import { encodingLabel } from './registerForm';
import './registers.css';

export function ReadingNotice({ documentId }: { documentId: number }) {
  const t = useT();
  const locale = useLocale();
  // A detail: the view works without it, so a failure here stays silent.
  const info = useQuery('documents.readingInfo', { id: documentId }).data;

  if (!info) return null;
  const legacy = ['tcvn3', 'vni', 'windows-1258'].includes(info.encoding ?? '') && info.conversions.some((c) => c.includes('→unicode'));
  return (
    <>
      {info.needsOcr ? (
        <div className="reading-notice" role="status" data-testid="reading-needs-ocr">
          <strong>{t('import.reading.ocrTitle')}</strong>
          {t('import.reading.ocr')}
          {info.pageCount ? ` (${t('import.reading.pages', { n: info.pageCount })})` : null}
        </div>
      ) : null}
      {info.encoding === 'ocr' && !info.needsOcr ? (
        <p className="muted reading-note" data-testid="reading-ocr">
          {t('import.reading.recognized')}
          {info.pageCount ? ` (${t('import.reading.pages', { n: info.pageCount })})` : null}
        </p>
      ) : null}
      {legacy ? (
        <p className="muted reading-note" data-testid="reading-converted">
          {t('import.reading.converted', { from: encodingLabel(info.encoding!) })}
        </p>
      ) : null}
      {info.register ? (
        <p className="muted reading-note" data-testid="reading-register">
          {t('import.reading.register', { file: info.register.fileName, row: info.register.row })} {textsOf(info.register.problems, info.register.problemTexts, locale).join(' ')}
        </p>
      ) : null}
    </>
  );
}
