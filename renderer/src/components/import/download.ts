/** Saves an exported file (a report) through the browser's download, in both hosts. */
import type { ExportedFile } from '@shared/contract/types/importing';

export function downloadFile(file: ExportedFile): void {
  const blob = new Blob([file.content], { type: `${file.mediaType};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
