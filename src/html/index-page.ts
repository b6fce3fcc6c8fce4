// dist/index.html: one line per deck, so a folder of decks opens like a table of contents. Each
// deck's folder keeps its summary, so that building one deck can list the others already there.

import { escapeHtml } from '../escape.js';
import type { CompiledDeck } from '../model.js';
import { plural, variantLabel } from '../wording.js';

export interface DeckSummary {
  /** Folder name inside the output folder. */
  name: string;
  title: string;
  author?: string;
  description?: string;
  slideCount: number;
  /** Minutes, from front matter. */
  duration?: number;
  /** A picture of the first slide, in the deck's folder. */
  thumbnail?: string;
  /** What the thumbnail was taken from (commands/thumbnails.ts), to know when it is out of date. */
  thumbnailKey?: string;
  /** The variant of its deck this folder holds, if any. */
  variant?: string;
}

export function summarize(deck: CompiledDeck): DeckSummary {
  const { meta, slides } = deck.rendered;
  return {
    name: deck.name,
    title: meta.title,
    slideCount: slides.length,
    ...(meta.author ? { author: meta.author } : {}),
    ...(meta.description ? { description: meta.description } : {}),
    ...(meta.duration ? { duration: meta.duration } : {}),
    ...(deck.variant ? { variant: deck.variant } : {}),
  };
}

/** A summary as kept in a deck's folder (its name is the folder's). */
export const summaryJson = ({ name: _name, ...summary }: DeckSummary): string =>
  `${JSON.stringify(summary, null, 2)}\n`;

/** A summary read back from a deck's folder, or undefined when the text is not one. */
export function parseSummary(name: string, text: string): DeckSummary | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const { title, author, description, slideCount, duration, variant, thumbnail, thumbnailKey } = data as Record<
    string,
    unknown
  >;
  if (typeof title !== 'string' || typeof slideCount !== 'number') return undefined;
  return {
    name,
    title,
    slideCount,
    ...(typeof author === 'string' ? { author } : {}),
    ...(typeof description === 'string' ? { description } : {}),
    ...(typeof duration === 'number' ? { duration } : {}),
    // A file name in the deck's folder, nothing that could lead elsewhere.
    ...(typeof thumbnail === 'string' && /^[\w.-]+\.png$/.test(thumbnail) ? { thumbnail } : {}),
    ...(typeof thumbnailKey === 'string' ? { thumbnailKey } : {}),
    ...(typeof variant === 'string' ? { variant } : {}),
  };
}

/** A font face the index page carries inline, so it is set in the default theme's type. */
export interface IndexFont {
  weight: number;
  /** The woff2 file's bytes, base64. */
  base64: string;
  /** Characters it covers, when only some (`U+0030`). */
  unicodeRange?: string;
}

const fontFaces = (fonts: readonly IndexFont[]) =>
  fonts
    .map(
      (font) =>
        `@font-face { font-family: 'Atkinson Hyperlegible'; font-weight: ${font.weight}; font-display: block; src: url(data:font/woff2;base64,${font.base64}) format('woff2');${font.unicodeRange ? ` unicode-range: ${font.unicodeRange};` : ''} }`,
    )
    .join('\n');

export function renderIndexPage(decks: readonly DeckSummary[], fonts: readonly IndexFont[] = []): string {
  const rows = decks
    .map((deck) => {
      const facts = [
        deck.variant ? variantLabel(deck.variant) : '',
        plural(deck.slideCount, 'slide'),
        deck.duration ? `${deck.duration} min` : '',
        deck.author ?? '',
      ]
        .filter(Boolean)
        .join(' · ');
      const folder = escapeHtml(encodeURI(deck.name));
      // Decorative: the title beside it says what the deck is.
      const thumbnail = deck.thumbnail
        ? `<img class="thumbnail" src="${folder}/${escapeHtml(encodeURI(deck.thumbnail))}" alt="" width="240" loading="lazy">\n`
        : '';
      return `<li${deck.thumbnail ? ' class="with-thumbnail"' : ''}>
${thumbnail}<a href="${folder}/index.html">${escapeHtml(deck.title)}</a>
<p class="facts">${escapeHtml(facts)}</p>
${deck.description ? `<p>${escapeHtml(deck.description)}</p>` : ''}
</li>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Decks</title>
<style>
${fontFaces(fonts)}
body { font: 20px/1.5 'Atkinson Hyperlegible', system-ui, sans-serif; color: #1c2127; background: #fbfaf7; max-width: 48rem; margin: 3rem auto; padding: 0 1.5rem; }
h1 { font-size: 2rem; margin-bottom: 1.5rem; }
ul { list-style: none; padding: 0; }
li { padding: 1rem 0; border-top: 1px solid #c9ced6; }
a { font-size: 1.3rem; font-weight: 700; color: #0b5f6e; }
p { margin: 0.25rem 0 0; }
.facts { color: #4a5361; }
.with-thumbnail { display: grid; grid-template-columns: 240px 1fr; column-gap: 1.25rem; align-items: start; }
.with-thumbnail > :not(.thumbnail) { grid-column: 2; }
.thumbnail { grid-row: 1 / span 3; width: 240px; height: auto; border: 1px solid #c9ced6; }
</style>
</head>
<body>
<h1>Decks</h1>
<ul>
${rows}
</ul>
</body>
</html>
`;
}
