// The reference: each deck shown by reveal.js 6.0.2 and its own Markdown plugin
// (node_modules/reveal.js/dist/plugin/markdown.js), set up the way the deck's real host set it up.
//
// reveal-md (github.com/webpro/reveal-md, read at 6.1.4 and 5.5.2):
// - strips the front matter with yaml-front-matter's `loadFront`: a `---` line, the YAML, a `---`
//   line; the Markdown is everything after the closing dashes (the whole file when that is empty);
// - takes `separator`, `verticalSeparator` and `notesSeparator` from the front matter, else from the
//   project's reveal-md.json, else from its defaults (`\r?\n---\r?\n` and `\r?\n----\r?\n`, the same
//   since 2.x; no notes separator, so the plugin's own applies);
// - passes `revealOptions` from the front matter to Reveal.initialize;
// - 6.x writes the Markdown into a `<textarea data-template>` of its page template, with the
//   separators as `data-separator…` attributes (newlines written as `\n`); 2.x to 5.x ran the
//   plugin's `slidify` on the server and put the resulting sections in the page.
//
// The highlight plugin is loaded too, as every host loads it: it turns `[1|2-3]` line-highlight
// specs into fragment steps, which count in the numbering of the slide's other fragments. Everything
// else a host loads (themes, mermaid, reveal.json's layout options) changes how slides look, not
// what the Markdown becomes, and is left out. Every deck gets reveal.js 6.0.2's plugins, whatever
// version its host pinned.

import { readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { CorpusDeck, Separators } from './corpus.js';

/** reveal-md's lib/defaults.json (identical from 2.x to 6.1.4). */
export const REVEAL_MD_DEFAULTS: Separators = { separator: '\r?\n---\r?\n', verticalSeparator: '\r?\n----\r?\n' };

/** reveal-md's default Reveal.initialize options (its page template), before the deck's revealOptions. */
const REVEAL_MD_OPTIONS = { controls: true, progress: true, center: true, transition: 'default', slideNumber: true };

export interface RevealMdFrontMatter {
  options: Record<string, unknown>;
  markdown: string;
}

/** Front matter as reveal-md reads it (yaml-front-matter's `loadFront`, after dropping a BOM). */
export function splitRevealMdFrontMatter(source: string): RevealMdFrontMatter {
  const text = source.replace(/^\uFEFF/, '');
  const match = /^---[\n\r]([\s\S]+?)[\n\r]---/.exec(text);
  if (!match) return { options: {}, markdown: text };
  const options = (parseYaml(match[1] ?? '') ?? {}) as Record<string, unknown>;
  return { options, markdown: text.slice(match[0].length) || text };
}

const SEPARATOR_KEYS = ['separator', 'verticalSeparator', 'notesSeparator'] as const;

/** The project's reveal-md.json, or nothing. */
export function revealMdConfig(deck: CorpusDeck): Record<string, unknown> {
  return deck.revealMdConfig ? JSON.parse(readFileSync(join(deck.dir, deck.revealMdConfig), 'utf8')) : {};
}

export interface RevealMdSetup {
  separators: Separators;
  revealOptions: Record<string, unknown>;
  markdown: string;
}

/** What reveal-md passes to the plugin and to reveal.js for one deck. */
export function revealMdSetup(deck: CorpusDeck, source: string): RevealMdSetup {
  const { options, markdown } = splitRevealMdFrontMatter(source);
  const config = revealMdConfig(deck);
  const separators: Separators = {};
  for (const key of SEPARATOR_KEYS) {
    const value = options[key] ?? config[key] ?? REVEAL_MD_DEFAULTS[key];
    if (typeof value === 'string') separators[key] = value;
  }
  const revealOptions = (options.revealOptions ?? {}) as Record<string, unknown>;
  return { separators, revealOptions, markdown };
}

/** JSON safe inside a <script> element. */
const scriptJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** Set when reveal.js is ready; the harness waits for it. */
export const READY_FLAG = 'compatReady';
export const ERROR_FLAG = 'compatError';

function page(slidesHtml: string, start: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>reference</title></head>
<body>
<div class="reveal"><div class="slides">
${slidesHtml}
</div></div>
<script src="/vendor/reveal.js"></script>
<script src="/vendor/plugin/markdown.js"></script>
<script src="/vendor/plugin/notes.js"></script>
<script src="/vendor/plugin/highlight.js"></script>
<script>
(async () => {
${start}
})().then(() => { window.${READY_FLAG} = true; }, (error) => { window.${ERROR_FLAG} = String(error && error.stack || error); });
</script>
</body>
</html>
`;
}

function initialize(config: Record<string, unknown>): string {
  // The URL must not change between decks: no hash or history.
  return `await Reveal.initialize(Object.assign(${scriptJson(config)}, { hash: false, history: false, plugins: [RevealMarkdown, RevealHighlight, RevealNotes] }));`;
}

export interface ReferencePage {
  /** Path of the page on the server, inside the deck's mount so relative URLs resolve as on the host. */
  path: string;
  html: string;
}

/** The page that shows `deck` as its host did; `mount` is the URL prefix its folder is served under. */
export function referencePage(deck: CorpusDeck, mount: string): ReferencePage {
  const source = readFileSync(join(deck.dir, deck.file), 'utf8');
  if (deck.host === 'reveal.js-page') {
    const spec = deck.page;
    if (!spec) throw new Error(`${deck.name}: a reveal.js page deck needs "page" in deck.json`);
    const attributes = Object.entries(spec.section)
      .map(([name, value]) => (value === '' ? name : `${name}="${attribute(value)}"`))
      .join(' ');
    const template = spec.template
      ? spec.template.element === 'textarea'
        ? `<textarea data-template>${spec.template.text}</textarea>`
        : `<script type="text/template">${spec.template.text}</script>`
      : '';
    return {
      path: posix.join(mount, spec.path),
      html: page(`<section ${attributes}>${template}</section>`, initialize(spec.revealConfig ?? {})),
    };
  }

  const setup = revealMdSetup(deck, source);
  const config = { ...REVEAL_MD_OPTIONS, ...setup.revealOptions };
  // reveal-md serves the deck at its own path: relative URLs resolve from the deck's folder.
  const path = posix.join(mount, dirname(deck.file), 'index.html');
  if (deck.host === 'reveal-md@6') {
    // reveal-md 6.1.4 lib/render.js and lib/template/reveal.html, whitespace included: the plugin
    // strips the template's indentation by the first line's, so it matters.
    const attributes = SEPARATOR_KEYS.filter((key) => setup.separators[key] !== undefined)
      .map((key) => {
        const name = {
          separator: 'data-separator',
          verticalSeparator: 'data-separator-vertical',
          notesSeparator: 'data-separator-notes',
        }[key];
        const value = (setup.separators[key] ?? '').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
        return `${name}="${value}"`;
      })
      .join(' ');
    const section = `        <section data-markdown ${attributes}>
          <textarea data-template>
            ${setup.markdown}
          </textarea>
        </section>`;
    return { path, html: page(section, initialize(config)) };
  }
  // reveal-md 2 to 5: slidify on the server. Here the plugin's own slidify does it in the page before
  // reveal.js starts (init first: slidify renders the notes with the plugin's marked instance).
  const start = `const server = RevealMarkdown();
await server.init({ getConfig: () => ({}), getRevealElement: () => document.createElement('div') });
document.querySelector('.reveal .slides').innerHTML = server.slidify(${scriptJson(setup.markdown)}, ${scriptJson(setup.separators)});
${initialize(config)}`;
  return { path, html: page('', start) };
}
