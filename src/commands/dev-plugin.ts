// The dev server: serves one deck through Vite, and on every save of the deck file, or of a file it
// includes, sends the new version over Vite's HMR socket. The browser swaps the slides in, or loads
// the page again when the page around them changed (src/runtime/live-reload.ts), and stays on the same slide. A deck
// with errors shows them in the terminal and in Vite's overlay while the last good deck stays up.

import { realpath } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { compileDecks } from '../compile/compile.js';
import { RUNTIME_ENTRY, type RuntimeBundle, runtimeBundle } from '../compile/runtime-bundle.js';
import { DECK_UPDATE_EVENT, type DeckUpdate } from '../contract.js';
import { escapeHtml } from '../escape.js';
import { deckContentSecurityPolicy, pageStyles, renderPage } from '../html/page.js';
import { formatDiagnostic, hasErrors, type Project, type RenderedDeck } from '../model.js';
import { contentType } from '../platform/content-types.js';
import { openRegularFile } from '../platform/files.js';
import { isInside } from '../platform/paths.js';

export interface DeckPluginOptions {
  /** The deck file to serve. */
  file: string;
  project: Project;
  /** The variant to serve, for a deck with variants. */
  variant?: string;
  /** Where to print diagnostics; the terminal by default. */
  log?: (line: string) => void;
}

const RUNTIME_URL = `/@fs${RUNTIME_ENTRY}`;

/**
 * The deck's page as the dev server serves it: its theme and highlighting stylesheets from the
 * runtime bundle, linked after the runtime's own CSS (which Vite injects at run time), under the
 * built deck's Content-Security-Policy, so what the room will not see is not seen here either.
 */
const devPage = (deck: RenderedDeck, bundle: RuntimeBundle) =>
  renderPage(deck, {
    styles: pageStyles(deck, { bundleUrl: `/@fs${bundle.dir}/` }),
    script: { src: RUNTIME_URL, module: true },
    stylesAfterScript: true,
    contentSecurityPolicy: deckContentSecurityPolicy(bundle.scriptHashes),
  });

/**
 * The page around the slides, title and reveal.js options: what an open page cannot take in
 * place (stylesheets, lang, the head). When it changes, the page loads again.
 */
const pageShell = (deck: RenderedDeck, bundle: RuntimeBundle) =>
  devPage({ ...deck, sectionsHtml: '', revealConfig: {}, meta: { ...deck.meta, title: '' } }, bundle);

/** A request path decoded, or undefined when it is not valid percent-encoding. */
function safeDecode(path: string): string | undefined {
  try {
    return decodeURI(path);
  } catch {
    return undefined;
  }
}

function errorPage(lines: string[]): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Deck errors</title></head>
<body style="font: 18px/1.5 monospace; padding: 2rem"><h1>The deck has errors</h1><pre>${escapeHtml(lines.join('\n'))}</pre>
<p>Fix them and save: this page reloads.</p><script type="module" src="/@vite/client"></script></body></html>`;
}

export function deckPlugin(options: DeckPluginOptions): Plugin {
  const file = resolve(options.file);
  /** The folders the deck's files may really be in (links followed): its own and the project's. */
  const servedFolders = async () =>
    (
      await Promise.all([realpath(dirname(file)), realpath(options.project.root)].map((p) => p.catch(() => undefined)))
    ).filter((folder): folder is string => folder !== undefined);
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  let lastGood: RenderedDeck | undefined;
  let updates = Promise.resolve();
  let lastErrors: string[] = [];
  /** The runtime bundle: its themes and highlighting stylesheets are served from there. */
  let bundle: RuntimeBundle;

  /** The deck file and the files it includes: a save of any of them updates the deck. */
  const watched = new Set([file]);
  let watcher: ViteDevServer['watcher'] | undefined;

  async function compile(): Promise<{ deck?: RenderedDeck; errors: string[] }> {
    const result = await compileDecks(
      [file],
      options.project,
      options.variant !== undefined ? { variant: options.variant } : {},
    );
    for (const d of result.diagnostics) log(formatDiagnostic(d));
    // A file included from now on is watched from now on (one no longer included may stay watched).
    for (const included of result.decks[0]?.included ?? []) {
      if (watched.has(included)) continue;
      watched.add(included);
      watcher?.add(included);
    }
    const deck = result.decks[0]?.rendered;
    if (!deck || hasErrors(result.diagnostics)) {
      return { errors: result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic) };
    }
    return { deck, errors: [] };
  }

  async function update(server: ViteDevServer): Promise<void> {
    const { deck, errors } = await compile();
    if (!deck) {
      lastErrors = errors;
      const first = errors[0] ?? 'deck error';
      server.ws.send({
        type: 'error',
        err: { message: errors.join('\n'), stack: '', plugin: 'deck', id: file, frame: first },
      });
      return;
    }
    // Every open page shows the last good deck: it was served, or it took every update since.
    const shown = lastGood;
    lastGood = deck;
    lastErrors = [];
    if (!shown) {
      server.ws.send({ type: 'full-reload', path: '*' });
      return;
    }
    const update: DeckUpdate = {
      title: deck.meta.title,
      sectionsHtml: deck.sectionsHtml,
      revealConfig: deck.revealConfig,
      reload: pageShell(shown, bundle) !== pageShell(deck, bundle),
    };
    server.ws.send({ type: 'custom', event: DECK_UPDATE_EVENT, data: update });
  }

  return {
    name: 'deck',
    async configureServer(server) {
      bundle = await runtimeBundle();
      watcher = server.watcher;
      const first = await compile();
      lastGood = first.deck;
      lastErrors = first.errors;
      server.watcher.add([...watched]);
      const changed = (path: string) => {
        // One update at a time, in the order of the saves, so an older version never wins.
        if (watched.has(resolve(path))) {
          updates = updates
            .then(() => update(server))
            .catch((error: unknown) => log(`deck: could not update: ${String(error)}`));
        }
      };
      // An included file that was missing and is now written is an `add`; one deleted, an `unlink`
      // (the deck file's own deletion is left alone: an editor's save may look like one).
      server.watcher.on('change', changed);
      server.watcher.on('add', changed);
      server.watcher.on('unlink', (path) => {
        if (resolve(path) !== file) changed(path);
      });
      // Errors while answering go to Vite's error handler instead of ending the server.
      server.middlewares.use((req, res, next) => void serve(req, res, next).catch(next));
      const serve = async (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        if (url.pathname === '/' || url.pathname === '/index.html') {
          const html = lastGood
            ? await server.transformIndexHtml(url.pathname, devPage(lastGood, bundle))
            : errorPage(lastErrors);
          res.setHeader('Content-Type', 'text/html; charset=utf-8');
          res.setHeader('Cache-Control', 'no-store');
          res.end(html);
          return;
        }
        // Files the slides refer to are served from beside the deck, at the path the build uses.
        const path = safeDecode(url.pathname);
        const asset = path === undefined ? undefined : lastGood?.assets.find((a) => `/${a.output}` === path);
        if (asset) {
          // Checked by the compile step, but a save of an image recompiles nothing: where the file
          // really is, and that it is a regular file, are checked again on every request, so a link
          // to a file elsewhere, or a pipe, put in its place since is not served.
          const real = await realpath(resolve(dirname(file), asset.source)).catch(() => undefined);
          const inside = real !== undefined && (await servedFolders()).some((folder) => isInside(real, folder));
          const handle = inside ? await openRegularFile(real) : undefined;
          if (!handle) {
            res.statusCode = 404;
            res.end();
            return;
          }
          res.setHeader('Content-Type', contentType(asset.source));
          res.setHeader('X-Content-Type-Options', 'nosniff');
          // A file of the deck opened on its own is never a page that runs scripts.
          res.setHeader('Content-Security-Policy', 'sandbox');
          handle.createReadStream().pipe(res);
          return;
        }
        next();
      };
    },
    handleHotUpdate(context) {
      // The deck's files are handled above; Vite must not reload the page for them.
      if (watched.has(resolve(context.file))) return [];
      return undefined;
    },
  };
}
