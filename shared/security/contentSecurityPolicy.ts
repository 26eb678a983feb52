/**
 * The Content-Security-Policy of every page Kho Lưu shows (browser host header, Electron session
 * header, and the meta tag in renderer/index.html): only the app's own scripts and styles, no
 * remote content, no plugins, no framing.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');
