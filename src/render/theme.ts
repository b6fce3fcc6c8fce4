// The deck's look: the default theme, or a stylesheet of the deck's own loaded after it.

import { assetOutputUrl, assetReference, isLocalUrl, localPath } from '../markdown/assets.js';
import type { AssetReference, Deck, Diagnostic } from '../model.js';

/** A `theme:` other than the default names a CSS file next to the deck, copied like an image. */
export function themeStyles(deck: Deck, diagnostics: Diagnostic[]): { styles: string[]; assets: AssetReference[] } {
  const theme = deck.meta.theme;
  if (theme === undefined || theme === 'default') return { styles: [], assets: [] };
  const line = deck.metaLines.theme ?? 1;
  if (!/\.css$/i.test(localPath(theme)) || !isLocalUrl(theme)) {
    diagnostics.push({
      severity: 'error',
      message: `theme must be "default" or a .css file next to the deck, not "${theme}"`,
      file: deck.file,
      line,
      column: 1,
    });
    return { styles: [], assets: [] };
  }
  return {
    styles: [assetOutputUrl(theme)],
    assets: [assetReference(theme, { line, column: 1 })],
  };
}
