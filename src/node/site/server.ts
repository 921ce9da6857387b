/**
 * The static server behind `npm start` / `lianjian serve`: the built site with
 * the same response headers and caching as deploy/nginx.conf, and the
 * precompressed copies the build wrote (`.br`, else `.gz`, by the browser's
 * Accept-Encoding, with Content-Encoding and Vary: Accept-Encoding).
 * `astro preview` compressed every response anew and sent no security headers.
 */
import { createReadStream, existsSync, promises as fs } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import sirv from 'sirv';
import { SECURITY_HEADERS } from '../../lib/security/csp.ts';

/** Build assets whose names carry a content hash: cached for a year (as the nginx locations). */
export const HASHED_ASSET = /^\/_astro\/|^\/fonts\/write\/.+\.[0-9a-f]{10}\.ttf\.gz$/;

export function cacheControlFor(pathname: string): string {
  return HASHED_ASSET.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export interface SiteServer {
  url: string;
  close(): Promise<void>;
}

function setCommonHeaders(res: http.ServerResponse, pathname: string): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  res.setHeader('Cache-Control', cacheControlFor(pathname));
}

/** The request handler for a built site in dir (exported for tests without a socket). */
export function siteHandler(dir: string): http.RequestListener {
  const root = path.resolve(dir);
  const serveFile = sirv(root, {
    dev: true, // look files up per request: a rebuild swaps the whole folder
    etag: true,
    gzip: true,
    brotli: true,
    extensions: ['html'],
    setHeaders: (res, pathname) => setCommonHeaders(res, pathname),
  });
  const notFound = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    setCommonHeaders(res, '/404.html');
    res.statusCode = 404;
    const page = path.join(root, '404.html');
    res.setHeader('Content-Type', existsSync(page) ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8');
    res.end(req.method === 'HEAD' ? undefined : existsSync(page) ? await fs.readFile(page) : '404');
  };
  return (req, res) => {
    const pathname = decodeSafely(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.statusCode = 405;
      res.setHeader('Allow', 'GET, HEAD');
      res.end();
      return;
    }
    // a folder without its slash: redirect like nginx, so relative URLs resolve inside it
    if (pathname !== null && !pathname.endsWith('/') && !path.extname(pathname)) {
      const folder = path.join(root, pathname);
      if (folder.startsWith(root + path.sep) && existsSync(path.join(folder, 'index.html'))) {
        setCommonHeaders(res, pathname);
        res.writeHead(301, { Location: encodeURI(pathname + '/') + (req.url?.includes('?') ? req.url.slice(req.url.indexOf('?')) : '') });
        res.end();
        return;
      }
    }
    // a .gz file asked for by name (search index, fonts) goes out labelled gzip, as sirv does,
    // only to a client that accepts gzip; others get the bytes as they are (the page checks the magic)
    const encoding = pathname === null ? undefined : FILE_ENCODING[path.extname(pathname)];
    if (encoding && !accepts(req, encoding)) {
      void sendAsIs(root, pathname!, encoding, req, res, () => notFound(req, res));
      return;
    }
    serveFile(req, res, () => void notFound(req, res));
  };
}

const FILE_ENCODING: Record<string, string> = { '.gz': 'gzip', '.br': 'br' };

function accepts(req: http.IncomingMessage, encoding: string): boolean {
  const header = String(req.headers['accept-encoding'] ?? '');
  return header.split(',').some((part) => {
    const [name, q] = part.trim().split(';q=');
    return name === encoding && (q === undefined || Number(q) > 0);
  });
}

async function sendAsIs(root: string, pathname: string, encoding: string, req: http.IncomingMessage, res: http.ServerResponse, missing: () => Promise<void>): Promise<void> {
  const file = path.join(root, pathname);
  const stat = file.startsWith(root + path.sep) ? await fs.stat(file).catch(() => null) : null;
  if (!stat?.isFile()) return missing();
  setCommonHeaders(res, pathname);
  res.writeHead(200, { 'Content-Type': encoding === 'gzip' ? 'application/gzip' : 'application/octet-stream', 'Content-Length': stat.size, Vary: 'Accept-Encoding' });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}

function decodeSafely(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

/** Serves dir on host:port until close(). */
export async function startSiteServer(opts: { dir: string; host?: string; port?: number }): Promise<SiteServer> {
  const host = opts.host ?? '127.0.0.1';
  const server = http.createServer(siteHandler(opts.dir));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 4321, host, () => resolve());
  });
  const { port } = server.address() as { port: number };
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
