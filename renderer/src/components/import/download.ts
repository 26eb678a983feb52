/** Saves an exported file (a report) through the browser's download, in both hosts. */
import type { ExportedFile } from '@shared/contract/types/importing';
import { downloadText } from '../../util/download';

export function downloadFile(file: ExportedFile): void {
  downloadText(file.fileName, file.content, `${file.mediaType};charset=utf-8`);
}
