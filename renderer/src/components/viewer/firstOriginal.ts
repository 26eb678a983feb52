/**
 * Which of a record's originals the viewer opens first (pure: tested in plain Node). A record may
 * hold the same document in several files (a scan or PDF and a typed copy, found to be one
 * document by its number, date and issuer): the one that shows the pages as they were signed is
 * what a metadata check needs, so pages (PDF, images) come before Word, and Word before plain text.
 * Among equals, the first attached.
 */
interface Original {
  id: number;
  fileName: string;
  mediaType: string;
}

function rank(a: Original): number {
  const type = a.mediaType.toLowerCase();
  const ext = /\.([a-z0-9]+)$/i.exec(a.fileName)?.[1]?.toLowerCase() ?? '';
  if (type === 'application/pdf' || ext === 'pdf') return 0;
  if (type.startsWith('image/') || ['jpg', 'jpeg', 'png', 'tif', 'tiff'].includes(ext)) return 0;
  if (type.includes('wordprocessingml') || ext === 'docx') return 1;
  if (type.startsWith('text/') || ['txt', 'md'].includes(ext)) return 2;
  return 3;
}

export function firstOriginal<T extends Original>(attachments: readonly T[]): T | null {
  let best: T | null = null;
  for (const a of attachments) if (best === null || rank(a) < rank(best)) best = a;
  return best;
}
