import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, resolve } from 'node:path';

/** The committed record pages the page-detection tests load. */
export const PAGES_DIR = resolve(import.meta.dirname, '../../fixtures/pages');

export interface PageServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves the fixture pages on 127.0.0.1 (node:http, nothing leaves the machine). `CROSS_ORIGIN` in
 * a page is replaced by `crossOrigin` (another port: another origin), and `/big-record.html` is
 * the page `bigRecord` returns.
 */
export async function startPageServer(opts: { crossOrigin?: string; bigRecord?: () => string } = {}): Promise<PageServer> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path === '/big-record.html' && opts.bigRecord) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(opts.bigRecord());
        return;
      }
      const file = normalize(join(PAGES_DIR, path));
      if (!file.startsWith(PAGES_DIR) || !file.endsWith('.html')) {
        res.writeHead(404).end();
        return;
      }
      try {
        let html = await readFile(file, 'utf8');
        if (opts.crossOrigin) html = html.replaceAll('CROSS_ORIGIN', opts.crossOrigin);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
      } catch {
        res.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** The committed 200,000-character synthetic record page (also the matcher benchmark's page). */
export function bigRecordPage(): Promise<string> {
  return readFile(resolve(import.meta.dirname, '../../fixtures/detect/synthetic-record-200k.html'), 'utf8');
}
