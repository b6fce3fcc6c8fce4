// The HTML page around a rendered deck, for the static build and the dev server alike.

import { DECK_CONFIG_ID } from '../contract.js';
import { escapeHtml } from '../escape.js';
import type { RenderedDeck } from '../model.js';

export interface PageAssets {
  /**
   * Stylesheets, in order: files relative to the page, or (a single-file deck) their CSS itself,
   * made safe with `inlineElementText`.
   */
  styles: string[] | { inline: string[] };
  /**
   * Link the stylesheets at the end of the body. The dev server's runtime script injects
   * reveal.js's CSS into the head as it runs; linked after it, the theme keeps its place in the
   * cascade, as in the built page, where the runtime's CSS is a file linked first.
   */
  stylesAfterScript?: boolean;
  /**
   * The runtime script and how to load it: a classic script opens from file://, a module does not;
   * a single-file deck carries the script itself, made safe with `inlineElementText` (and hashed as it is).
   */
  script: { src: string; module: boolean } | { inline: string };
  /** A Content-Security-Policy for the page, when it is served as built files. */
  contentSecurityPolicy?: string;
  /** Classic scripts to run after the runtime (the live room's), with JSON data elements for them. */
  extraScripts?: string[];
  data?: { id: string; value: unknown }[];
}

/**
 * A deck's stylesheets in load order: the runtime's (reveal.js and the structure every theme
 * needs; the dev server's runtime script brings its own), the toolkit's theme and code
 * highlighting from where the runtime bundle is, then the deck's own, which may override them.
 */
export function pageStyles(deck: RenderedDeck, runtime: { style?: string; bundleUrl: string }): string[] {
  return [
    ...(runtime.style ? [runtime.style] : []),
    ...deck.toolkitStyles.map((path) => runtime.bundleUrl + path),
    ...deck.styles,
  ];
}

/**
 * The built deck may load only its own files: scripts (plus the speaker view's inline script, by
 * hash), styles (reveal.js sets some inline), images, fonts and media from its folder.
 */
export function deckContentSecurityPolicy(scriptHashes: readonly string[], connect: readonly string[] = []): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptHashes.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "media-src 'self'",
    "frame-src 'self'",
    ["connect-src 'self'", ...connect].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * A single-file deck may run only its own inline scripts (by hash) and load nothing but what it
 * carries as data: URLs (and blob: URLs made from them); the speaker view's frames load the file itself.
 */
export function singleFileContentSecurityPolicy(scriptHashes: readonly string[]): string {
  return [
    "default-src 'none'",
    `script-src ${scriptHashes.join(' ')}`,
    "style-src 'unsafe-inline'",
    'img-src data: blob:',
    'font-src data:',
    'media-src data: blob:',
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Text that is safe inside a <script> or <style> element: nothing in it can end the element early. */
export function inlineElementText(text: string, element: 'script' | 'style'): string {
  // `<\/` means `</` inside a JavaScript string, template, regular expression or a CSS string alike;
  // `<\!--` keeps the HTML parser from reading a comment opener inside a script.
  const closing = new RegExp(`</(${element})`, 'gi');
  const escaped = text.replace(closing, '<\\/$1');
  return element === 'script' ? escaped.replace(/<!--/g, '<\\!--') : escaped;
}

/** JSON that is safe inside a <script> element: no `</script>` or comment openers survive. */
export const scriptJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

export function renderPage(deck: RenderedDeck, assets: PageAssets): string {
  const { meta } = deck;
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    assets.contentSecurityPolicy
      ? `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(assets.contentSecurityPolicy)}">`
      : '',
    `<title>${escapeHtml(meta.title)}</title>`,
    meta.description ? `<meta name="description" content="${escapeHtml(meta.description)}">` : '',
    meta.author ? `<meta name="author" content="${escapeHtml(meta.author)}">` : '',
    meta.date ? `<meta name="date" content="${escapeHtml(meta.date)}">` : '',
    meta.duration ? `<meta name="duration" content="${meta.duration}">` : '',
  ].filter(Boolean);
  const links = Array.isArray(assets.styles)
    ? assets.styles.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`)
    : assets.styles.inline.map((css) => `<style>${css}</style>`);
  if (!assets.stylesAfterScript) head.push(...links);
  const script =
    'inline' in assets.script
      ? `<script>${assets.script.inline}</script>`
      : assets.script.module
        ? `<script type="module" src="${escapeHtml(assets.script.src)}"></script>`
        : `<script src="${escapeHtml(assets.script.src)}"></script>`;
  return `<!doctype html>
<html lang="${escapeHtml(meta.lang)}">
<head>
${head.join('\n')}
</head>
<body>
<div class="reveal">
<div class="slides">
${deck.sectionsHtml}</div>
</div>
<script type="application/json" id="${DECK_CONFIG_ID}">${scriptJson(deck.revealConfig)}</script>
${[
  ...(assets.data ?? []).map(
    ({ id, value }) => `<script type="application/json" id="${escapeHtml(id)}">${scriptJson(value)}</script>`,
  ),
  script,
  ...(assets.extraScripts ?? []).map((src) => `<script src="${escapeHtml(src)}"></script>`),
  ...(assets.stylesAfterScript ? links : []),
].join('\n')}
</body>
</html>
`;
}
