// What each slide of a deck's print view shows, measured in the page: its blocks of text with their
// runs, tables, pictures and shapes, each with its box on the slide, and the speaker notes. PowerPoint
// export (commands/pptx.ts) rebuilds every slide from this, so it looks like the slide on screen.
//
// `measureSlides` runs in the page (`page.evaluate`): it must not use anything from outside itself.

/** A box on the slide, in CSS pixels of the canvas, from its top left corner. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Code: set in the monospace font. */
  mono?: boolean;
  /** `#rrggbb`. */
  color: string;
  /** Background behind the text (a shared item of a comparison), `#rrggbb`. */
  highlight?: string;
  link?: string;
}

export interface Paragraph {
  runs: Run[];
  /** Nesting of a list item, from 0; undefined outside lists. */
  level?: number;
  /** A list item's marker; `none` for an item whose list shows none, or a second line of an item. */
  bullet?: 'bullet' | 'number' | 'none';
  /** The number of a numbered item. */
  number?: number;
  /** Space before and after the paragraph, in px (a list item's margin and padding). */
  spaceBefore?: number;
  spaceAfter?: number;
  /** In px. */
  fontSize: number;
  fontFamily: string;
  /** In px, the distance between baselines. */
  lineHeight: number;
  align: 'left' | 'center' | 'right' | 'justify';
}

export type Block =
  | {
      kind: 'text';
      role: 'title' | 'heading' | 'body' | 'quote' | 'code';
      box: Box;
      paragraphs: Paragraph[];
      /** Lines that must not wrap (a drawing's labels): in another font they may be wider than the box. */
      noWrap?: boolean;
    }
  | {
      kind: 'table';
      box: Box;
      rows: {
        text: string;
        bold: boolean;
        color: string;
        fill?: string;
        fontSize: number;
        fontFamily: string;
        colspan: number;
        rowspan: number;
      }[][];
      columnWidths: number[];
    }
  | {
      kind: 'picture';
      box: Box;
      /** The file or address an `<img>` shows; empty for a drawing (an inline SVG, a canvas). */
      src: string;
      alt: string;
      /** False for an `<img>` the page could not load. */
      loaded: boolean;
      /** True when the page shows the file as it is, whole and unstretched (no crop, no `object-fit`). */
      whole: boolean;
    }
  | { kind: 'ellipse'; box: Box; fill: string; opacity: number; line: string }
  /** A filled rectangle: a box's background, or one side of its border. */
  | { kind: 'rect'; box: Box; fill: string };

export interface MeasuredSlide {
  /** `h.v`, and the class list of its `<section>`. */
  h: number;
  v: number;
  classes: string[];
  /** `#rrggbb`. */
  background: string;
  /** Where the slide's page starts in the print view, in CSS px from the document's top: pictures of it are taken there. */
  top: number;
  /** True when the background is a picture or a gradient (`data-background-image`, …). */
  backgroundPicture: boolean;
  blocks: Block[];
  /** The speaker notes as plain text, a paragraph per line; empty when there are none. */
  notes: string;
  /** Seconds planned for the slide (`data-timing`), when the deck plans them. */
  timing?: number;
}

/** Measures every page of the print view. */
export function measureSlides(): MeasuredSlide[] {
  const RGB = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)/;
  // Colours written as oklch(), color-mix() and the like are computed as such: drawn on a pixel,
  // any of them reads back as red, green, blue and alpha.
  const pixel = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  const asRgb = (color: string): string => {
    if (RGB.test(color) || !pixel) return color;
    pixel.clearRect(0, 0, 1, 1);
    pixel.fillStyle = color;
    pixel.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = pixel.getImageData(0, 0, 1, 1).data;
    return `rgba(${r}, ${g}, ${b}, ${(a ?? 0) / 255})`;
  };
  /** How opaque a computed colour is, from 0 to 1. */
  const alpha = (color: string): number => {
    const value = RGB.exec(asRgb(color))?.[4];
    return value === undefined ? 1 : Number.parseFloat(value) / (value.endsWith('%') ? 100 : 1);
  };
  /** A computed colour as `#rrggbb`; undefined when it is (nearly) transparent. */
  const hex = (computed: string): string | undefined => {
    const color = asRgb(computed);
    const match = RGB.exec(color);
    if (!match || alpha(color) < 0.05) return undefined;
    return `#${[match[1], match[2], match[3]].map((c) => Math.round(Number(c)).toString(16).padStart(2, '0')).join('')}`;
  };
  const firstFamily = (family: string) =>
    family
      .split(',')[0]!
      .trim()
      .replace(/^["']|["']$/g, '');
  /** What is a picture on a slide (the mark of a shared item is text: a ◆). */
  const PICTURES = 'img, svg:not(.compare-shared-mark), video, canvas, picture';
  /** Blocks inside a block of text (a list in a `<div>` with text, a picture in a heading), measured apart. */
  const INNER_BLOCKS = `ul, ol, table, pre, ${PICTURES}`;
  const isInline = (element: Element) =>
    ['inline', 'inline-block', 'contents'].includes(getComputedStyle(element).display);
  /** Not hidden by its style (a fragment not shown yet has no opacity). */
  const shown = (element: Element) => {
    const style = getComputedStyle(element);
    return style.display !== 'none' && style.visibility !== 'hidden' && Number(style.opacity) !== 0;
  };
  /** Shown, and taking room on the slide (an element of `display: contents` has no box of its own). */
  const visible = (element: Element) => {
    if (!shown(element)) return false;
    if (getComputedStyle(element).display === 'contents') return true;
    const rect = element.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0;
  };

  /**
   * Speaker notes as plain text: a line per paragraph, heading, line break and list item (with its
   * bullet or number), nested lists indented.
   */
  const notesText = (aside: Element): string => {
    const lines: string[] = [];
    let line = '';
    let marker = '';
    let indent = '';
    const flush = () => {
      const text = line.replace(/\s+/g, ' ').trim();
      if (text) lines.push(`${indent}${marker ? `${marker} ` : ''}${text}`);
      if (text) marker = '';
      line = '';
    };
    const read = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        line += node.textContent ?? '';
        return;
      }
      if (!(node instanceof Element) || node.matches('script, style, .sr-only')) return;
      if (node.matches('br')) return flush();
      if (node instanceof HTMLOListElement || node instanceof HTMLUListElement) {
        flush();
        const outer = indent;
        if (lines.length > 0 && node.parentElement?.closest('li')) indent += '  ';
        let number = node instanceof HTMLOListElement ? node.start - 1 : 0;
        for (const item of node.children) {
          if (!(item instanceof HTMLLIElement)) continue;
          number = item.hasAttribute('value') ? item.value : number + 1;
          marker = node instanceof HTMLOListElement ? `${number}.` : '•';
          for (const child of item.childNodes) read(child);
          flush();
          marker = '';
        }
        indent = outer;
        return;
      }
      // Notes are hidden: their elements' display is their own, not the page's; block tags start lines.
      const block =
        !isInline(node) || /^(P|DIV|H[1-6]|BLOCKQUOTE|PRE|TABLE|TR|FIGURE|SECTION|DL|DT|DD)$/.test(node.tagName);
      if (block) flush();
      for (const child of node.childNodes) read(child);
      if (block) flush();
    };
    for (const child of aside.childNodes) read(child);
    flush();
    return lines.join('\n');
  };

  const pages = [...document.querySelectorAll<HTMLElement>('.reveal .slides .pdf-page')];
  const pageBackground = hex(getComputedStyle(document.querySelector('.reveal') ?? document.body).backgroundColor);
  const bodyBackground = hex(getComputedStyle(document.body).backgroundColor);

  return pages.map((page) => {
    const section = page.querySelector<HTMLElement>(':scope > section');
    const origin = page.getBoundingClientRect();
    const boxOf = (element: Element): Box => {
      const rect = element.getBoundingClientRect();
      return { x: rect.left - origin.left, y: rect.top - origin.top, w: rect.width, h: rect.height };
    };
    /** How much a transform scales an element on the slide (a layout may shrink to fit). */
    const scaleOf = (element: Element) =>
      element instanceof HTMLElement && element.offsetHeight > 0
        ? element.getBoundingClientRect().height / element.offsetHeight
        : 1;
    /** The box inside an element's padding and border: where its text is. */
    const contentBoxOf = (element: Element): Box => {
      const box = boxOf(element);
      const style = getComputedStyle(element);
      const scale = scaleOf(element);
      const side = (name: string) =>
        (Number.parseFloat(style.getPropertyValue(`padding-${name}`)) +
          Number.parseFloat(style.getPropertyValue(`border-${name}-width`))) *
        scale;
      return {
        x: box.x + side('left'),
        y: box.y + side('top'),
        w: Math.max(1, box.w - side('left') - side('right')),
        h: Math.max(1, box.h - side('top') - side('bottom')),
      };
    };
    const backgroundElement = page.querySelector('.slide-background');
    const background =
      (backgroundElement && hex(getComputedStyle(backgroundElement).backgroundColor)) ??
      pageBackground ??
      bodyBackground ??
      '#ffffff';
    const blocks: Block[] = [];
    const slide: MeasuredSlide = {
      h: Number(section?.dataset.indexH ?? page.dataset.indexH ?? 0),
      v: Number(section?.dataset.indexV ?? page.dataset.indexV ?? 0),
      classes: [...(section?.classList ?? [])].filter((name) => !['present', 'past', 'future', 'stack'].includes(name)),
      background,
      top: origin.top + window.scrollY,
      backgroundPicture: [backgroundElement, backgroundElement?.querySelector('.slide-background-content')].some(
        (element) => element && getComputedStyle(element).backgroundImage !== 'none',
      ),
      blocks,
      notes: '',
    };
    if (!section) return slide;
    const timing = Number(section.dataset.timing);
    if (Number.isFinite(timing) && timing > 0) slide.timing = timing;

    /**
     * The runs of inline content, one paragraph per line break; lists inside are left to their
     * items. `nodes`: only these children of `root` (a stretch of text between pictures).
     */
    const runsOf = (root: Element, highlight?: string, nodes?: readonly Node[]): Run[][] => {
      const lines: Run[][] = [[]];
      const walk = (node: Node, link?: string) => {
        if (node.nodeType === Node.TEXT_NODE) {
          const parent = node.parentElement!;
          const style = getComputedStyle(parent);
          const text = (node.textContent ?? '').replace(/\s+/g, ' ');
          if (text === '') return;
          const run: Run = { text, color: hex(style.color) ?? '#000000' };
          if (Number(style.fontWeight) >= 600) run.bold = true;
          if (style.fontStyle === 'italic') run.italic = true;
          if (/mono|courier|consol/i.test(style.fontFamily)) run.mono = true;
          const background = hex(style.backgroundColor);
          if (background && background !== slide.background) run.highlight = background;
          else if (highlight) run.highlight = highlight;
          if (link) run.link = link;
          lines.at(-1)!.push(run);
          return;
        }
        if (!(node instanceof Element)) return;
        if (node.matches('.sr-only, .notes, script, style, title, desc')) return;
        // Lists, tables, code and pictures inside are blocks of their own (see `visit`).
        if (node !== root && node.matches('ul, ol, table, pre')) return;
        if (node.matches('br')) {
          lines.push([]);
          return;
        }
        // The mark of a shared item: a diamond, as on screen.
        if (node.matches('.compare-shared-mark')) {
          lines.at(-1)!.push({ text: ' ◆', color: hex(getComputedStyle(node).color) ?? '#000000' });
          return;
        }
        if (node instanceof SVGElement) return;
        // An inline element may wrap over lines or hold only a space: its style decides.
        if (!shown(node)) return;
        const href = node instanceof HTMLAnchorElement && /^https?:|^mailto:/.test(node.href) ? node.href : link;
        // A block inside (a `<div>` in a `<p>`, a `display: block` span) is on lines of its own.
        const block = node !== root && !isInline(node);
        if (block && lines.at(-1)!.length > 0) lines.push([]);
        for (const child of node.childNodes) walk(child, href);
        if (block && lines.at(-1)!.length > 0) lines.push([]);
      };
      if (nodes) for (const node of nodes) walk(node);
      else walk(root);
      // Blanks where a line starts or ends are the markup's, not the text's.
      return lines
        .map((runs) => {
          const first = runs[0];
          if (first) first.text = first.text.replace(/^\s+/, '');
          const last = runs.at(-1);
          if (last) last.text = last.text.replace(/\s+$/, '');
          return runs.filter((run) => run.text !== '');
        })
        .filter((runs) => runs.length > 0);
    };

    const paragraphStyle = (element: Element): Omit<Paragraph, 'runs'> => {
      const style = getComputedStyle(element);
      const scale = scaleOf(element);
      const fontSize = Number.parseFloat(style.fontSize) * scale;
      const lineHeight = Number.parseFloat(style.lineHeight) * scale;
      const align = style.textAlign === 'start' ? 'left' : style.textAlign === 'end' ? 'right' : style.textAlign;
      return {
        fontSize,
        fontFamily: firstFamily(style.fontFamily),
        lineHeight: Number.isFinite(lineHeight) ? lineHeight : fontSize * 1.2,
        align: ['left', 'center', 'right', 'justify'].includes(align) ? (align as Paragraph['align']) : 'left',
      };
    };

    const textBlock = (element: Element, role: 'title' | 'heading' | 'body' | 'quote' | 'code') => {
      // Pictures in a line of text cut it in stretches, each a text box where its text is: a text
      // box cannot flow around a picture.
      const cuts = [...element.childNodes].map(
        (node) => node instanceof Element && (node.matches(PICTURES) || node.querySelector(PICTURES) !== null),
      );
      if (!cuts.includes(true)) {
        const paragraphs = runsOf(element).map((runs) => ({ runs, ...paragraphStyle(element) }));
        if (paragraphs.length > 0) blocks.push({ kind: 'text', role, box: contentBoxOf(element), paragraphs });
        return;
      }
      let stretch: Node[] = [];
      const addStretch = () => {
        const paragraphs = runsOf(element, undefined, stretch).map((runs) => ({ runs, ...paragraphStyle(element) }));
        if (paragraphs.length > 0) {
          const range = document.createRange();
          range.setStartBefore(stretch[0]!);
          range.setEndAfter(stretch.at(-1)!);
          const rect = range.getBoundingClientRect();
          const box = { x: rect.left - origin.left, y: rect.top - origin.top, w: rect.width, h: rect.height };
          blocks.push({ kind: 'text', role, box, paragraphs, noWrap: rect.height < paragraphs[0]!.lineHeight * 1.5 });
        }
        stretch = [];
      };
      for (const [i, node] of element.childNodes.entries()) {
        if (cuts[i]) addStretch();
        else stretch.push(node);
      }
      addStretch();
    };

    const listBlock = (list: Element) => {
      // Items set in columns (CSS columns keep a long list on the slide) make a box per column.
      const columns = new Map<number, { paragraphs: Paragraph[]; items: Element[] }>();
      const items = (element: Element, level: number, column?: number) => {
        const numbered = element instanceof HTMLOListElement;
        let number = numbered ? element.start - 1 : 0;
        for (const item of element.children) {
          if (!item.matches('li')) continue;
          number =
            item instanceof HTMLLIElement && item.value > 0 && item.hasAttribute('value') ? item.value : number + 1;
          if (!visible(item)) continue;
          const at = column ?? Math.round(item.getBoundingClientRect().left);
          const group = columns.get(at) ?? { paragraphs: [], items: [] };
          columns.set(at, group);
          group.items.push(item);
          const style = getComputedStyle(item);
          const highlight = hex(style.backgroundColor);
          const lines = runsOf(item, highlight && highlight !== slide.background ? highlight : undefined);
          const scale = scaleOf(item);
          const spacing = (a: string, b: string) => (Number.parseFloat(a) + Number.parseFloat(b)) * scale;
          const bullet = style.listStyleType === 'none' ? 'none' : numbered ? 'number' : 'bullet';
          for (const [i, line] of (lines.length > 0 ? lines : [[]]).entries()) {
            group.paragraphs.push({
              runs: line,
              level,
              bullet: i === 0 ? bullet : 'none',
              ...(numbered ? { number } : {}),
              ...paragraphStyle(item),
              ...(i === 0 ? { spaceBefore: spacing(style.marginTop, style.paddingTop) } : {}),
              ...(i === lines.length - 1 ? { spaceAfter: spacing(style.marginBottom, style.paddingBottom) } : {}),
            });
          }
          // Lists in the item, however deep in it (a `<div>` around them), are its sub-items.
          for (const nested of item.querySelectorAll('ul, ol')) {
            if (nested.parentElement?.closest('li') === item) items(nested, level + 1, at);
          }
          // Pictures, tables and code in the item are blocks of their own.
          innerBlocks(item, `table, pre, ${PICTURES}`);
        }
      };
      items(list, 0);
      const whole = boxOf(list);
      const lefts = [...columns.keys()].sort((a, b) => a - b);
      for (const [i, left] of lefts.entries()) {
        const { paragraphs } = columns.get(left)!;
        if (paragraphs.length === 0) continue;
        const x = lefts.length === 1 ? whole.x : left - origin.left;
        const right = i + 1 < lefts.length ? lefts[i + 1]! - origin.left : whole.x + whole.w;
        blocks.push({ kind: 'text', role: 'body', box: { x, y: whole.y, w: right - x, h: whole.h }, paragraphs });
      }
    };

    const codeBlock = (pre: Element) => {
      // Of a block with highlight steps, the last step shows the whole of it.
      const codes = [...pre.querySelectorAll(':scope > code')];
      const code = codes.at(-1) ?? pre;
      const cells = code.querySelectorAll('td.hljs-ln-code');
      const lineRoots: Element[] = cells.length > 0 ? [...cells] : [code];
      const paragraphs: Paragraph[] = [];
      const base = paragraphStyle(code);
      for (const root of lineRoots) {
        let line: Run[] = [];
        const flush = () => {
          paragraphs.push({ runs: line.length > 0 ? line : [{ text: ' ', color: '#000000' }], ...base });
          line = [];
        };
        const walk = (node: Node) => {
          if (node.nodeType === Node.TEXT_NODE) {
            const color = hex(getComputedStyle(node.parentElement!).color) ?? '#000000';
            const parts = (node.textContent ?? '').split('\n');
            parts.forEach((part, i) => {
              if (i > 0) flush();
              if (part !== '') line.push({ text: part, color, mono: true });
            });
            return;
          }
          for (const child of node.childNodes) walk(child);
        };
        walk(root);
        if (line.length > 0 || lineRoots.length > 1) flush();
      }
      if (paragraphs.length > 0) blocks.push({ kind: 'text', role: 'code', box: contentBoxOf(code), paragraphs });
    };

    const tableBlock = (table: HTMLTableElement) => {
      const all = [...table.rows];
      // Rows not shown yet (fragments in their first state) are left out, unless a cell of theirs
      // spans other rows: the table would lose its shape.
      const kept = all.filter((row) => visible(row) || [...row.cells].some((cell) => cell.rowSpan !== 1));
      const keptAt = kept.map((row) => all.indexOf(row));
      const rows = kept.map((row, k) => {
        const at = keptAt[k]!;
        return [...row.cells].map((cell) => {
          const style = getComputedStyle(cell);
          const fill = hex(style.backgroundColor);
          // A row span of 0 runs to the end of the table; no span runs past it, nor counts left-out rows.
          const last = Math.min(all.length, at + (cell.rowSpan === 0 ? all.length : cell.rowSpan));
          const rowspan = Math.max(1, keptAt.filter((i) => i >= at && i < last).length);
          return {
            text: runsOf(cell)
              .map((line) => line.map((run) => run.text).join(''))
              .join('\n'),
            bold: cell.tagName === 'TH' || Number(style.fontWeight) >= 600,
            color: hex(style.color) ?? '#000000',
            ...(fill && fill !== slide.background ? { fill } : {}),
            fontSize: Number.parseFloat(style.fontSize) * scaleOf(cell),
            fontFamily: firstFamily(style.fontFamily),
            colspan: Math.max(1, cell.colSpan),
            rowspan,
          };
        });
      });
      // Column widths from a row with a cell per column; evenly shared when every row spans columns.
      const columns = Math.max(0, ...all.map((row) => [...row.cells].reduce((n, cell) => n + cell.colSpan, 0)));
      const plainRow = all.find((row) => row.cells.length === columns);
      const columnWidths = plainRow
        ? [...plainRow.cells].map((cell) => cell.getBoundingClientRect().width)
        : Array.from({ length: columns }, () => table.getBoundingClientRect().width / Math.max(1, columns));
      if (rows.length > 0) blocks.push({ kind: 'table', box: boxOf(table), rows, columnWidths });
    };

    const vennBlocks = (svg: SVGSVGElement) => {
      // The two sets; the overlap is where their tints meet.
      for (const ellipse of svg.querySelectorAll('ellipse.venn-set')) {
        const style = getComputedStyle(ellipse);
        blocks.push({
          kind: 'ellipse',
          box: boxOf(ellipse),
          fill: hex(style.fill) ?? '#cccccc',
          opacity: alpha(style.fill) * Number(style.fillOpacity) * Number(style.opacity),
          line: hex(style.stroke) ?? hex(style.fill) ?? '#000000',
        });
      }
      // The two labels, and each group of items as one box of lines.
      const texts = [...svg.querySelectorAll('text')];
      const groups = new Map<string, SVGTextElement[]>();
      for (const text of texts) {
        const key = text.classList.contains('venn-label') ? `label-${groups.size}` : [...text.classList].join(' ');
        groups.set(key, [...(groups.get(key) ?? []), text]);
      }
      for (const group of groups.values()) {
        const boxes = group.map(boxOf);
        const x = Math.min(...boxes.map((b) => b.x));
        const y = Math.min(...boxes.map((b) => b.y));
        const box = {
          x,
          y,
          w: Math.max(...boxes.map((b) => b.x + b.w)) - x,
          h: Math.max(...boxes.map((b) => b.y + b.h)) - y,
        };
        const style = getComputedStyle(group[0]!);
        // One line's height as drawn, and the type size it stands for.
        const firstLine = group[0]!.querySelector('tspan') ?? group[0]!;
        const lineHeight = boxOf(firstLine).h;
        const fontSize = Number.parseFloat(style.fontSize) * (lineHeight / Math.max(1, firstLine.getBBox().height));
        blocks.push({
          kind: 'text',
          role: 'body',
          box,
          noWrap: true,
          // A line per paragraph: an item wrapped in the drawing is a tspan per line.
          paragraphs: group.flatMap((text) => {
            const lines = text.querySelectorAll('tspan');
            return (lines.length > 0 ? [...lines] : [text]).map((line) => ({
              runs: [
                {
                  text: line.textContent?.trim() ?? '',
                  color: hex(style.fill) ?? '#000000',
                  ...(Number(style.fontWeight) >= 600 ? { bold: true } : {}),
                },
              ],
              fontSize: Number.isFinite(fontSize) ? fontSize : Number.parseFloat(style.fontSize),
              fontFamily: firstFamily(style.fontFamily),
              lineHeight,
              align: 'center' as const,
            }));
          }),
        });
      }
    };

    /** A box's background and the sides of its border, drawn under what it holds. */
    const decorate = (element: Element) => {
      if (element === section || element.matches('li, tr, td, th, thead, tbody, table, svg, svg *, img')) return;
      const style = getComputedStyle(element);
      const box = boxOf(element);
      const fill = hex(style.backgroundColor);
      if (fill && fill !== slide.background) blocks.push({ kind: 'rect', box, fill });
      const sides = [
        ['Top', { ...box, h: Number.parseFloat(style.borderTopWidth) }],
        [
          'Bottom',
          {
            ...box,
            y: box.y + box.h - Number.parseFloat(style.borderBottomWidth),
            h: Number.parseFloat(style.borderBottomWidth),
          },
        ],
        ['Left', { ...box, w: Number.parseFloat(style.borderLeftWidth) }],
        [
          'Right',
          {
            ...box,
            x: box.x + box.w - Number.parseFloat(style.borderRightWidth),
            w: Number.parseFloat(style.borderRightWidth),
          },
        ],
      ] as const;
      for (const [side, edge] of sides) {
        const color = hex(style.getPropertyValue(`border-${side.toLowerCase()}-color`));
        const drawn = style.getPropertyValue(`border-${side.toLowerCase()}-style`) !== 'none';
        if (color && drawn && edge.w >= 1 && edge.h >= 1) blocks.push({ kind: 'rect', box: edge, fill: color });
      }
    };

    /**
     * Visits the blocks of the `kinds` inside `element` that are not inside another such block or
     * another list item of it (those are visited with it).
     */
    const innerBlocks = (element: Element, kinds = INNER_BLOCKS) => {
      for (const inner of element.querySelectorAll(kinds)) {
        const outer = inner.parentElement?.closest(`${INNER_BLOCKS}, li`);
        if (outer && outer !== element && element.contains(outer)) continue;
        visit(inner);
      }
    };

    let titled = false;
    const visit = (element: Element) => {
      if (!visible(element) || element.matches('aside.notes, .sr-only, script, style')) return;
      decorate(element);
      if (element.matches('h1, h2, h3, h4, h5, h6')) {
        textBlock(element, titled || element.closest('.compare') ? 'heading' : 'title');
        titled = true;
        innerBlocks(element);
        return;
      }
      if (element.matches('ul, ol')) return listBlock(element);
      if (element.matches('pre')) return codeBlock(element);
      if (element instanceof HTMLTableElement) return tableBlock(element);
      if (element.matches('svg.venn')) return vennBlocks(element as SVGSVGElement);
      if (element.matches(PICTURES)) {
        const image = element.matches('picture') ? element.querySelector('img') : element;
        const title = image instanceof SVGSVGElement ? image.querySelector(':scope > title')?.textContent : undefined;
        const box = boxOf(element);
        // Drawn in a box of its own shape, the file shows whole and unstretched, whatever `object-fit` says.
        const sameShape =
          image instanceof HTMLImageElement &&
          image.naturalHeight > 0 &&
          getComputedStyle(image).objectFit !== 'none' &&
          Math.abs(image.naturalWidth / image.naturalHeight / (box.w / Math.max(1, box.h)) - 1) < 0.01;
        blocks.push({
          kind: 'picture',
          box,
          src: image instanceof HTMLImageElement ? image.currentSrc || image.src : '',
          alt: image?.getAttribute('alt') ?? image?.getAttribute('aria-label') ?? title ?? '',
          loaded: !(image instanceof HTMLImageElement) || (image.complete && image.naturalWidth > 0),
          whole: sameShape,
        });
        return;
      }
      // A block of text (text of its own, or only inline children) is one text box, and the
      // pictures in it are pictures; any other block is the blocks it holds.
      const inlineOnly = [...element.children].every((child) => isInline(child) && !child.matches(PICTURES));
      const hasText = [...element.childNodes].some(
        (node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '',
      );
      if (element !== section && (inlineOnly || hasText)) {
        textBlock(element, element.closest('blockquote') ? 'quote' : 'body');
        innerBlocks(element);
        return;
      }
      for (const child of element.children) visit(child);
    };
    for (const child of section.children) visit(child);

    const notes = section.querySelector('aside.notes');
    if (notes) slide.notes = notesText(notes);
    return slide;
  });
}
