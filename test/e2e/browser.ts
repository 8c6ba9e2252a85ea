/**
 * What every end-to-end test shares: Debian's Chromium (never a downloaded browser), its
 * launch flags for this closed network, a static file server on 127.0.0.1 that records every
 * request, and clean-up of temporary folders.
 */
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';

export const ROOT = resolve(new URL('../..', import.meta.url).pathname);
export const CHROMIUM = '/usr/bin/chromium';

/** Without the background-networking flags Chromium keeps trying to reach Google's hosts. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: the end-to-end tests need Debian's Chromium (apt-get install -y chromium). Never download a browser.`,
    );
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.json': 'application/json',
  '.md': 'text/markdown',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  url: string;
  /** Paths requested, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** Serves each folder under its URL prefix (`['/pages/', dir]`); `/` gives `index.html`. Nothing outside the folders. */
export async function serveStatic(mounts: ReadonlyArray<readonly [string, string]>): Promise<StaticServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    requests.push(path);
    const mount = mounts.find(([prefix]) => path.startsWith(prefix));
    const rest = mount ? path.slice(mount[0].length) : '';
    const file = mount ? normalize(join(mount[1], rest === '' ? 'index.html' : rest)) : '';
    if (!mount || !file.startsWith(mount[1]) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the test server has no address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

export function cleanUp(dir: string | undefined): void {
  if (dir && dir.startsWith(tmpdir())) rmSync(dir, { recursive: true, force: true });
}
