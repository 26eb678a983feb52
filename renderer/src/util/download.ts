/**
 * Hands bytes to the user as a file, in both hosts: the browser's download (in Electron, its save
 * dialog). One place for every export, report and saved copy of an original.
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function bytesOfBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function downloadBase64(base64: string, fileName: string, mediaType: string): void {
  saveBlob(new Blob([bytesOfBase64(base64)], { type: mediaType }), fileName);
}

export function downloadText(fileName: string, content: string, mediaType: string): void {
  saveBlob(new Blob([content], { type: mediaType }), fileName);
}
