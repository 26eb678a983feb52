/**
 * Bản gốc: the original beside its record. PDF pages (pdf.js), scanned images (TIFF included),
 * text and Word files, with page navigation and zoom; the searched words and the place a field was
 * read are highlighted (on a scan, by the boxes of the words OCR read, with their confidence); a
 * copy can be saved (and, in the desktop app, opened in another program).
 */
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import DOMPurify from 'dompurify';
import { ApiError } from '@shared/contract/errors';
import type { Attachment } from '@shared/contract/types';
import { useLazyQuery, useQuery } from '../../api/hooks';
import { desktopShell } from '../../api/shell';
import { useT } from '../../i18n';
import { downloadBase64 } from '../../util/download';
import { errorMessage } from '../../util/errors';
import { formatSize } from '../../util/format';
import { ErrorBanner } from '../common/ErrorBanner';
import { rangesOf, setHighlight } from './domHighlight';
import { firstOriginal } from './firstOriginal';
import { firstPageWith } from './pageFinder';
import { type DrawnBox, boxesOnPage, pageOfField, pagesBelongTo } from './readPlaces';
import { renderPdfPage, pageWidth } from './pdfPages';
import { type LoadedOriginal, useOriginal } from './useOriginal';
import './viewer.css';

interface Props {
  attachments: Attachment[];
  /** Words of the search that led here. */
  searchTerms?: readonly string[];
  /** What a field holds as it was read (the value, or the passage it came from). */
  fieldTerms?: readonly string[];
  /** The record shown, and the field looked at: on a scan, where OCR read it is drawn. */
  documentId?: number;
  field?: string | null;
  /** Fills the height it is given (review mode) instead of the window's. */
  fill?: boolean;
}

const ZOOMS = [0.5, 0.67, 0.8, 1, 1.25, 1.5, 2, 3];
type Zoom = number | 'fit';

/** Only what Word's text needs: no links out of the app, pictures only as data: images. */
function sanitizeWordHtml(html: string): string {
  return DOMPurify.sanitize(html, {
    ALLOWED_URI_REGEXP: /^data:image\/(?:png|jpe?g|gif|bmp|webp);base64,/i,
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed', 'svg', 'math'],
    FORBID_ATTR: ['style', 'class', 'id'],
  });
}

export function OriginalViewer({ attachments, searchTerms = [], fieldTerms = [], documentId, field = null, fill = false }: Props) {
  const t = useT();
  const [attachmentId, setAttachmentId] = useState<number | null>(firstOriginal(attachments)?.id ?? null);
  const state = useOriginal(attachmentId);
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState<Zoom>('fit');
  const [scale, setScale] = useState(1);
  const [saveError, setSaveError] = useState<string | null>(null);
  const readContent = useLazyQuery('originals.content');
  const [matches, setMatches] = useState<number | null>(null);
  const [rendered, setRendered] = useState(0);
  const stage = useRef<HTMLDivElement>(null);
  const pageHost = useRef<HTMLDivElement>(null);
  const imageCanvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    if (!attachments.some((a) => a.id === attachmentId)) setAttachmentId(firstOriginal(attachments)?.id ?? null);
  }, [attachments, attachmentId]);

  const original = state?.status === 'ready' ? state.original : null;
  const pageCount = original?.pageCount ?? 0;
  const termsKey = JSON.stringify([searchTerms, fieldTerms]);

  // A scan's words have no text on the page to mark: their OCR boxes are drawn instead, over the
  // original they were read from.
  const scanned = original?.kind === 'pdf' || original?.kind === 'image' || original?.kind === 'tiff';
  const readFrom = documentId !== undefined && attachmentId !== null && attachmentId === pagesBelongTo(attachments);
  const ocr = useQuery('documents.pages', { id: documentId ?? 0 }, { enabled: scanned && readFrom });
  const ocrPages = scanned && readFrom ? ocr.data : null;
  const boxes = boxesOnPage(ocrPages, page, field, searchTerms);
  const readPage = pageOfField(ocrPages, field);
  const readPlace = field ? ocrPages?.fields.find((f) => f.field === field && f.boxes.length > 0) : undefined;
  const firstRead = useRef<HTMLDivElement>(null);

  // A new original opens on the page where the field (else a searched word) was read; once the
  // user turns a page, a late answer of that search no longer moves it.
  const jump = useRef(0);
  useEffect(() => {
    const mine = ++jump.current;
    setPage(1);
    if (original?.kind !== 'pdf') return;
    void (async () => {
      const at = (await firstPageWith(original.pdf, fieldTerms)) ?? (await firstPageWith(original.pdf, searchTerms));
      if (jump.current === mine && at) setPage(at);
    })();
  }, [original, termsKey]);

  // Looking at a field read by OCR turns to its page (the user may turn away again).
  useEffect(() => {
    if (readPage === null) return;
    jump.current++;
    setPage(readPage);
  }, [readPage, original]);

  // The scale: a chosen zoom, or the page's width fitted to the stage.
  useEffect(() => {
    if (!original || zoom !== 'fit') {
      if (typeof zoom === 'number') setScale(zoom);
      return;
    }
    let live = true;
    const fit = async () => {
      const width = (stage.current?.clientWidth ?? 800) - 24;
      const natural = original.kind === 'pdf' ? await pageWidth(original.pdf, page) : original.kind === 'image' || original.kind === 'tiff' ? original.images[page - 1]!.width : width;
      if (live) setScale(Math.max(0.1, Math.min(4, width / natural)));
    };
    void fit();
    return () => {
      live = false;
    };
  }, [original, zoom, page]);

  // Draw the page.
  useEffect(() => {
    if (!original) return;
    let stale = false;
    if (original.kind === 'pdf' && pageHost.current) {
      void renderPdfPage(original.pdf, page, scale, pageHost.current, () => stale).then(
        () => !stale && setRendered((n) => n + 1),
        () => undefined,
      );
    } else if ((original.kind === 'image' || original.kind === 'tiff') && imageCanvas.current) {
      original.images[page - 1]?.draw(imageCanvas.current, scale);
    } else setRendered((n) => n + 1);
    return () => {
      stale = true;
    };
  }, [original, page, scale]);

  // Mark the words once what they sit in is on screen, and bring the field's place into view.
  useLayoutEffect(() => {
    const root = stage.current;
    if (!root || !original) return;
    const search = rangesOf(root, searchTerms);
    const field = rangesOf(root, fieldTerms, 'read');
    setHighlight('kholuu-search', search);
    setHighlight('kholuu-field', field);
    setMatches(search.length + field.length);
    const first = field[0] ?? search[0];
    if (first) bringIntoView(root, first.getBoundingClientRect());
  }, [rendered, termsKey, original]);

  // Bring the first box of the field into view once it is drawn.
  const boxesKey = JSON.stringify(boxes);
  useLayoutEffect(() => {
    const box = firstRead.current?.getBoundingClientRect();
    if (stage.current && box) bringIntoView(stage.current, box);
  }, [boxesKey, scale, rendered]);

  useEffect(
    () => () => {
      setHighlight('kholuu-search', []);
      setHighlight('kholuu-field', []);
    },
    [],
  );

  const attachment = attachments.find((a) => a.id === attachmentId) ?? null;
  if (!attachment) {
    return (
      <section className="panel original-viewer" aria-labelledby="viewer-heading" data-testid="original-viewer">
        <h2 id="viewer-heading" className="section-title">
          {t('viewer.title')}
        </h2>
        <p className="muted">{t('viewer.none')}</p>
      </section>
    );
  }

  const go = (n: number) => {
    jump.current++;
    setPage(Math.min(Math.max(1, n), Math.max(1, pageCount)));
  };
  const zoomBy = (step: 1 | -1) => {
    const next = step > 0 ? (ZOOMS.find((z) => z > scale + 0.01) ?? ZOOMS[ZOOMS.length - 1]!) : ([...ZOOMS].reverse().find((z) => z < scale - 0.01) ?? ZOOMS[0]!);
    setZoom(next);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.target as HTMLElement).closest('input, textarea, select')) return;
    if (e.key === 'PageDown' || (e.key === 'ArrowRight' && e.altKey)) go(page + 1);
    else if (e.key === 'PageUp' || (e.key === 'ArrowLeft' && e.altKey)) go(page - 1);
    else if (e.key === '+' || e.key === '=') zoomBy(1);
    else if (e.key === '-') zoomBy(-1);
    else return;
    e.preventDefault();
  };

  const saveCopy = async () => {
    setSaveError(null);
    try {
      const content = await readContent.send({ attachmentId: attachment.id, purpose: 'save' });
      downloadBase64(content.contentBase64, attachment.fileName, attachment.mediaType);
    } catch (err) {
      setSaveError(errorMessage(err));
    }
  };
  const openOutside = async () => {
    setSaveError(null);
    const result = await desktopShell!.openOriginal(attachment.id);
    if (!result.ok) setSaveError(errorMessage(ApiError.fromBody(result.error)));
  };

  const paged = original && (original.kind === 'pdf' || original.kind === 'image' || original.kind === 'tiff');
  return (
    <section className={`panel original-viewer${fill ? ' fill' : ''}`} aria-labelledby="viewer-heading" onKeyDown={onKeyDown} data-testid="original-viewer">
      <header className="viewer-head">
        <h2 id="viewer-heading" className="section-title">
          {t('viewer.title')}
        </h2>
        {attachments.length > 1 ? (
          <label className="viewer-choose">
            <span className="visually-hidden">{t('viewer.choose')}</span>
            <select value={attachment.id} onChange={(e) => setAttachmentId(Number(e.target.value))} data-testid="viewer-attachment">
              {attachments.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.fileName}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span className="muted viewer-name" title={attachment.fileName}>
            {attachment.fileName} · {formatSize(attachment.size)}
          </span>
        )}
      </header>
      <div className="viewer-toolbar" role="toolbar" aria-label={t('viewer.toolbar')}>
        {paged ? (
          <span className="viewer-pages">
            <button type="button" className="small" onClick={() => go(page - 1)} disabled={page <= 1} aria-label={t('viewer.prev')} data-testid="viewer-prev">
              ‹
            </button>
            <label>
              <span className="visually-hidden">{t('viewer.page')}</span>
              <input
                type="number"
                min={1}
                max={pageCount}
                value={page}
                onChange={(e) => go(Number(e.target.value) || 1)}
                className="viewer-page-input"
                data-testid="viewer-page"
              />
            </label>
            <span className="muted" data-testid="viewer-page-count">
              / {pageCount}
            </span>
            <button type="button" className="small" onClick={() => go(page + 1)} disabled={page >= pageCount} aria-label={t('viewer.next')} data-testid="viewer-next">
              ›
            </button>
          </span>
        ) : null}
        {paged ? (
          <span className="viewer-zoom">
            <button type="button" className="small" onClick={() => zoomBy(-1)} aria-label={t('viewer.zoomOut')} data-testid="viewer-zoom-out">
              −
            </button>
            <span className="muted viewer-scale" data-testid="viewer-scale">
              {Math.round(scale * 100)}%
            </span>
            <button type="button" className="small" onClick={() => zoomBy(1)} aria-label={t('viewer.zoomIn')} data-testid="viewer-zoom-in">
              +
            </button>
            <button type="button" className="small" onClick={() => setZoom('fit')} aria-pressed={zoom === 'fit'} data-testid="viewer-fit">
              {t('viewer.fit')}
            </button>
          </span>
        ) : null}
        <span className="viewer-actions">
          {readPlace && readPlace.confidence !== null ? (
            <span className={readPlace.lowConfidence ? 'viewer-read low' : 'muted viewer-read'} data-testid="viewer-read-confidence">
              {t(readPlace.lowConfidence ? 'viewer.readOnScanLow' : 'viewer.readOnScan', { percent: Math.round(readPlace.confidence) })}
            </span>
          ) : null}
          {matches !== null && searchTerms.length + fieldTerms.length > 0 ? (
            <span className="muted" role="status" data-testid="viewer-matches">
              {t('viewer.matches', { n: matches + boxes.length })}
            </span>
          ) : null}
          <button type="button" className="small" onClick={() => void saveCopy()} data-testid="viewer-save">
            {t('viewer.save')}
          </button>
          {desktopShell ? (
            <button type="button" className="small" onClick={() => void openOutside()} data-testid="viewer-open">
              {t('viewer.openOutside')}
            </button>
          ) : null}
        </span>
      </div>
      <ErrorBanner message={saveError} />
      <div
        ref={stage}
        className="viewer-stage"
        tabIndex={0}
        aria-label={t('viewer.stage', { name: attachment.fileName })}
        data-testid="viewer-stage"
        data-kind={original?.kind ?? ''}
        data-page={page}
        data-rendered={rendered}
      >
        {state?.status === 'loading' ? <p className="muted">{t('viewer.loading')}</p> : null}
        {state?.status === 'failed' ? (
          <p className="error-banner" role="alert" data-testid="viewer-error">
            {state.reason === 'tooLarge' ? t('viewer.tooLarge') : state.reason === 'unreadable' ? t('viewer.unreadable') : state.message}
          </p>
        ) : null}
        {original && scanned ? (
          <div className="page-frame">
            <Page original={original} pageHost={pageHost} imageCanvas={imageCanvas} />
            {boxes.length > 0 ? <ReadBoxes boxes={boxes} scale={scale} firstRead={firstRead} /> : null}
          </div>
        ) : original ? (
          <Page original={original} pageHost={pageHost} imageCanvas={imageCanvas} />
        ) : null}
      </div>
    </section>
  );
}

function Page({ original, pageHost, imageCanvas }: { original: LoadedOriginal; pageHost: React.RefObject<HTMLDivElement | null>; imageCanvas: React.RefObject<HTMLCanvasElement | null> }) {
  const t = useT();
  switch (original.kind) {
    case 'pdf':
      return <div ref={pageHost} className="pdf-host" data-testid="viewer-pdf" />;
    case 'image':
    case 'tiff':
      return <canvas ref={imageCanvas} className="image-page" role="img" aria-label={t('viewer.scan')} data-testid="viewer-image" />;
    case 'text':
      return (
        <>
          {original.encoding && !original.encoding.startsWith('utf') ? <p className="muted viewer-encoding">{t('viewer.encoding', { encoding: original.encoding.toUpperCase() })}</p> : null}
          <pre className="original-text" data-testid="viewer-text">
            {original.text}
          </pre>
        </>
      );
    case 'docx':
      return <div className="docx-html" data-testid="viewer-docx" dangerouslySetInnerHTML={{ __html: sanitizeWordHtml(original.html) }} />;
    default:
      return <p className="muted">{t('viewer.unsupported')}</p>;
  }
}

/** Scrolls the stage so a place outside it shows a third of the way down. */
function bringIntoView(stage: HTMLElement, box: DOMRect): void {
  const frame = stage.getBoundingClientRect();
  if (box.top < frame.top || box.bottom > frame.bottom) stage.scrollTop += box.top - frame.top - frame.height / 3;
}

/** The OCR boxes over the drawn page, in CSS pixels (page units times the scale). */
function ReadBoxes({ boxes, scale, firstRead }: { boxes: DrawnBox[]; scale: number; firstRead: React.RefObject<HTMLDivElement | null> }) {
  const t = useT();
  const firstReadIndex = boxes.findIndex((b) => b.kind === 'read');
  return (
    <div className="ocr-boxes" aria-hidden="true">
      {boxes.map((b, i) => (
        <div
          key={i}
          ref={i === firstReadIndex ? firstRead : undefined}
          className={`ocr-box ${b.kind}${b.low ? ' low' : ''}`}
          style={{ left: b.x * scale, top: b.y * scale, width: b.width * scale, height: b.height * scale }}
          title={b.kind === 'search' ? t('viewer.boxSearch') : t(b.low ? 'viewer.boxReadLow' : 'viewer.boxRead', { percent: Math.round(b.confidence ?? 0) })}
          data-testid="viewer-box"
          data-kind={b.kind}
          data-low={b.low ? 'true' : 'false'}
        />
      ))}
    </div>
  );
}
