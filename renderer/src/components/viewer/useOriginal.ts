/**
 * Loads one original for the viewer: the preview first (it names the kind, and carries the text of
 * text and Word files), then the bytes for what the renderer draws itself (PDF pages, images).
 */
import { useEffect, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { OriginalKind } from '@shared/contract/types/viewer';
import { ApiError } from '@shared/contract/errors';
import { call } from '../../api/client';
import { errorMessage } from '../../util/errors';
import { bytesOfBase64 } from '../../util/download';
import { openPdf } from './pdfPages';
import { type ImagePage, ImageTooLarge, decodeImagePages } from './imagePages';

export type LoadedOriginal =
  | { kind: 'pdf'; pdf: PDFDocumentProxy; pageCount: number }
  | { kind: 'image' | 'tiff'; images: ImagePage[]; pageCount: number }
  | { kind: 'text'; text: string; encoding: string | null; pageCount: 1 }
  | { kind: 'docx'; html: string; pageCount: 1 }
  | { kind: 'other'; pageCount: 0 };

export type OriginalState = { status: 'loading' } | { status: 'failed'; message: string; reason: 'tooLarge' | 'unreadable' | 'error' } | { status: 'ready'; original: LoadedOriginal };

async function load(attachmentId: number): Promise<LoadedOriginal> {
  const preview = await call('originals.preview', { attachmentId });
  const kind: OriginalKind = preview.kind;
  if (kind === 'text') return { kind, text: preview.text ?? '', encoding: preview.encoding ?? null, pageCount: 1 };
  if (kind === 'docx') return { kind, html: preview.html ?? '', pageCount: 1 };
  if (kind === 'other') return { kind, pageCount: 0 };
  const content = await call('originals.content', { attachmentId, purpose: 'view' });
  const bytes = bytesOfBase64(content.contentBase64);
  if (kind === 'pdf') {
    const pdf = await openPdf(bytes);
    return { kind, pdf, pageCount: pdf.numPages };
  }
  const images = await decodeImagePages(bytes, kind);
  return { kind, images, pageCount: images.length };
}

export function useOriginal(attachmentId: number | null): OriginalState | null {
  const [state, setState] = useState<OriginalState | null>(null);
  useEffect(() => {
    if (attachmentId === null) return setState(null);
    let live = true;
    let opened: LoadedOriginal | null = null;
    setState({ status: 'loading' });
    load(attachmentId).then(
      (original) => {
        opened = original;
        if (live) setState({ status: 'ready', original });
        else if (original.kind === 'pdf') void original.pdf.destroy();
      },
      (err: unknown) => {
        if (!live) return;
        if (err instanceof ImageTooLarge) return setState({ status: 'failed', reason: 'tooLarge', message: err.message });
        // An ApiError carries the services' own words; anything else is a file the readers refused.
        setState({ status: 'failed', reason: err instanceof ApiError ? 'error' : 'unreadable', message: errorMessage(err) });
      },
    );
    return () => {
      live = false;
      if (opened?.kind === 'pdf') void opened.pdf.destroy();
    };
  }, [attachmentId]);
  return state;
}
