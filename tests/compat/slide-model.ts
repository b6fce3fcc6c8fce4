// What is compared: a plain model of each slide, read from the DOM after reveal.js has started,
// the same way on both sides. Everything in it is something an audience or a presenter sees or
// uses; what differs by design between the two pages is normalized away, each case below says why.

/** One slide, in reading order. */
export interface SlideModel {
  /** reveal.js's indices: horizontal position, and position inside a vertical stack. */
  h: number;
  v: number;
  /** How many slides the vertical stack holds (1 for a slide of its own). */
  stack: number;
  /** The slide's own attributes: id, class, style and data-*. */
  attributes: Record<string, string>;
  /** `h2 Title`, in order. */
  headings: string[];
  /** Visible text, whitespace collapsed (notes, scripts and styles left out). */
  text: string;
  /** Speaker notes text, whitespace collapsed. */
  notes: string;
  /** `li.fade-up#2 "text"`: each fragment with its extra classes and data-fragment-index. */
  fragments: string[];
  /** Elements carrying attributes an author set: `p.lead{color: red}[data-id=x] "text"`. */
  elements: string[];
  /** `img src "alt"`, `iframe src`, `video src` (URLs normalized, see `readSlides`). */
  media: string[];
  /** `a href "text"`. */
  links: string[];
  /** Each code block's language and line-highlight spec: `js [1|2-3]`. */
  code: string[];
  /** Each code block's text, line by line, trailing spaces dropped. */
  codeText: string[];
  /** The tags of every element in the slide, in document order: the shape of the content. */
  blocks: string;
}

/** Where the page's URLs start from, to name local files the same way on both sides. */
export interface UrlBase {
  /** The deck's folder, relative to the deck's fixture folder (posix, '' for the top). */
  deckDir: string;
  /** For our build: each copied file's URL in the page, mapped to its path relative to the deck file. */
  copies: Record<string, string>;
}

/**
 * Reads the slides of the page's reveal.js deck. Runs in the page, so it is self-contained.
 *
 * Normalizations (each applies to both pages alike):
 * - reveal.js's run-time state on slides and fragments (present/past/future/stack/visible/
 *   current-fragment classes, hidden, inert, aria-hidden, data-fragment, display and top in style) is
 *   dropped: it says which slide is showing, not what the deck is;
 * - the plugin's bookkeeping (data-markdown, data-markdown-parsed) is dropped;
 * - our own additions are dropped: `data-line` (source lines for `deck check`), the classes of
 *   our layouts (`compare*`, `venn`, `deck-picture`) and the text scale that fits a slide (`--deck-fit` in its style);
 * - typography is ours too: curly quotes, dashes and ellipses read as the straight quotes, `--`,
 *   `---` and `...` they were typed as; `data-timing` is kept only where the reference has it too,
 *   since our pacing plan adds it to every slide of a deck with a duration;
 * - local URLs (img src, links, backgrounds) are compared as the file they name, relative to the
 *   deck's folder: ours copies files into `assets/` and rewrites the URLs (`where` maps each copy back
 *   to the file it came from), percent-encoding aside;
 * - a table cell's `align="x"` (marked) and `style="text-align: x"` (markdown-it) are the same
 *   thing, written as the style;
 * - a code block's class is reduced to its language: reveal.js's highlighting reads `js` and
 *   `language-js` alike, and marked keeps the whole info string (`scala mdoc`) where markdown-it
 *   keeps the first word;
 * - styles are compared as the browser parses them, so spacing and order of declarations do not count;
 * - in the visible text, a block element or a line break counts as a space: marked writes `<br>`
 *   where markdown-it writes `<br>\n`, and a page shows no difference;
 * - code blocks are compared as reveal.js's highlight plugin receives them: the reference page runs
 *   without that plugin, while ours highlights at build time (hljs spans, a line-number table, one
 *   `<code>` per line-highlight step). So our blocks are read back to one `<code>` holding the plain
 *   lines, with the steps' `data-line-numbers` joined by `|`, and without the classes highlighting
 *   adds (`hljs`, `has-highlights`, `code-wrapper`); spaces in a line-number spec do not count.
 */
export function readSlides(where: UrlBase): SlideModel[] {
  const RUNTIME_CLASSES = new Set(['present', 'past', 'future', 'stack', 'visible', 'current-fragment']);
  const DROPPED_ATTRIBUTES = new Set([
    'hidden',
    'inert',
    'aria-hidden',
    'data-fragment',
    'data-markdown',
    'data-markdown-parsed',
    'data-line',
    'data-highlighted',
  ]);
  const OUR_CLASS = /^(compare|venn|deck-picture)/;
  const CONTENT_ATTRIBUTES = new Set(['src', 'href', 'alt']);
  const collapse = (text: string) =>
    text
      .replace(/[“”„«»]/g, '"')
      .replace(/[‘’‚]/g, "'")
      .replace(/\u2014/g, '---')
      .replace(/\u2013/g, '--')
      .replace(/\u2026/g, '...')
      .replace(/\s+/g, ' ')
      .trim();
  const short = (text: string) => {
    const t = collapse(text);
    return t.length > 60 ? `${t.slice(0, 57)}...` : t;
  };

  /** A URL as the file it names: `dir/file.png` from the fixture folder; web addresses unchanged. */
  function fileOf(url: string): string {
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || url.startsWith('#') || url === '') return url;
    const suffix = /[?#].*$/.exec(url)?.[0] ?? '';
    let path = url.slice(0, url.length - suffix.length);
    path = where.copies[path] ?? path;
    try {
      path = decodeURI(path);
    } catch {
      // A stray %: compare as written.
    }
    const steps = (path.startsWith('/') ? path : `${where.deckDir}/${path}`).replace(/\\/g, '/').split('/');
    const resolved: string[] = [];
    for (const step of steps) {
      if (step === '' || step === '.') continue;
      if (step === '..' && resolved.length > 0 && resolved[resolved.length - 1] !== '..') resolved.pop();
      else resolved.push(step);
    }
    return resolved.join('/') + suffix;
  }

  /** data-background holds a colour or a file; only a file is a URL. */
  const isFileLike = (value: string) => /[./]/.test(value) && !/^(#|rgb|hsl)/i.test(value);
  const URL_ATTRIBUTES = new Set(['data-background-image', 'data-background-video', 'data-background-iframe']);

  function classes(element: Element, drop: Set<string> = RUNTIME_CLASSES): string[] {
    return [...element.classList].filter((name) => !drop.has(name) && !OUR_CLASS.test(name)).sort();
  }

  function style(element: Element, dropProperties: string[] = []): string {
    const declaration = (element as HTMLElement).style;
    if (!declaration) return '';
    const align = element.getAttribute('align');
    const parts: string[] = [];
    for (let i = 0; i < declaration.length; i++) {
      const property = declaration.item(i);
      if (dropProperties.includes(property)) continue;
      parts.push(`${property}: ${declaration.getPropertyValue(property)}`);
    }
    if (align && !declaration.getPropertyValue('text-align')) parts.push(`text-align: ${align}`);
    return parts.sort().join('; ');
  }

  function isHidden(node: Node): boolean {
    for (let el = node.parentElement; el; el = el.parentElement) {
      if (el.tagName === 'SECTION') return false;
      if (el.matches('aside.notes, script, style, template, textarea')) return true;
    }
    return false;
  }

  /** Elements that start a new line of text: a space stands for them, as for a line break. */
  const BLOCKS = new Set(['P', 'DIV', 'PRE', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'TABLE', 'TR', 'TD', 'TH', 'HR', 'BR']);

  function visibleText(section: Element): string {
    const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    const parts: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        if (BLOCKS.has((node as Element).tagName) || /^H[1-6]$/.test((node as Element).tagName)) parts.push(' ');
      } else if (!isHidden(node)) {
        parts.push(node.nodeValue ?? '');
      }
    }
    return collapse(parts.join(''));
  }

  function contentElements(section: Element): Element[] {
    return [...section.querySelectorAll('*')].filter(
      (el) => !el.closest('aside.notes') && !['SCRIPT', 'STYLE', 'TEMPLATE'].includes(el.tagName),
    );
  }

  /** A slide's code blocks as they were before highlighting (see the normalizations above). */
  function unhighlighted(section: Element): Element {
    const copy = section.cloneNode(true) as Element;
    for (const pre of copy.querySelectorAll('pre')) {
      const codes = [...pre.children].filter((child) => child.tagName === 'CODE');
      const first = codes[0];
      if (!first) continue;
      const steps = codes.map((code) => code.getAttribute('data-line-numbers'));
      const cells = [...first.querySelectorAll('td.hljs-ln-code')];
      const text =
        cells.length > 0 ? cells.map((cell) => cell.textContent ?? '').join('\n') : (first.textContent ?? '');
      first.textContent = text;
      if (steps.some((step) => step !== null)) first.setAttribute('data-line-numbers', steps.join('|'));
      for (const extra of codes.slice(1)) extra.remove();
      first.classList.remove('hljs', 'has-highlights', 'fragment');
      if (first.classList.length === 0) first.removeAttribute('class');
      pre.classList.remove('code-wrapper');
      if (pre.classList.length === 0) pre.removeAttribute('class');
    }
    for (const code of copy.querySelectorAll('code[data-line-numbers]')) {
      code.setAttribute('data-line-numbers', (code.getAttribute('data-line-numbers') ?? '').replace(/\s+/g, ''));
    }
    return copy;
  }

  function describe(original: Element, h: number, v: number, stack: number): SlideModel {
    const section = unhighlighted(original);
    const attributes: Record<string, string> = {};
    for (const { name, value } of [...section.attributes]) {
      if (DROPPED_ATTRIBUTES.has(name)) continue;
      if (name === 'class') {
        const kept = classes(section).join(' ');
        if (kept) attributes.class = kept;
      } else if (name === 'style') {
        const kept = style(section, ['display', 'top', '--deck-fit']);
        if (kept) attributes.style = kept;
      } else if (URL_ATTRIBUTES.has(name) || (name === 'data-background' && isFileLike(value))) {
        attributes[name] = fileOf(value);
      } else {
        attributes[name] = value;
      }
    }
    const elements = contentElements(section);
    const notes = [...section.querySelectorAll('aside.notes')].map((aside) => collapse(aside.textContent ?? ''));
    const model: SlideModel = {
      h,
      v,
      stack,
      attributes,
      headings: elements
        .filter((el) => /^H[1-6]$/.test(el.tagName))
        .map((el) => `${el.tagName.toLowerCase()} ${collapse(el.textContent ?? '')}`),
      text: visibleText(section),
      notes: notes.join(' | '),
      fragments: elements
        .filter((el) => el.classList.contains('fragment'))
        .map((el) => {
          const extra = classes(el, new Set([...RUNTIME_CLASSES, 'fragment'])).filter(
            (c) => !c.startsWith('language-'),
          );
          const index = el.getAttribute('data-fragment-index');
          return `${el.tagName.toLowerCase()}${extra.map((c) => `.${c}`).join('')}${index === null ? '' : `#${index}`} "${short(el.textContent ?? '')}"`;
        }),
      elements: [],
      media: [],
      links: [],
      code: [],
      codeText: [],
      blocks: elements.map((el) => el.tagName.toLowerCase()).join(' '),
    };
    for (const el of elements) {
      const tag = el.tagName.toLowerCase();
      if (tag === 'img' || tag === 'iframe' || tag === 'video' || tag === 'audio' || tag === 'source') {
        const src = el.getAttribute('src') ?? el.getAttribute('data-src') ?? '';
        const alt = el.getAttribute('alt');
        model.media.push(`${tag} ${fileOf(src)}${alt === null ? '' : ` "${alt}"`}`);
      }
      if (tag === 'a') model.links.push(`a ${fileOf(el.getAttribute('href') ?? '')} "${short(el.textContent ?? '')}"`);
      let skip: string[] = [];
      if (tag === 'code' && el.parentElement?.tagName === 'PRE') {
        // marked writes the whole info string as classes (`scala mdoc`), markdown-it `language-scala`;
        // highlight.js adds `language-<what it resolved the name to>` (`html` becomes `xml`).
        // A block without a language is auto-detected by the highlight plugin in the reference (it
        // then adds `language-<guess>`, and marks the block data-highlighted); ours does not guess.
        const written = [...el.classList].filter((c) => !['fragment', 'hljs', 'has-highlights'].includes(c));
        const bare = written.find((c) => !c.startsWith('language-'));
        const named = written.find((c) => c.startsWith('language-'))?.slice('language-'.length);
        const language = (el.hasAttribute('data-highlighted') ? bare : (named ?? bare)) ?? '';
        skip = written;
        const lines = el.getAttribute('data-line-numbers');
        const start = el.getAttribute('data-ln-start-from');
        model.code.push(
          `${language || '(none)'}${lines === null ? '' : ` [${lines}]`}${start === null ? '' : ` from ${start}`}`,
        );
        model.codeText.push(
          (el.textContent ?? '')
            .split('\n')
            .map((line) => line.trimEnd())
            .join('\n')
            .replace(/\n+$/, ''),
        );
      }
      // Any attribute an author can set with raw HTML or an element comment, but the plain content
      // ones (listed above under media and links).
      const parts: string[] = [];
      const kept = classes(el).filter((c) => !skip.includes(c));
      if (kept.length) parts.push(kept.map((c) => `.${c}`).join(''));
      const css = style(el);
      if (css) parts.push(`{${css}}`);
      for (const { name, value } of [...el.attributes]) {
        if (name === 'class' || name === 'style' || name === 'align' || CONTENT_ATTRIBUTES.has(name)) continue;
        if (DROPPED_ATTRIBUTES.has(name) || name === 'data-fragment-index') continue;
        if (skip.length && (name === 'data-line-numbers' || name === 'data-ln-start-from')) continue;
        parts.push(`[${name}=${value}]`);
      }
      if (parts.length) model.elements.push(`${tag}${parts.join('')} "${short(el.textContent ?? '')}"`);
    }
    return model;
  }

  const slides: SlideModel[] = [];
  const root = document.querySelector('.reveal .slides');
  if (!root) return slides;
  let h = 0;
  for (const top of [...root.children]) {
    if (top.tagName !== 'SECTION') continue;
    const inner = [...top.children].filter((child) => child.tagName === 'SECTION');
    if (inner.length === 0) slides.push(describe(top, h, 0, 1));
    else
      inner.forEach((section, v) => {
        slides.push(describe(section, h, v, inner.length));
      });
    h++;
  }
  return slides;
}
