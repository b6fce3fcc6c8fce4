// When a deck allows raw HTML, each slide's HTML goes through an allowlist sanitizer: no
// scripts, no event handlers, no script URLs, whatever the author (or a pasted snippet) wrote.
// <section> is not allowed: reveal.js would take a nested one for a slide of its own.

import { createRequire } from 'node:module';
import type sanitizeHtmlType from 'sanitize-html';
import { SCRIPT_URL } from '../parse/attribute-list.js';

type SanitizeHtml = typeof sanitizeHtmlType;
// Loaded on first use: most decks never allow raw HTML, and the sanitizer costs a fifth of a
// second of start-up.
let sanitizer: SanitizeHtml | undefined;
const loadSanitizer = (): SanitizeHtml => {
  sanitizer ??= createRequire(import.meta.url)('sanitize-html') as SanitizeHtml;
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

const options = (sanitizeHtml: SanitizeHtml): sanitizeHtmlType.IOptions => ({
  allowedTags: [
    ...sanitizeHtml.defaults.allowedTags.filter((tag) => tag !== 'section'),
    'img',
    'figure',
    'figcaption',
    'video',
    'audio',
    'source',
    'del',
    's',
    'ins',
    'mark',
    'sub',
    'sup',
    'kbd',
    'details',
    'summary',
    'aside',
    ...SVG_TAGS,
  ],
  allowedAttributes: {
    '*': ['id', 'class', 'style', 'title', 'lang', 'dir', 'data-*', 'aria-*', 'role', ...SVG_ATTRIBUTES],
    a: ['href', 'name', 'target', 'rel'],
    img: ['src', 'alt', 'width', 'height', 'loading'],
    video: ['src', 'controls', 'autoplay', 'loop', 'muted', 'poster', 'width', 'height', 'playsinline'],
    audio: ['src', 'controls', 'autoplay', 'loop', 'muted'],
    source: ['src', 'type'],
    th: ['scope', 'colspan', 'rowspan', 'style'],
    td: ['colspan', 'rowspan', 'style'],
    ol: ['start', 'type', 'reversed'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https', 'data'] },
  allowProtocolRelative: false,
  parser: { lowerCaseAttributeNames: false },
  // reveal.js reads URLs from data-* attributes (backgrounds, iframes): no script URLs there either.
  transformTags: {
    '*': (tagName, attribs) => ({
      tagName,
      attribs: Object.fromEntries(
        Object.entries(attribs).filter(([, value]) => !SCRIPT_URL.test(value.replace(/\s+/g, ''))),
      ),
    }),
  },
});

let resolvedOptions: sanitizeHtmlType.IOptions | undefined;

export function sanitize(html: string): string {
  const sanitizeHtml = loadSanitizer();
  resolvedOptions ??= options(sanitizeHtml);
  return sanitizeHtml(html, resolvedOptions);
}
