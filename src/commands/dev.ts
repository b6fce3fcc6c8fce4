// Starts Vite with the deck plugin. Binds to 127.0.0.1 unless a host is given, and serves only
// the project, the deck's folder and the toolkit's runtime.

import { dirname, resolve } from 'node:path';
import type { ViteDevServer } from 'vite';
import { RUNTIME_ENTRY, TOOLKIT_ROOT } from '../compile/runtime-bundle.js';
import type { Project } from '../model.js';
import { deckPlugin } from './dev-plugin.js';

export interface DevServerOptions {
  file: string;
  project: Project;
  port?: number;
  host?: string;
  log?: (line: string) => void;
}

export async function startDevServer(options: DevServerOptions): Promise<{ server: ViteDevServer; url: string }> {
  const { createServer } = await import('vite');
  const { root, publicDir } = options.project;
  const server = await createServer({
    configFile: false,
    root,
    publicDir,
    logLevel: 'warn',
    clearScreen: false,
    appType: 'custom',
    plugins: [
      deckPlugin({ file: options.file, project: options.project, ...(options.log ? { log: options.log } : {}) }),
    ],
    optimizeDeps: { entries: [RUNTIME_ENTRY] },
    server: {
      host: options.host ?? '127.0.0.1',
      port: options.port ?? 5173,
      strictPort: options.port !== undefined,
      fs: { strict: true, allow: [root, dirname(resolve(options.file)), TOOLKIT_ROOT] },
    },
  });
  await server.listen();
  const address = server.httpServer?.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 5173);
  const host = options.host ?? '127.0.0.1';
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return { server, url: `http://${shownHost}:${port}/` };
}
