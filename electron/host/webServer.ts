import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ApiError, kindOf, type CallReply, type ErrorKind } from '../../shared/contract/errors';
import type { Dispatch } from '../services/dispatch';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/contentSecurityPolicy';

export interface BrowserHostOptions {
  dispatch: Dispatch;
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token for tests; otherwise a random one is made at start. */
  token?: string;
  /** Largest accepted request body (uploads travel as base64 JSON). */
  maxBodyBytes?: number;
}

export interface BrowserHost {
  url: string;
  /** The address to open: sets the session cookie, then redirects to the app. */
  openUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Cookies ignore ports: two hosts on 127.0.0.1 (say, a sending and a receiving catalogue) would
 * overwrite each other's session, so the cookie's name carries the port.
 */
const cookieName = (port: number) => `kholuu_session_${port}`;
const LOOPBACK = '127.0.0.1';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // pdf.js's worker is a module script: a module worker refuses any other media type.
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

const STATUS_OF: Record<ErrorKind, number> = {
  invalid_input: 400,
  unknown_operation: 404,
  not_found: 404,
  conflict: 409,
  unauthorized: 401,
  unsupported_file: 415,
  unreadable_file: 422,
  cancelled: 409,
  internal: 500,
  // An encrypted catalogue not yet opened; a secret document not unlocked.
  locked: 423,
  hidden: 403,
};

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}

function baseHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

function sendText(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

function sendJson(res: http.ServerResponse, status: number, body: CallReply<unknown>): void {
  res.writeHead(status, { ...baseHeaders(), 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** A path segment as sent, decoded; null when its percent-encoding is malformed (`%E0%A4%A`). */
function decodePath(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * Reads a request body of at most `limit` bytes; `null` when it is larger. A larger body is read
 * on and dropped (never kept) up to `drainLimit`, so the client, still sending, gets the 413 answer
 * instead of a reset connection; past that the connection is cut.
 */
function readBody(req: http.IncomingMessage, limit: number, drainLimit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number(req.headers['content-length'] ?? 0) > limit;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (tooLarge) {
        chunks.length = 0;
        if (size > drainLimit) {
          resolve(null);
          req.destroy();
        }
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A reply naming the fault in the caller's request. */
function badRequest(res: http.ServerResponse, status: number, error: ApiError): void {
  sendJson(res, status, { ok: false, error: error.toBody() });
}

/**
 * The browser host: serves the built renderer and the contract over HTTP on the loopback address
 * only. Every request must carry the start-up token (as the session cookie set by the open URL,
 * or as a Bearer header); requests naming another host (DNS rebinding) or coming from another
 * origin are refused, and no CORS header is ever sent.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const maxBody = options.maxBodyBytes ?? 160 * 1024 * 1024;
  const rendererDir = path.resolve(options.rendererDir);
  let port = 0;

  const allowedHosts = () => new Set([`${LOOPBACK}:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://${LOOPBACK}:${port}`, `http://localhost:${port}`]);

  const authorized = (req: http.IncomingMessage): boolean => {
    const bearer = req.headers.authorization?.match(/^Bearer (.+)$/)?.[1];
    const cookie = cookieValue(req.headers.cookie, cookieName(port));
    return (bearer !== undefined && sameSecret(bearer, token)) || (cookie !== null && sameSecret(cookie, token));
  };

  const serveStatic = (res: http.ServerResponse, urlPath: string) => {
    const relative = decodePath(urlPath === '/' ? '/index.html' : urlPath);
    if (relative === null || relative.includes('\0')) return sendText(res, 400, 'Đường dẫn không hợp lệ.');
    const file = path.resolve(rendererDir, `.${relative}`);
    if (!file.startsWith(rendererDir + path.sep)) return sendText(res, 403, 'Đường dẫn không hợp lệ.');
    if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
      return sendText(res, 500, 'Giao diện chưa được dựng. Hãy chạy: npm run build:renderer\n(Renderer not built: run npm run build:renderer)');
    }
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return sendText(res, 404, 'Không tìm thấy.');
    res.writeHead(200, { ...baseHeaders(), 'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (!req.headers.host || !allowedHosts().has(req.headers.host)) return sendText(res, 403, 'Máy chủ không hợp lệ (Host).');
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);

    const offered = url.searchParams.get('token');
    if (req.method === 'GET' && offered !== null) {
      if (!sameSecret(offered, token)) return sendText(res, 401, 'Mã truy cập không đúng. Hãy dùng đường dẫn in ra khi khởi động Kho Lưu.');
      res.writeHead(302, { ...baseHeaders(), 'Set-Cookie': `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`, Location: '/' });
      return res.end();
    }
    if (!authorized(req)) {
      return sendText(res, 401, 'Cần mã truy cập: hãy mở Kho Lưu bằng đường dẫn (có token) in ra khi khởi động.\n(Unauthorized: open the URL with the token printed at start-up.)');
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) return sendText(res, 403, 'Nguồn gọi không được phép (Origin).');

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return sendText(res, 405, 'Chỉ chấp nhận POST.');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return sendText(res, 415, 'Yêu cầu phải là JSON.');
      const operation = decodePath(url.pathname.slice('/api/'.length));
      if (operation === null) return badRequest(res, 400, new ApiError('host.badPath'));
      const body = await readBody(req, maxBody, maxBody * 4);
      if (body === null) {
        res.setHeader('Connection', 'close');
        return badRequest(res, 413, new ApiError('host.bodyTooLarge', { maxMb: Math.floor(maxBody / 1024 / 1024) }));
      }
      let input: unknown;
      try {
        input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
      } catch {
        return badRequest(res, 400, new ApiError('host.malformedJson'));
      }
      // Every operation takes an object; `null`, a number or a list is not one (and never means "nothing").
      if (typeof input !== 'object' || input === null || Array.isArray(input)) {
        return badRequest(res, 400, new ApiError('host.notAnObject'));
      }
      const reply = await options.dispatch(operation, input);
      return sendJson(res, reply.ok ? 200 : (STATUS_OF[kindOf(reply.error.code)] ?? 500), reply);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Phương thức không được hỗ trợ.');
    return serveStatic(res, url.pathname);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error(`[kholuu] browser host: ${String(err)}`);
      if (!res.headersSent) sendText(res, 500, 'Lỗi máy chủ.');
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://${LOOPBACK}:${port}/`;
  return {
    url,
    openUrl: `${url}?token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
