// YAML front matter between two `---` lines at the very top of the file.

import { createRequire } from 'node:module';
import type safeRegex from 'safe-regex';
import { isMap, isScalar, LineCounter, type Node, type Pair, parseDocument, visit } from 'yaml';
import type { DeckMeta, Diagnostic, SourcePosition, Variant } from '../model.js';
import { closestName, quoted } from '../wording.js';

export interface FrontMatter {
  /** The validated keys; absent keys are left out. */
  values: Partial<DeckMeta>;
  /** Index of the first line after the front matter (0 when there is none). */
  bodyStartIndex: number;
  /** Line of each key, for diagnostics about its value found later. */
  keyLines: Partial<Record<keyof DeckMeta, number>>;
  diagnostics: Diagnostic[];
}

type Check = (value: unknown) => string | undefined;

const isString: Check = (v) => (typeof v === 'string' ? undefined : 'must be text');
const isOptionsMap: Check = (v) =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? undefined : 'must be a map of reveal.js options';
// Loaded on first use: only decks with their own separators need it.
const require = createRequire(import.meta.url);

/**
 * A separator is a regular expression, as reveal.js's `data-separator` attributes are. It runs over
 * the whole deck, so one that can take exponential time on some text (a repeated group that itself
 * repeats, as in `(a+)+`) is refused: a deck would build, or hang, by what its text happens to be.
 */
const isPattern: Check = (v) => {
  if (typeof v !== 'string') return 'must be a regular expression written as text';
  try {
    if (new RegExp(v, 'm').test('')) return 'must not match empty text';
  } catch (error) {
    return `is not a valid regular expression (${error instanceof Error ? error.message : error})`;
  }
  const isSafe = require('safe-regex') as typeof safeRegex;
  return isSafe(v)
    ? undefined
    : 'could take very long on some text (a repeated group that repeats inside, as in (a+)+); write it without nested repetition';
};

/**
 * A talk's length in minutes: a number, or text such as `90 min`, `2 hours`, `1h30`, `1:30`.
 * Undefined when it is none of those, or not more than zero.
 */
export function minutesOf(value: unknown): number | undefined {
  let minutes: number | undefined;
  if (typeof value === 'number') minutes = value;
  else if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    const clock = /^(\d+):([0-5]\d)$/.exec(text);
    const parts = /^(?:(\d+(?:\.\d+)?)\s*(?:h|hrs?|hours?))?\s*(?:(\d+(?:\.\d+)?)\s*(?:m|mins?|minutes?)?)?$/.exec(
      text,
    );
    if (clock) minutes = Number(clock[1]) * 60 + Number(clock[2]);
    else if (parts && (parts[1] || parts[2])) minutes = Number(parts[1] ?? 0) * 60 + Number(parts[2] ?? 0);
  }
  return minutes !== undefined && Number.isFinite(minutes) && minutes > 0 ? minutes : undefined;
}

/** Our keys, and the reveal-md keys we honour with the same meaning. */
const KEYS: Record<keyof FrontMatterValues, Check> = {
  title: (v) => isString(v) ?? ((v as string).trim() ? undefined : 'must not be empty'),
  author: isString,
  date: isString,
  description: isString,
  theme: isString,
  highlightTheme: isString,
  css: (v) =>
    typeof v === 'string' || (Array.isArray(v) && v.every((item) => typeof item === 'string'))
      ? undefined
      : 'must be a stylesheet path or a list of them',
  lang: (v) =>
    isString(v) ??
    (/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(v as string) ? undefined : 'must be a language tag such as en or pt-BR'),
  duration: (v) =>
    minutesOf(v) === undefined
      ? 'must be a number of minutes, or a length such as "90 min", "2 hours" or "1:30"'
      : undefined,
  html: (v) => (typeof v === 'boolean' ? undefined : 'must be true or false'),
  reveal: isOptionsMap,
  revealOptions: isOptionsMap,
  separator: isPattern,
  verticalSeparator: isPattern,
  notesSeparator: isPattern,
  // Read with its positions by readVariants below.
  variants: () => undefined,
};

/** The keys as front matter has them: `revealOptions` is reveal-md's name for `reveal`. */
type FrontMatterValues = Omit<DeckMeta, 'reveal' | 'variant'> & {
  reveal: DeckMeta['reveal'];
  revealOptions: DeckMeta['reveal'];
};

/** reveal-md keys that do something we will not do in a deck, and why. */
const NOT_RUN: Record<string, string> = {
  scripts: 'a deck runs no scripts of its own',
  preprocessor: 'a deck runs no code of its own',
  template: 'the page is the toolkit’s own',
  listingTemplate: 'the index page is the toolkit’s own',
  static: 'use deck build',
  staticDirs: 'files the slides refer to are copied by deck build, and public/ is copied whole',
  assetsDir: 'deck build places files itself',
  absoluteUrl: 'a built deck works from any address',
  featuredSlide: 'deck build makes no preview image',
  print: 'use deck pdf',
  printSize: 'deck pdf prints at the slide size',
  watch: 'deck dev reloads on save',
  port: 'use deck dev --port',
  host: 'use deck dev --host',
  disableAutoOpen: 'deck dev does not open a browser',
  glob: 'name the decks on the command line',
  puppeteerLaunchArgs: 'deck pdf uses the installed Chrome or Chromium',
  puppeteerChromiumExecutable: 'set CHROME_PATH instead',
};

/** reveal.js options, which belong under `reveal:` (reveal-md ignores them at the top level too). */
const REVEAL_OPTIONS = new Set(
  (
    'width height margin minScale maxScale controls controlsTutorial controlsLayout controlsBackArrows progress ' +
    'slideNumber showSlideNumber hashOneBasedIndex hash respondToHashChanges jumpToSlide history keyboard ' +
    'keyboardCondition disableLayout overview center touch loop rtl navigationMode shuffle fragments ' +
    'fragmentInURL embedded help pause showNotes showHiddenSlides autoPlayMedia preloadIframes ' +
    'preventIframeAutoFocus autoAnimate autoAnimateMatcher autoAnimateEasing autoAnimateDuration ' +
    'autoAnimateUnmatched autoAnimateStyles autoSlide autoSlideStoppable autoSlideMethod defaultTiming mouseWheel ' +
    'previewLinks postMessage postMessageEvents focusBodyOnPageVisibilityChange transition transitionSpeed ' +
    'backgroundTransition parallaxBackgroundImage parallaxBackgroundSize parallaxBackgroundRepeat ' +
    'parallaxBackgroundPosition parallaxBackgroundHorizontal parallaxBackgroundVertical view scrollLayout ' +
    'scrollSnap scrollProgress scrollActivationWidth pdfMaxPagesPerSlide pdfSeparateFragments pdfPageHeightOffset ' +
    'viewDistance mobileViewDistance display hideInactiveCursor hideCursorTime sortFragmentsOnSync'
  ).split(' '),
);

/** What to tell the author about a key we do not use; undefined for a key we use. */
function unusedKeyProblem(key: string): { severity: 'error' | 'warning'; message: string } | undefined {
  if (Object.hasOwn(KEYS, key)) return undefined;
  const reason = Object.hasOwn(NOT_RUN, key) ? NOT_RUN[key] : undefined;
  if (reason)
    return { severity: 'warning', message: `front matter "${quoted(key)}" (reveal-md) is ignored: ${reason}` };
  if (REVEAL_OPTIONS.has(key)) {
    return {
      severity: 'warning',
      message: `front matter "${quoted(key)}" is a reveal.js option and is ignored here: put it under "reveal:"`,
    };
  }
  const near = closestName(key, [...Object.keys(KEYS), ...REVEAL_OPTIONS]);
  const hint = near ? `did you mean "${near}"? ` : '';
  return {
    severity: 'error',
    message: `unknown front matter key "${quoted(key)}"; ${hint}known keys: ${Object.keys(KEYS).join(', ')}`,
  };
}

/** The line that opens front matter, and the lines that may close it. */
export const FRONT_MATTER_OPENER = /^---\s*$/;
export const FRONT_MATTER_CLOSER = /^(?:---|\.\.\.)\s*$/;

export function parseFrontMatter(lines: readonly string[], file: string): FrontMatter {
  const diagnostics: Diagnostic[] = [];
  const error = (message: string, line: number, column = 1) =>
    diagnostics.push({ severity: 'error', message, file, line, column });

  if (lines.length === 0 || !FRONT_MATTER_OPENER.test(lines[0] ?? '')) {
    return { values: {}, bodyStartIndex: 0, keyLines: {}, diagnostics };
  }
  let closeIndex = lines.findIndex((line, i) => i > 0 && FRONT_MATTER_CLOSER.test(line));
  // A slide heading after a blank line, with no YAML key after it, is Markdown: the closing "---"
  // was forgotten and a later slide separator closed the front matter instead. (A YAML comment
  // line is followed by more keys.)
  const end = closeIndex < 0 ? lines.length : closeIndex;
  let lastKey = 0;
  for (let i = 1; i < end; i++) if (/^\s*[\w.-]+\s*:/.test(lines[i] ?? '')) lastKey = i;
  const strayHeading = lines.findIndex(
    (line, i) => i > Math.max(1, lastKey) && i < end && /^#{1,6}\s+\S/.test(line) && (lines[i - 1] ?? '').trim() === '',
  );
  if (strayHeading > 0) {
    error(
      `front matter is not closed: add a line "---" before line ${strayHeading + 1}, which looks like slide content`,
      1,
    );
    closeIndex = strayHeading - 1;
  } else if (closeIndex < 0) {
    error('front matter is not closed: add a line "---" after it', 1);
    return { values: {}, bodyStartIndex: lines.length, keyLines: {}, diagnostics };
  }

  const yamlText = lines.slice(1, closeIndex).join('\n');
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // Front matter text starts on the file's second line.
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + 1, column: col };
  };
  // The first YAML error is the one to fix; the others usually follow from it.
  const problem = document.errors[0];
  if (problem) {
    const { line, col } = lineCounter.linePos(problem.pos[0]);
    const explained = explainYamlError(lines.slice(1, closeIndex), problem.code, line - 1, col - 1, problem.message);
    error(`invalid YAML in front matter: ${explained.message}`, explained.index + 2, explained.column + 1);
  }
  if (document.errors.length > 0) return { values: {}, bodyStartIndex: closeIndex + 1, keyLines: {}, diagnostics };
  // An alias (`*name`) stands for a value written elsewhere: front matter says each value where it
  // applies, so a reader (and the checks below) see what the deck gets.
  let aliases = 0;
  visit(document, {
    Alias(_, node) {
      const { line, column } = at(rangeStart(node));
      error('YAML aliases (*name) are not used in front matter; write the value out', line, column);
      aliases += 1;
    },
  });
  if (aliases > 0) return { values: {}, bodyStartIndex: closeIndex + 1, keyLines: {}, diagnostics };

  const values: Record<string, unknown> = {};
  const keyLines: Partial<Record<keyof DeckMeta, number>> = {};
  const contents = document.contents;
  if (contents !== null && !isMap(contents)) {
    const { line, column } = at(rangeStart(contents));
    error('front matter must be a map of keys such as title: and author:', line, column);
  } else if (contents) {
    for (const pair of contents.items as Pair<Node, Node>[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const keyPos = at(rangeStart(pair.key));
      const unused = unusedKeyProblem(key);
      if (unused) {
        diagnostics.push({ ...unused, file, line: keyPos.line, column: keyPos.column });
        continue;
      }
      const check = KEYS[key as keyof FrontMatterValues];
      const value = pair.value ? pair.value.toJSON() : null;
      const problem = check(value);
      if (problem) {
        const valuePos = pair.value ? at(rangeStart(pair.value)) : keyPos;
        error(`front matter "${key}" ${problem}`, valuePos.line, valuePos.column);
        continue;
      }
      if (key === 'variants') {
        const read = readVariants(pair.value, at, keyPos);
        for (const found of read.problems) error(found.message, found.line, found.column);
        // The variants named well are kept, so slides marked for them are not reported as well.
        if (read.variants.length > 0) {
          values.variants = read.variants;
          keyLines.variants = keyPos.line;
        }
        continue;
      }
      if ((key === 'reveal' || key === 'revealOptions') && pair.value) {
        const loading = codeLoadingOptions(pair.value);
        for (const found of loading) error(found.message, at(found.offset).line, at(found.offset).column);
        if (loading.length > 0) continue;
      }
      // One stylesheet or a list of them: always a list in the model. reveal-md's revealOptions
      // is our reveal; where both are given, reveal wins.
      if (key === 'css' && typeof value === 'string') values.css = [value];
      else if (key === 'duration') values.duration = minutesOf(value);
      else if (key === 'revealOptions') values.reveal = { ...(value as object), ...(values.reveal as object) };
      else if (key === 'reveal') values.reveal = { ...(values.reveal as object), ...(value as object) };
      else values[key] = value;
      const modelKey = (key === 'revealOptions' ? 'reveal' : key) as keyof DeckMeta;
      keyLines[modelKey] ??= keyPos.line;
    }
  }
  return { values: values as Partial<DeckMeta>, bodyStartIndex: closeIndex + 1, keyLines, diagnostics };
}

/** A variant name becomes part of a folder name: letters, digits, `-` and `_`. */
const VARIANT_NAME = /^[a-z0-9][a-z0-9_-]*$/i;
const VARIANT_KEYS = ['duration', 'title'];

/**
 * `variants:` — a map of names, each to a map of its own `duration` (and `title`), or to nothing
 * (the deck's). Every problem is reported at the name or value it is about.
 */
function readVariants(
  node: Node | null,
  at: (offset: number) => SourcePosition,
  keyPos: SourcePosition,
): { variants: Variant[]; problems: (SourcePosition & { message: string })[] } {
  const problems: (SourcePosition & { message: string })[] = [];
  const problem = (message: string, where: SourcePosition) => problems.push({ message, ...where });
  const variants: Variant[] = [];
  if (!isMap(node) || node.items.length === 0) {
    problem(
      'front matter "variants" must map each variant\'s name to its duration, e.g. variants: {short: {duration: 20}, full: {duration: 45}}',
      node ? at(rangeStart(node)) : keyPos,
    );
    return { variants, problems };
  }
  for (const pair of node.items as Pair<Node, Node | null>[]) {
    const name = isScalar(pair.key) ? String(pair.key.value) : '';
    const namePos = at(rangeStart(pair.key));
    if (!VARIANT_NAME.test(name)) {
      problem(
        `variant name "${quoted(name)}" must be letters, digits, "-" and "_" (it becomes part of a folder name)`,
        namePos,
      );
      continue;
    }
    const variant: Variant = { name, line: namePos.line, column: namePos.column };
    const value = pair.value;
    if (value !== null && !(isScalar(value) && value.value === null)) {
      if (!isMap(value))
        problem(`variant "${name}" must be a map such as {duration: 20, title: "…"}`, at(rangeStart(value)));
      for (const entry of (isMap(value) ? value.items : []) as Pair<Node, Node | null>[]) {
        const key = isScalar(entry.key) ? String(entry.key.value) : '';
        const keyAt = at(rangeStart(entry.key));
        const valueAt = entry.value ? at(rangeStart(entry.value)) : keyAt;
        const written = entry.value ? entry.value.toJSON() : null;
        if (key === 'duration') {
          const minutes = minutesOf(written);
          if (minutes === undefined) {
            problem(
              `variant "${name}" duration must be a number of minutes, or a length such as "90 min", "2 hours" or "1:30"`,
              valueAt,
            );
          } else {
            variant.duration = minutes;
            variant.durationLine = keyAt.line;
          }
        } else if (key === 'title') {
          if (typeof written !== 'string' || written.trim() === '') {
            problem(`variant "${name}" title must be text`, valueAt);
          } else {
            variant.title = written;
          }
        } else {
          const near = closestName(key, VARIANT_KEYS);
          problem(
            `unknown key "${quoted(key)}" in variant "${name}"; ${near ? `did you mean "${near}"? ` : ''}a variant has ${VARIANT_KEYS.join(' and ')}`,
            keyAt,
          );
        }
      }
    }
    if (variants.some((other) => other.name.toLowerCase() === name.toLowerCase())) {
      problem(`variant "${name}" is named twice`, namePos);
      continue;
    }
    variants.push(variant);
  }
  return { variants, problems };
}

/** reveal.js options that load code into the page: plugins, and scripts they would fetch. */
const LOADS_CODE = new Set(['dependencies', 'plugins']);
/** A value that names a script: a .js or .mjs file, or a script URL. */
const NAMES_A_SCRIPT = /\.m?js(?:[?#]|$)|^\s*(?:java|vb)script\s*:/i;

/**
 * Options under `reveal:` that would load code into the deck: a deck runs no script of its own
 * (it would run in every built deck and in the dev server). Each is a problem at its place.
 */
function codeLoadingOptions(node: Node): { message: string; offset: number }[] {
  const found: { message: string; offset: number }[] = [];
  visit(node, {
    Pair(_, pair) {
      const name = isScalar(pair.key) ? String(pair.key.value) : '';
      if (LOADS_CODE.has(name)) {
        found.push({
          message: `reveal.js option "${name}" loads code into the deck; a deck runs no scripts of its own`,
          offset: rangeStart(pair.key as Node),
        });
        return visit.SKIP;
      }
      return undefined;
    },
    Scalar(_, scalar) {
      if (typeof scalar.value === 'string' && NAMES_A_SCRIPT.test(scalar.value)) {
        found.push({
          message: `reveal.js option value "${quoted(scalar.value)}" names a script; a deck runs no scripts of its own`,
          offset: rangeStart(scalar),
        });
      }
    },
  });
  return found;
}

function rangeStart(node: Node | null | undefined): number {
  return node?.range?.[0] ?? 0;
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message;
}

const KEY_VALUE = /^(\s*)([\w.-]+):[ \t]+(.*)$/;

/**
 * Says what a YAML error means for the usual front matter mistakes (a title with a colon or a
 * leading bracket, a line indented too far, a list never closed, a tab), and where to look.
 * `index` and `column` are 0-based within the YAML lines.
 */
function explainYamlError(
  yaml: readonly string[],
  code: string,
  index: number,
  column: number,
  message: string,
): { index: number; column: number; message: string } {
  const entry = KEY_VALUE.exec(yaml[index] ?? '');
  if (entry) {
    const [, indent = '', key = '', value = ''] = entry;
    const valueColumn =
      indent.length + key.length + 1 + (entry[0].length - indent.length - key.length - 1 - value.length);
    const opener = value[0];
    if ((opener === '[' || opener === '{') && code === 'UNEXPECTED_TOKEN') {
      const kind = opener === '[' ? 'a list' : 'a map';
      return {
        index,
        column: valueColumn,
        message: `a value that starts with "${opener}" is read as ${kind}; put the whole ${key} in quotes`,
      };
    }
    if (/:\s/.test(value) && !/^["']/.test(value)) {
      return { index, column: valueColumn, message: 'a value that contains ": " must be put in quotes' };
    }
    const next = KEY_VALUE.exec(yaml[index + 1] ?? '') ?? /^(\s*)([\w.-]+):\s*$/.exec(yaml[index + 1] ?? '');
    if (next && (next[1] ?? '').length > indent.length) {
      return {
        index: index + 1,
        column: (next[1] ?? '').length,
        message: `"${next[2]}:" is indented more than the key above it`,
      };
    }
  }
  if (code === 'BAD_INDENT' || code === 'MISSING_CHAR') {
    // An unclosed flow list or map is reported where YAML gave up, often lines later.
    for (let i = Math.min(index, yaml.length - 1); i >= 0; i--) {
      const line = yaml[i] ?? '';
      for (const [open, close] of [
        ['[', ']'],
        ['{', '}'],
      ] as const) {
        const at = line.indexOf(open);
        if (at >= 0 && line.split(open).length > line.split(close).length) {
          return { index: i, column: at, message: `this "${open}" is never closed with "${close}"` };
        }
      }
    }
  }
  if (code === 'TAB_AS_INDENT') return { index, column, message: 'tabs cannot indent YAML; use spaces' };
  return { index, column, message: firstLine(message) };
}
