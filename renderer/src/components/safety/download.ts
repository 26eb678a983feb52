/** Saves text the services produced as a file the user keeps (a list, a report). */
export { downloadText } from '../../util/download';

/** SHA-256 (hex) of a file the user picked, computed in the page. */
export async function sha256OfFile(file: File): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
