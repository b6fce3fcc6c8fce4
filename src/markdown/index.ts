// The one Markdown grammar: a markdown-it instance (one per option set, made once) and the ordered
// list of plugins that make up the authoring format. parse/ reads a deck's body with it once and
// splits the tokens into slides; render/ turns each slide's tokens into HTML with its renderer.
//
// Order matters: comments exist as tokens before include lines and attribute comments read them; raw HTML's positions
// are taken and its depth checked before anything reads or rewrites it (positions is placed right
// after 'inline' once attribute comments are, so it runs ahead of them, and depth right after
// positions); the compare layout
// registers its container before the catch-all for unknown ones; slide boundaries come after
// every plugin that adds block rules, as they give those rules their end; checks add source lines
// last.

import markdownIt, { type MarkdownIt } from 'markdown-it';
import { code } from './code.js';
import { comments } from './comments.js';
import { COMPARE, compare } from './compare/index.js';
import { containers } from './containers.js';
import { attributeComments } from './element-attributes.js';
import { figures } from './figures.js';
import { headings } from './headings.js';
import { htmlDepth } from './html-depth.js';
import { htmlPositions } from './html-positions.js';
import { includes } from './includes.js';
import { localAssets } from './local-assets.js';
import { slideBoundaries } from './slide-boundaries.js';
import { sourceLines } from './source-lines.js';
import { typography } from './typography.js';
import { unclosedFences } from './unclosed-fences.js';

export interface MarkdownOptions {
  /** Let raw HTML through markdown-it (it is sanitized when slides render). */
  html: boolean;
  /** Curly quotes, dashes and ellipses (reveal.js's `markdown: {smartypants}`). */
  typographer?: boolean;
  /** The quotation marks the typographer sets: double open and close, then single (the deck's language's). */
  quotes?: readonly [string, string, string, string];
  /** Every list item a fragment, as reveal.js's `markdown: {animateLists: true}` asks. */
  animateLists?: boolean;
  /** Mark block elements with their source line, for `deck check`. */
  sourceLines?: boolean;
}

type Plugin = (md: MarkdownIt) => void;

export const PLUGINS: readonly Plugin[] = [
  typography,
  comments,
  includes,
  headings,
  unclosedFences,
  attributeComments,
  htmlPositions,
  htmlDepth,
  compare,
  (md) => containers(md, { known: [COMPARE] }),
  figures,
  localAssets,
  code,
  slideBoundaries,
];

/** reveal.js's `animateLists`: every list item appears as a fragment. */
function animateLists(md: MarkdownIt): void {
  md.core.ruler.push('deck_animate_lists', (state) => {
    for (const token of state.tokens) if (token.type === 'list_item_open') token.attrJoin('class', 'fragment');
  });
}

const instances = new Map<string, MarkdownIt>();
const DEFAULT_QUOTES = ['“', '”', '‘', '’'] as const;

export function markdown(options: MarkdownOptions): MarkdownIt {
  const quotes = options.quotes ?? DEFAULT_QUOTES;
  const key = [
    ...[options.html, options.typographer, options.animateLists, options.sourceLines].map(Boolean),
    ...quotes,
  ].join('/');
  let md = instances.get(key);
  if (!md) {
    // Bare web addresses become links, as in reveal.js's Markdown plugin (GitHub-flavoured).
    md = markdownIt({
      html: options.html,
      linkify: true,
      typographer: options.typographer ?? false,
      quotes: [...quotes],
    });
    for (const plugin of PLUGINS) md.use(plugin);
    if (options.animateLists) md.use(animateLists);
    if (options.sourceLines) md.use(sourceLines);
    instances.set(key, md);
  }
  return md;
}
