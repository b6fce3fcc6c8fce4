// What every export shares: the deck built afresh in a temporary folder (never stale, and the
// user's dist/ is left alone) while the browser starts, then a tab for it. The browser starts first
// and the deck builds while it does: most of the wait is the browser's, so even the compiler is
// loaded only once the browser is on its way.

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, launchBrowser } from '../browser/driver.js';
import { type CanvasSize, canvasSize } from '../contract.js';
import { type CompiledDeck, type Diagnostic, hasErrors, type Project } from '../model.js';
import { withTemporaryFolder } from '../platform/temporary.js';

export interface BuiltDeck {
  deck: CompiledDeck;
  /** The built deck's page, as a file: URL. */
  url: string;
  canvas: CanvasSize;
  browser: Browser;
  diagnostics: Diagnostic[];
}

/**
 * Builds `deck` (its variant `variant`, for a deck with variants) and calls `work` with it and the started browser; with errors in the deck, calls
 * `failed` with its diagnostics instead. The browser and the build go when it returns or throws.
 */
export function withBuiltDeck<R>(
  options: { deck: string; project: Project; temporaryPrefix: string; variant?: string },
  work: (built: BuiltDeck) => Promise<R>,
  failed: (diagnostics: Diagnostic[]) => R,
): Promise<R> {
  return withTemporaryFolder(options.temporaryPrefix, async (buildDir) => {
    const starting = launchBrowser();
    starting.catch(() => undefined);
    try {
      const { buildDecks } = await import('./build.js');
      const built = await buildDecks([options.deck], {
        outDir: join(buildDir, 'dist'),
        project: options.project,
        ...(options.variant !== undefined ? { variant: options.variant } : {}),
      });
      const deck = built.decks[0];
      if (hasErrors(built.diagnostics) || !deck) return failed(built.diagnostics);
      return await work({
        deck,
        url: pathToFileURL(join(built.outDir, deck.name, 'index.html')).href,
        canvas: canvasSize(deck.rendered.revealConfig),
        browser: await starting,
        diagnostics: built.diagnostics,
      });
    } finally {
      // Whatever happened above, the browser goes: a live child process would keep us running.
      await starting.then((browser) => browser.close()).catch(() => undefined);
    }
  });
}
