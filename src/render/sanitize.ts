// Raw HTML in slides goes through an allowlist sanitizer: no scripts, no event handlers, no
// script URLs, whatever the author (or a pasted snippet) wrote. <section> is not allowed: reveal.js
// would take a nested one for a slide of its own. A <style> element stays, without `@import` and
// without references to files on the web. What the sanitizer takes out is reported, never silent.

import { createRequire } from 'node:module';
import type { Token } from 'markdown-it';
import type postcssType from 'postcss';
import type sanitizeHtmlType from 'sanitize-html';
import { escapeHtml } from '../escape.js';
import { SCRIPT_URL, TOOLKIT_ID_PREFIX } from '../markdown/attribute-list.js';
import { htmlPosition } from '../markdown/html-positions.js';
import { startTags } from '../markdown/html-tags.js';
import type { SourcePosition } from '../model.js';
import { quoted } from '../wording.js';

type SanitizeHtml = typeof sanitizeHtmlType;
// Loaded on first use: most decks have no raw HTML, and the sanitizer costs a fifth of a second of
// start-up.
const require = createRequire(import.meta.url);
let sanitizer: SanitizeHtml | undefined;
const loadSanitizer = (): SanitizeHtml => {
  sanitizer ??= require('sanitize-html') as SanitizeHtml;
  return sanitizer;
};

const SVG_TAGS = [
  'svg',
  'g',
  'path',
  'circle',
  'ellipse',
  'rect',
  'line',
  'polyline',
  'polygon',
  'text',
  'tspan',
  'title',
  'desc',
];
const SVG_ATTRIBUTES = [
  'viewBox',
  'xmlns',
  'd',
  'cx',
  'cy',
  'r',
  'rx',
  'ry',
  'x',
  'y',
  'x1',
  'x2',
  'y1',
  'y2',
  'width',
  'height',
  'points',
  'fill',
  'stroke',
  'stroke-width',
  'font-size',
  'text-anchor',
  'dominant-baseline',
  'focusable',
  'role',
];

const SAFE_REL = new Set(['noopener', 'noreferrer', 'nofollow', 'external', 'author', 'license', 'help', 'tag']);

/** No event handler, no script URL, no id the toolkit gives its own elements. */
function withoutScripts(attribs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(attribs).filter(
      ([name, value]) =>
        !/^on/i.test(name) &&
        !SCRIPT_URL.test(value.replace(/\s+/g, '')) &&
        !(name === 'id' && value.startsWith(TOOLKIT_ID_PREFIX)),
    ),
  );
}

const EXTRA_TAGS = [
  'img',
  'figure',
  'figcaption',
  'video',
  'audio',
  'source',
  'track',
  'picture',
  'del',
  's',
  'ins',
  'mark',
  'sub',
  'sup',
  'small',
  'kbd',
  'details',
  'summary',
  'aside',
  'style',
  ...SVG_TAGS,
];

const options = (sanitizeHtml: SanitizeHtml): sanitizeHtmlType.IOptions => ({
  allowedTags: [...sanitizeHtml.defaults.allowedTags.filter((tag) => tag !== 'section'), ...EXTRA_TAGS],
  // <style> is allowed on purpose: its text is cleaned first (cleanStyleSheets), and the built
  // deck's Content-Security-Policy loads nothing from outside its folder either way.
  allowVulnerableTags: true,
  allowedAttributes: {
    '*': ['id', 'class', 'style', 'title', 'lang', 'dir', 'data-*', 'aria-*', 'role', ...SVG_ATTRIBUTES],
    a: ['href', 'name', 'target', 'rel'],
    img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading'],
    video: ['src', 'controls', 'autoplay', 'loop', 'muted', 'poster', 'width', 'height', 'playsinline', 'preload'],
    audio: ['src', 'controls', 'autoplay', 'loop', 'muted', 'preload'],
    source: ['src', 'srcset', 'sizes', 'type', 'media'],
    track: ['src', 'kind', 'srclang', 'label', 'default'],
    th: ['scope', 'colspan', 'rowspan', 'style'],
    td: ['colspan', 'rowspan', 'style'],
    ol: ['start', 'type', 'reversed'],
    details: ['open'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https', 'data'] },
  allowProtocolRelative: false,
  parser: { lowerCaseAttributeNames: false },
  // reveal.js reads URLs from data-* attributes (backgrounds, iframes): no script URLs there either,
  // no event handler on any element, and no id the toolkit gives its own elements.
  transformTags: {
    // A link may open a new tab, never hand it this page (rel=opener): only relations that say
    // something about the link itself stay.
    a: (tagName, attribs) => {
      const rel = (attribs.rel ?? '').split(/\s+/).filter((value) => SAFE_REL.has(value.toLowerCase()));
      if (attribs.target) rel.push('noopener');
      const { rel: _, ...rest } = attribs;
      return {
        tagName,
        attribs: withoutScripts(rel.length > 0 ? { ...rest, rel: [...new Set(rel)].join(' ') } : rest),
      };
    },
    '*': (tagName, attribs) => ({
      tagName,
      attribs: withoutScripts(attribs),
    }),
  },
});

let resolvedOptions: sanitizeHtmlType.IOptions | undefined;

function sanitizeOptions(): sanitizeHtmlType.IOptions {
  resolvedOptions ??= options(loadSanitizer());
  return resolvedOptions;
}

/** A URL in CSS that loads something from elsewhere: the web, or the disk outside the deck. */
const OUTSIDE_URL = /url\(\s*['"]?\s*(?:[a-z][a-z0-9+.-]*:|\/\/|\\)/i;

/** A style sheet without `@import` rules and without declarations that load files from elsewhere. */
function cleanStyleSheet(css: string, removed: (what: string) => void): string {
  const postcss = require('postcss') as typeof postcssType;
  let root: postcssType.Root;
  try {
    root = postcss.parse(css);
  } catch {
    removed('a <style> element that is not valid CSS');
    return '';
  }
  // Inside <svg> a browser reads a style sheet's text as markup: a `<` there could open elements
  // the sanitizer never saw. Comments go (they change nothing); a sheet with `<` left goes whole.
  root.walkComments((comment) => {
    comment.remove();
  });
  const text = root.toString();
  if (text.includes('<')) {
    removed('a <style> element with "<" in it, which a browser may read as markup');
    return '';
  }
  root.walkAtRules('import', (rule) => {
    removed(`@import ${rule.params} from a <style> element`);
    rule.remove();
  });
  root.walkDecls((declaration) => {
    if (!OUTSIDE_URL.test(declaration.value) || /^url\(\s*['"]?data:/i.test(declaration.value)) return;
    removed(
      `"${quoted(`${declaration.prop}: ${declaration.value}`)}" from a <style> element: it loads a file from outside the deck`,
    );
    declaration.remove();
  });
  return root.toString();
}

const STYLE_ELEMENT = /(<style\b[^>]*>)([\s\S]*?)(<\/style\s*>)/gi;

/** The HTML with the text of each <style> element cleaned; `removed` hears what went, and at which element. */
function cleanStyleElements(html: string, removed: (what: string, offset: number) => void = () => {}): string {
  if (!/<style/i.test(html)) return html;
  return html.replace(STYLE_ELEMENT, (_, open: string, css: string, close: string, offset: number) => {
    return open + cleanStyleSheet(css, (what) => removed(what, offset)) + close;
  });
}

/** A custom element's name (`<pba-flex>`): inert without a script to define it, so it may stay. */
const CUSTOM_ELEMENT = /<([a-z][a-z0-9._]*-[a-z0-9._-]*)/g;

/**
 * How many custom elements one piece of HTML may use: the sanitizer looks tags up in a list, so
 * thousands of names would make it quadratic; no real slide uses more than a handful. The rest are
 * removed, and reported as any removed tag is.
 */
const MAX_CUSTOM_ELEMENTS = 100;

/** The options for one piece of HTML: the base allowlist plus the custom elements it uses. */
function optionsFor(html: string): sanitizeHtmlType.IOptions {
  const base = sanitizeOptions();
  const custom = [...new Set(Array.from(html.matchAll(CUSTOM_ELEMENT), (match) => match[1]!))].slice(
    0,
    MAX_CUSTOM_ELEMENTS,
  );
  if (custom.length === 0) return base;
  return {
    ...base,
    allowedTags: [...(base.allowedTags || []), ...custom],
    // Their attributes are theirs to define; event handlers never stay (transformTags drops them).
    allowedAttributes: { ...base.allowedAttributes, ...Object.fromEntries(custom.map((name) => [name, ['*']])) },
  };
}

export function sanitize(html: string): string {
  const clean = loadSanitizer()(cleanStyleElements(html), optionsFor(html));
  // Once more on the sanitizer's own output, where tags are written plainly: however the input
  // spelled a <style> element, none may keep a `<` in it.
  // (cleanStyleSheet reports these.)
  return clean.replace(STYLE_ELEMENT, (element, open: string, css: string, close: string) =>
    css.includes('<') ? open + close : element,
  );
}

/** True when any of the tokens is raw HTML. */
export function hasRawHtml(tokens: readonly Token[]): boolean {
  return tokens.some(
    (token) => token.type === 'html_block' || (token.children?.some((child) => child.type === 'html_inline') ?? false),
  );
}

export interface Removal {
  message: string;
  line: number;
  column: number;
}

const declarations = (style: string) =>
  style
    .split(';')
    .map((declaration) => declaration.replace(/\s+/g, '').toLowerCase())
    .filter(Boolean);

/** True when two style attributes hold the same declarations, however spaced. */
function sameStyle(a: string | undefined, b: string): boolean {
  return a !== undefined && declarations(a).join(';') === declarations(b).join(';');
}

/** What sanitizing a piece of raw HTML takes out, each with its offset in the piece. */
function removalsIn(html: string): { what: string; offset: number }[] {
  const found: { what: string; offset: number }[] = [];
  const allowed = new Set(optionsFor(html).allowedTags || []);
  const clean = sanitize(html);
  const kept = startTags(clean);
  let k = 0;
  for (const tag of startTags(html)) {
    if (!allowed.has(tag.name)) {
      found.push({ what: `<${tag.name}>`, offset: tag.start });
      continue;
    }
    const after = kept[k]?.name === tag.name ? kept[k++] : undefined;
    for (const [name, value] of Object.entries(tag.attributes)) {
      const stayed = after?.attributes[name];
      // The sanitizer writes styles without spaces: the same declarations are the same style.
      if (stayed === value || (name === 'style' && sameStyle(stayed, value))) continue;
      found.push({ what: `the ${name} attribute of <${tag.name}>`, offset: tag.start });
    }
  }
  cleanStyleElements(html, (what, offset) => found.push({ what, offset }));
  return found;
}

/**
 * Finds the line and column `offset` characters into `text`, which starts at `at`. The line starts
 * are found once, as one block of HTML can hold thousands of removals.
 */
function positionsIn(text: string, at: SourcePosition): (offset: number) => SourcePosition {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    const column = offset - lineStarts[low]!;
    return low === 0 ? { line: at.line, column: at.column + column } : { line: at.line + low, column: column + 1 };
  };
}

/**
 * A paragraph's HTML as the sanitizer sees it, with where each piece of raw HTML in it begins: the
 * pieces as written, the text between them escaped as it renders (so a <style> element that
 * spans pieces is read whole).
 */
function inlineHtml(inline: Token): { html: string; pieces: { offset: number; token: Token }[] } {
  let html = '';
  const pieces: { offset: number; token: Token }[] = [];
  for (const child of inline.children ?? []) {
    if (child.type === 'html_inline') {
      pieces.push({ offset: html.length, token: child });
      html += child.content;
    } else if (child.type === 'text' || child.type === 'code_inline') {
      html += escapeHtml(child.content);
    } else if (child.type === 'softbreak' || child.type === 'hardbreak') {
      html += '\n';
    }
  }
  return { html, pieces };
}

/** What the sanitizer takes out of the raw HTML among `tokens`, each where it was written. */
export function sanitizerRemovals(tokens: readonly Token[]): Removal[] {
  const removals: Removal[] = [];
  const message = (what: string) =>
    `raw HTML: the sanitizer removed ${what}; slides may not run scripts or load from elsewhere`;
  for (const token of tokens) {
    if (token.type === 'html_block' && token.map) {
      const positionAt = positionsIn(token.content, { line: token.map[0] + 1, column: 1 });
      for (const { what, offset } of removalsIn(token.content)) {
        removals.push({ message: message(what), ...positionAt(offset) });
      }
    }
    if (!token.map || !token.children?.some((child) => child.type === 'html_inline')) continue;
    const paragraphStart = { line: token.map[0] + 1, column: 1 };
    const { html, pieces } = inlineHtml(token);
    for (const { what, offset } of removalsIn(html)) {
      // The piece the removal is in (the last to start at or before it); text between pieces has
      // no tags to remove.
      let low = -1;
      let high = pieces.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (pieces[middle]!.offset <= offset) low = middle;
        else high = middle - 1;
      }
      const piece = pieces[low];
      const position = piece
        ? positionsIn(piece.token.content, htmlPosition(piece.token) ?? paragraphStart)(offset - piece.offset)
        : paragraphStart;
      removals.push({ message: message(what), ...position });
    }
  }
  return removals;
}
