// A small HTTP server on 127.0.0.1 for the comparison: reveal.js's Markdown plugin fetches
// `data-markdown` files with XMLHttpRequest, which file:// pages cannot do. It serves folders
// under URL prefixes and pages held in memory.

import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Serves the files of `folder` under `prefix` (which starts and ends with `/`). */
  mount(prefix: string, folder: string): void;
  /** Serves `html` at `path`. */
  page(path: string, html: string): void;
  close(): Promise<void>;
}

export async function startServer(): Promise<StaticServer> {
  const mounts = new Map<string, string>();
  const pages = new Map<string, string>();

  async function fileFor(path: string): Promise<string | undefined> {
    for (const [prefix, folder] of mounts) {
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(folder, path.slice(prefix.length)));
      if (file !== folder && !file.startsWith(folder + sep)) return undefined;
      const info = await stat(file).catch(() => undefined);
      if (info?.isFile()) return file;
      if (info?.isDirectory()) return fileFor(`${path.replace(/\/?$/, '/')}index.html`);
    }
    return undefined;
  }

  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const html = pages.get(path);
    if (html !== undefined) {
      response.writeHead(200, { 'content-type': TYPES['.html'] });
      response.end(html);
      return;
    }
    fileFor(path)
      .then(async (file) => {
        if (!file) {
          response.writeHead(404).end();
          return;
        }
        const body = await readFile(file);
        response.writeHead(200, { 'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' });
        response.end(body);
      })
      .catch(() => response.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    mount: (prefix, folder) => mounts.set(prefix, normalize(folder)),
    page: (path, html) => pages.set(path, html),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
