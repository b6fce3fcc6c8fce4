// The stylesheets a deck may add to the runtime's deck.css: our default theme, reveal.js's themes
// made to work offline, and highlight.js's styles. Each comes with the files it loads (fonts from
// npm, the odd background image), so the build copies only what a deck's stylesheets use.

import type { RevealTheme } from '../render/theme.js';

export interface FontFamily {
  /** The family name the theme's CSS asks for. */
  family: string;
  /** The @fontsource package that has it. */
  package: string;
  /** Weight and style of each face the theme uses. */
  faces: readonly `${number} ${'normal' | 'italic'}`[];
}

const REGULAR_AND_BOLD = ['400 normal', '400 italic', '700 normal', '700 italic'] as const;
const SOURCE_SANS_PRO: FontFamily = {
  family: 'Source Sans Pro',
  package: 'source-sans-pro',
  // The faces reveal.js embeds for its black and white themes.
  faces: ['400 normal', '400 italic', '600 normal', '600 italic'],
};
const LEAGUE_GOTHIC: FontFamily = { family: 'League Gothic', package: 'league-gothic', faces: ['400 normal'] };
const LATO: FontFamily = { family: 'Lato', package: 'lato', faces: REGULAR_AND_BOLD };
const OPEN_SANS: FontFamily = { family: 'Open Sans', package: 'open-sans', faces: REGULAR_AND_BOLD };

/**
 * The web fonts each reveal.js theme names, from npm instead of Google Fonts or base64 in its CSS,
 * with the weights its @imports ask for. beige names Source Sans Pro (and loads League Gothic and
 * Lato, which it never uses); serif and dracula use the system's fonts.
 */
export const REVEAL_THEME_FONTS: Record<RevealTheme, readonly FontFamily[]> = {
  beige: [SOURCE_SANS_PRO],
  black: [SOURCE_SANS_PRO],
  'black-contrast': [SOURCE_SANS_PRO],
  blood: [{ family: 'Ubuntu', package: 'ubuntu', faces: ['300 normal', '300 italic', '700 normal', '700 italic'] }],
  dracula: [],
  league: [LEAGUE_GOTHIC, LATO],
  moon: [LEAGUE_GOTHIC, LATO],
  night: [{ family: 'Montserrat', package: 'montserrat', faces: ['700 normal'] }, OPEN_SANS],
  serif: [],
  simple: [{ family: 'News Cycle', package: 'news-cycle', faces: ['400 normal', '700 normal'] }, LATO],
  sky: [{ family: 'Quicksand', package: 'quicksand', faces: ['400 normal', '700 normal'] }, OPEN_SANS],
  solarized: [LEAGUE_GOTHIC, LATO],
  white: [SOURCE_SANS_PRO],
  'white-contrast': [SOURCE_SANS_PRO],
};

/** @font-face rules for the Latin subset of each face, pointing into the @fontsource packages. */
export function fontFaceRules(families: readonly FontFamily[]): string {
  return families
    .flatMap(({ family, package: name, faces }) =>
      faces.map((face) => {
        const [weight, style] = face.split(' ');
        return `@font-face {
  font-family: '${family}';
  font-style: ${style};
  font-weight: ${weight};
  font-display: block;
  src: url('@fontsource/${name}/files/${name}-latin-${weight}-${style}.woff2') format('woff2');
}
`;
      }),
    )
    .join('');
}

/**
 * reveal.js's theme CSS with nothing left that it would fetch: its @imports of Google Fonts (or
 * any other stylesheet from the web) and the @font-face rules with fonts embedded as base64,
 * which the faces from npm replace.
 */
export function offlineRevealTheme(css: string): string {
  return css
    .replace(/@import\s+(?:url\()?\s*["']?(?:https?:)?\/\/[^;]*;/gi, '')
    .replace(/@font-face\s*\{[^}]*\}/gi, '');
}

/** A url() in CSS that names a file rather than data or a web address. */
const LOCAL_URL = /url\(\s*(['"]?)(?![a-z][a-z0-9+.-]*:|\/\/|#)([^'")]+)\1\s*\)/gi;

/** The file URLs a stylesheet refers to with url(), as written. */
export function cssFileUrls(css: string): string[] {
  return [...css.matchAll(LOCAL_URL)].map((match) => match[2]!);
}

/** The stylesheet with each url() that `rewrite` has an answer for replaced by that answer. */
export function rewriteCssUrls(css: string, rewrite: (url: string) => string | undefined): string {
  return css.replace(LOCAL_URL, (whole, quote: string, url: string) => {
    const replaced = rewrite(url);
    return replaced === undefined ? whole : `url(${quote}${replaced}${quote})`;
  });
}
