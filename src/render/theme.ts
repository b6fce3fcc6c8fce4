// The deck's look: its theme (ours, or one of reveal.js's by name), the highlighting theme of its
// code blocks, and stylesheets of its own. Pure: names become the toolkit's stylesheets (paths in
// the runtime bundle, which the build copies into the deck's folder) and the deck's own files
// become assets, copied like images.

import { assetOutputUrl, assetReference, isLocalUrl, localPath } from '../markdown/assets.js';
import type { AssetReference, Deck, DeckMeta, Diagnostic } from '../model.js';
import { closestName, quoted } from '../wording.js';
import { HIGHLIGHT_THEMES } from './highlight-themes.js';

export const DEFAULT_THEME = 'default';

/** The themes reveal.js 6 ships (reveal.js/dist/theme/), by the name reveal-md's `theme` takes. */
export const REVEAL_THEMES = [
  'beige',
  'black',
  'black-contrast',
  'blood',
  'dracula',
  'league',
  'moon',
  'night',
  'serif',
  'simple',
  'sky',
  'solarized',
  'white',
  'white-contrast',
] as const;

export type RevealTheme = (typeof REVEAL_THEMES)[number];

/**
 * Highlighting when the deck names none: styles made for WCAG AA contrast (tests/theme/
 * contrast.test.ts checks them). Under reveal.js's themes a dark block, as reveal.js shows code
 * (its monokai has comments at 3:1); under ours, light like the rest of the theme.
 */
export const DEFAULT_HIGHLIGHT_THEME = { ours: 'a11y-light', reveal: 'a11y-dark' } as const;

/** Where a theme's stylesheet is, in the runtime bundle and in the built deck's folder. */
export const themeStylesheet = (name: string): string => `theme/${name}.css`;
export const highlightStylesheet = (name: string): string => `theme/highlight/${name}.css`;
/** The default theme's code face, for decks that show code (in a block or a line of text). */
export const DEFAULT_CODE_STYLESHEET = 'theme/default-code.css';

export interface DeckStyles {
  /** The toolkit's stylesheets the deck uses, in load order: its theme, then code highlighting. */
  toolkit: string[];
  /** The deck's own stylesheets, as URLs relative to its page, loaded after the toolkit's. */
  own: string[];
  assets: AssetReference[];
}

export const isRevealTheme = (name: string): name is RevealTheme => (REVEAL_THEMES as readonly string[]).includes(name);

const didYouMean = (input: string, names: readonly string[]): string => {
  const close = closestName(input, names);
  return close ? ` (did you mean "${close}"?)` : '';
};

/**
 * A highlight.js style by name. highlight.js 11 moved many older styles (zenburn, solarized-dark,
 * tomorrow, …) into base16/, where reveal-md's names for them still find them.
 */
function highlightTheme(name: string): string | undefined {
  if (HIGHLIGHT_THEMES.includes(name)) return name;
  const moved = `base16/${name}`;
  return HIGHLIGHT_THEMES.includes(moved) ? moved : undefined;
}

/** Every name `highlightTheme` takes, for suggestions. */
const HIGHLIGHT_NAMES = [
  ...HIGHLIGHT_THEMES,
  ...HIGHLIGHT_THEMES.filter((name) => name.startsWith('base16/')).map((name) => name.slice('base16/'.length)),
];

const NOT_LOCAL = 'save the stylesheet next to the deck (a built deck loads nothing from the web)';

export function deckStyles(deck: Deck, code: { blocks: boolean; any: boolean }, diagnostics: Diagnostic[]): DeckStyles {
  const error = (key: keyof DeckMeta, message: string) =>
    diagnostics.push({ severity: 'error', message, file: deck.file, line: deck.metaLines[key] ?? 1, column: 1 });
  const styles: DeckStyles = { toolkit: [], own: [], assets: [] };
  const ownStylesheet = (url: string, key: keyof DeckMeta) => {
    styles.own.push(assetOutputUrl(url));
    styles.assets.push(assetReference(url, { line: deck.metaLines[key] ?? 1, column: 1 }));
  };

  const theme = deck.meta.theme ?? DEFAULT_THEME;
  const revealTheme = isRevealTheme(theme);
  styles.toolkit.push(themeStylesheet(revealTheme ? theme : DEFAULT_THEME));
  if (!revealTheme && code.any) styles.toolkit.push(DEFAULT_CODE_STYLESHEET);
  if (!revealTheme && theme !== DEFAULT_THEME) {
    const isCss = /\.css$/i.test(localPath(theme));
    if (isCss && isLocalUrl(theme)) {
      ownStylesheet(theme, 'theme');
    } else if (isCss) {
      error('theme', `theme "${quoted(theme)}" is not a file next to the deck; ${NOT_LOCAL}`);
    } else {
      const names = [DEFAULT_THEME, ...REVEAL_THEMES];
      error(
        'theme',
        `unknown theme "${quoted(theme)}"${didYouMean(theme, names)}; use ${names.join(', ')}, or a .css file next to the deck`,
      );
    }
  }

  const highlightName = deck.meta.highlightTheme ?? DEFAULT_HIGHLIGHT_THEME[revealTheme ? 'reveal' : 'ours'];
  const highlight = highlightTheme(highlightName);
  if (highlight === undefined) {
    error(
      'highlightTheme',
      `unknown highlightTheme "${quoted(highlightName)}"${didYouMean(highlightName, HIGHLIGHT_NAMES)}; use the name of a highlight.js style, such as monokai, github, atom-one-dark or zenburn`,
    );
  } else if (code.blocks) {
    styles.toolkit.push(highlightStylesheet(highlight));
  }

  for (const url of deck.meta.css ?? []) {
    if (isLocalUrl(url)) ownStylesheet(url, 'css');
    else error('css', `css "${quoted(url)}" is not a file next to the deck; ${NOT_LOCAL}`);
  }
  return styles;
}
