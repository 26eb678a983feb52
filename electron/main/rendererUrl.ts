/**
 * Which URLs are the app's own pages. The shell answers IPC and allows navigation only for pages
 * inside the renderer folder. Chromium reports a page's URL percent-encoded (`file:///C:/Program%20Files/Kho%20L%C6%B0u/…`),
 * with forward slashes and a drive letter on Windows, so the folder is turned into a URL the same
 * way (`pathToFileURL`) and both are compared as decoded, normalised file paths: a raw path glued
 * to `file://` matched no installed copy whose folder holds a space or a Vietnamese letter.
 * Pure (no `electron` import), so it is tested for every platform on any machine.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const isWindows = process.platform === 'win32';

/** The URL of the folder holding the renderer's index.html, ending in `/`. */
export function rendererRootUrl(indexHtml: string, windows = isWindows): string {
  const dir = (windows ? path.win32 : path.posix).dirname(indexHtml);
  const href = pathToFileURL(dir, { windows }).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** A file URL's path, decoded; null for anything else or a path that cannot be a file's (an encoded slash). */
function filePath(url: string, windows: boolean): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'file:' || parsed.host !== '') return null;
  try {
    return fileURLToPath(parsed, { windows });
  } catch {
    return null;
  }
}

/**
 * Whether `url` is a page inside the renderer folder `rootUrl`: same file system (no host: a UNC
 * `file://server/…` is another machine), and a path below the folder once both are decoded and put
 * in the same Unicode form (macOS may hand either composed or decomposed letters) and, on Windows,
 * the same case.
 */
export function isRendererUrl(url: string, rootUrl: string, windows = isWindows): boolean {
  const page = filePath(url, windows);
  const root = filePath(rootUrl, windows);
  if (page === null || root === null) return false;
  const p = windows ? path.win32 : path.posix;
  const norm = (s: string) => {
    const n = p.normalize(s.normalize('NFC'));
    return windows ? n.toLowerCase() : n;
  };
  const relative = p.relative(norm(root), norm(page));
  return relative !== '' && !relative.startsWith('..') && !p.isAbsolute(relative);
}
