// Types that cross module lines. Lines and columns are 1-based, as editors show them.

import type { Token } from 'markdown-it';
import type { SourceMap } from './source-map.js';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
}

export interface SourcePosition {
  line: number;
  column: number;
}

export interface SourceSpan {
  file: string;
  /** The line of the slide's first content (or, for an empty slide, the line after its separator). */
  startLine: number;
}

/** Attribute name → value, in the order the author wrote them. */
export type Attributes = Record<string, string>;

/** A block of Markdown cut out of the source, with the source line its first line came from. */
export interface Slide {
  /** Position in reading order, 0-based. */
  index: number;
  /** reveal.js horizontal and vertical indices. */
  h: number;
  v: number;
  span: SourceSpan;
  /** From `<!-- .slide: … -->` comments, already validated. */
  attributes: Attributes;
  /** Where each of those attributes was written. */
  attributePositions: Record<string, SourcePosition>;
  /** The slide's tokens as markdown-it read them, its speaker notes' and its text for the participants' handout. */
  body: Token[];
  notes?: Token[];
  handout?: Token[];
}

/** A version of the talk for a given length: its slides are the deck's, less those marked for other variants. */
export interface Variant {
  /** As written in `variants:`; the build puts it in `<out>/<deck>-<name>/`. */
  name: string;
  /** Minutes; the deck's own duration when not given. */
  duration?: number;
  /** Its title; the deck's when not given. */
  title?: string;
  /** Where its name is in the front matter, and the line of its duration when given. */
  line: number;
  column: number;
  durationLine?: number;
}

export interface DeckMeta {
  title: string;
  author?: string;
  date?: string;
  lang: string;
  description?: string;
  /** Planned length of the talk in minutes. */
  duration?: number;
  /** `default`, a reveal.js theme name (`black`, `white`, …), or a CSS file next to the deck. */
  theme?: string;
  /** A highlight.js theme name for code blocks (reveal-md's `highlightTheme`). */
  highlightTheme?: string;
  /** Stylesheets next to the deck, loaded after the theme (reveal-md's `css`). */
  css?: string[];
  /** Allows raw HTML in slides; it is sanitized either way. */
  html: boolean;
  /** Options passed to `Reveal.initialize` (reveal-md's `revealOptions`). */
  reveal: Record<string, unknown>;
  /** Regular expressions that start a slide, a vertical slide and the notes, as in reveal.js. */
  separator?: string;
  verticalSeparator?: string;
  notesSeparator?: string;
  /** The versions of the talk by length, in the order written (`variants:`). */
  variants?: Variant[];
  /** The variant this deck was made for (parse/variants.ts selectVariant). */
  variant?: string;
}

export interface Deck {
  file: string;
  meta: DeckMeta;
  /** Source line of each front matter key the author wrote. */
  metaLines: Partial<Record<keyof DeckMeta, number>>;
  slides: Slide[];
  /** Local files the slides refer to, found while reading them. */
  assets: AssetReference[];
  /** Diagnostics at their own file and line (source-map.ts); everything else in lines of the deck's text. */
  diagnostics: Diagnostic[];
  /** Where each line of the deck's text was written, when it has includes. */
  sourceMap?: SourceMap;
}

/** A local file a slide refers to: where the author wrote it and where the build puts it. */
export interface AssetReference {
  /** The URL as written, relative to the deck file. */
  source: string;
  /** Path inside the deck's output folder. */
  output: string;
  line: number;
  column: number;
}

export interface RenderedSlide {
  index: number;
  h: number;
  v: number;
  line: number;
  hasNotes: boolean;
  /** Its text for the participants' handout (`Handout:`), as sanitized HTML; never in the deck's page. */
  handoutHtml?: string;
  /** Seconds planned for this slide, when the deck has a duration or the slide sets data-timing. */
  timing?: number;
  /** The text of the slide's first heading ('' without one). */
  title: string;
  /** The speaker notes as HTML, sanitized ('' without notes). */
  notesHtml: string;
  /** How many fragment steps the slide has, counted as reveal.js counts them. */
  fragments: number;
  /** Seconds of the slide's countdown (`data-countdown`), shown to the room by `deck present`. */
  countdown?: number;
}

export interface RenderedDeck {
  file: string;
  meta: DeckMeta;
  metaLines: Partial<Record<keyof DeckMeta, number>>;
  /** The `<section>` elements that go inside `.reveal .slides`. */
  sectionsHtml: string;
  /**
   * The toolkit's stylesheets the deck uses, in load order (its theme, and code highlighting when
   * it has code blocks), as paths in the runtime bundle; the build copies them with their fonts.
   */
  toolkitStyles: string[];
  /** Stylesheets of the deck's own (a theme file, `css:`), as URLs relative to the deck's page, loaded last. */
  styles: string[];
  revealConfig: Record<string, unknown>;
  slides: RenderedSlide[];
  assets: AssetReference[];
  diagnostics: Diagnostic[];
  sourceMap?: SourceMap;
}

/** A rendered deck with where it came from: what every command takes. */
export interface CompiledDeck {
  /** Folder name in the output: the file's name without `.md`. */
  name: string;
  /** Absolute path of the deck file. */
  path: string;
  rendered: RenderedDeck;
  /** Absolute paths of the files it includes (compile/includes.ts), found or looked for. */
  included: string[];
  /** The variant of the deck this is, when it has variants (parse/variants.ts). */
  variant?: string;
}

/** Where a project's files are, as absolute paths. Built once by the CLI and passed down. */
export interface Project {
  /** The folder commands run in: deck paths are shown relative to it, and decks may use its files. */
  root: string;
  /** Where `deck build` and `deck check` find decks when none is named. */
  slidesDir: string;
  /** Copied as is into every built deck's folder, when it exists. */
  publicDir: string;
}

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean =>
  diagnostics.some((d) => d.severity === 'error');

export const formatDiagnostic = (d: Diagnostic): string =>
  `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`;
