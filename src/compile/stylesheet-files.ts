// The files a deck's own stylesheets load with url() (a background picture, a font): assets like
// the ones its slides name, copied beside the stylesheet's copy so each url() still finds its file.

import { readFile } from 'node:fs/promises';
import { dirname, posix, resolve } from 'node:path';
import { assetOutputPath, isLocalUrl, localPath } from '../markdown/assets.js';
import type { AssetReference, CompiledDeck, Diagnostic } from '../model.js';
import { quoted } from '../wording.js';
import { cssFileUrls } from './theme-stylesheets.js';

/** A path relative to the deck, as a URL that `localPath` reads back as that path. */
const asUrl = (path: string) => path.split('/').map(encodeURIComponent).join('/');

export interface StylesheetFiles {
  assets: AssetReference[];
  diagnostics: Diagnostic[];
}

/**
 * Reads each of the deck's own stylesheets (theme or css in its front matter) and returns the
 * files they load, at the position of the stylesheet's key. A stylesheet that cannot be read is
 * left to the asset check, which reports it.
 */
export async function stylesheetFiles(deck: CompiledDeck): Promise<StylesheetFiles> {
  const own = new Set(deck.rendered.styles.map(localPath));
  const found: StylesheetFiles = { assets: [], diagnostics: [] };
  for (const stylesheet of deck.rendered.assets.filter((asset) => own.has(asset.output))) {
    const css = await readFile(resolve(dirname(deck.path), stylesheet.source), 'utf8').catch(() => undefined);
    for (const url of css === undefined ? [] : cssFileUrls(css)) {
      if (!isLocalUrl(url)) continue;
      const source = posix.normalize(posix.join(posix.dirname(stylesheet.source), localPath(url)));
      const output = assetOutputPath(asUrl(source));
      const position = { line: stylesheet.line, column: stylesheet.column };
      if (posix.normalize(posix.join(posix.dirname(stylesheet.output), localPath(url))) !== output) {
        found.diagnostics.push({
          severity: 'error',
          message: `${quoted(stylesheet.source)} loads ${quoted(url)}, which a built deck cannot reach from the stylesheet's copy; keep the stylesheet and the files it loads in the deck's folder`,
          file: deck.rendered.file,
          ...position,
        });
        continue;
      }
      found.assets.push({ source, output, ...position });
    }
  }
  return found;
}
