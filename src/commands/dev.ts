// Starts Vite with the deck plugin. Binds to 127.0.0.1 unless a host is given, and serves only the
// toolkit's runtime, the project's public/ folder and the files the deck refers to (the plugin
// serves those): nothing else of the deck's folder or the project, however the deck was named.

import { createRequire } from 'node:module';
import { join, sep } from 'node:path';
import type { ViteDevServer } from 'vite';
import { RUNTIME_ENTRY, RUNTIME_ROOT, TOOLKIT_ROOT } from '../compile/runtime-bundle.js';
import { DeckError } from '../errors.js';
import type { Project } from '../model.js';
import { deckPlugin } from './dev-plugin.js';

export interface DevServerOptions {
  file: string;
  project: Project;
  port?: number;
  host?: string;
  /** The variant to present, for a deck with variants. */
  variant?: string;
  log?: (line: string) => void;
}

/** The node_modules folder the runtime's packages come from: the toolkit's own, or one above it. */
function packagesFolder(): string {
  const reveal = createRequire(import.meta.url).resolve('reveal.js');
  const marker = `${sep}node_modules${sep}`;
  return reveal.slice(0, reveal.lastIndexOf(marker) + marker.length - 1);
}

/** What a failure to listen means for the person who typed the command. */
export function listenProblem(error: unknown, host: string, port: number): DeckError | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  // Vite says so in words when the port was asked for (strictPort): "Port 5173 is already in use".
  const inUse = code === 'EADDRINUSE' || (error instanceof Error && /already in use/i.test(error.message));
  if (inUse) {
    return new DeckError('USAGE', `port ${port} is in use; choose another with --port, or leave --port out`);
  }
  if (code === 'EACCES')
    return new DeckError('USAGE', `port ${port} needs more rights than yours; choose one above 1023`);
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EINVAL') {
    return new DeckError('USAGE', `cannot listen on --host ${host}: it is not an address of this machine`);
  }
  return undefined;
}

export async function startDevServer(options: DevServerOptions): Promise<{ server: ViteDevServer; url: string }> {
  const { createServer } = await import('vite');
  const host = options.host ?? '127.0.0.1';
  const server = await createServer({
    configFile: false,
    // Vite serves what is under its root: the runtime's own sources, never the user's folders.
    root: join(TOOLKIT_ROOT, 'src/runtime'),
    cacheDir: join(TOOLKIT_ROOT, 'lib/dev-cache'),
    publicDir: options.project.publicDir,
    logLevel: 'warn',
    clearScreen: false,
    appType: 'custom',
    plugins: [
      deckPlugin({
        file: options.file,
        project: options.project,
        ...(options.variant !== undefined ? { variant: options.variant } : {}),
        ...(options.log ? { log: options.log } : {}),
      }),
    ],
    optimizeDeps: { entries: [RUNTIME_ENTRY] },
    server: {
      host,
      port: options.port ?? 5173,
      strictPort: options.port !== undefined,
      fs: {
        strict: true,
        allow: [join(TOOLKIT_ROOT, 'src'), join(TOOLKIT_ROOT, 'theme'), RUNTIME_ROOT, packagesFolder()],
      },
    },
  });
  try {
    await server.listen();
  } catch (error) {
    // A server that cannot listen must not keep the process alive (its file watcher would).
    await server.close();
    throw listenProblem(error, host, options.port ?? 5173) ?? error;
  }
  const address = server.httpServer?.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 5173);
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return { server, url: `http://${shownHost}:${port}/` };
}
