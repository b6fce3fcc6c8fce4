// Code blocks as reveal.js shows them, highlighted at build time: the markup of reveal.js's
// highlight plugin (so reveal.js's themes and its CSS for code apply), with no script in the page.
//
//   ```js [1|2-3]        line numbers; line 1 highlighted, then lines 2 to 3 as the next step
//   ```js [5: 1-2|3]     the same, numbered from 5
//   ```js []             line numbers only
//   ```js data-trim data-line-numbers="2,4" data-fragment-index="1"
//
// Each highlight step after the first is a copy of the code made a fragment, as the plugin makes
// in the browser, so the steps work on screen and print one page each with `deck pdf --fragments`.
// Attributes set on the block (`<!-- .element: … -->` on the next line) land on the <pre>.

import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { escapeHtml } from '../escape.js';
import type { Attributes } from '../model.js';
import { quoted } from '../wording.js';
import { mergeAttributes, parseAttributeList } from './attribute-list.js';
import { envOf, type MarkdownEnv, report } from './env.js';
import { highlightCode } from './highlight.js';

/** Lines `start` to `end` (1-based, counted from the block's first line whatever its numbering). */
interface LineRange {
  start: number;
  end: number;
}

/** One highlight step: the ranges lit together. An empty step lights nothing. */
type Step = LineRange[];

interface CodeOptions {
  language: string;
  /** Words of the info string after the language that are not attributes. */
  classes: string[];
  /** Steps given (`[…]` or data-line-numbers): the block shows line numbers. */
  steps?: Step[];
  /** Where the steps were written, to point at them. */
  stepsText?: string;
  startFrom: number;
  fragmentIndex?: number;
  trim: boolean;
  /** The rest of the fence's attributes, for the <pre>. */
  attributes: Attributes;
}

const BRACKETS = /\[([^\]]*)\]/;
const START_AND_STEPS = /^\s*(?:(\d+)\s*:)?([\s\d,|-]*)$/;
/** Attributes that configure the code rather than the <pre>, wherever they are written. */
const CODE_ATTRIBUTES = ['data-line-numbers', 'data-ln-start-from', 'data-trim', 'data-noescape'];

type Problem = (message: string, needle?: string) => void;

/** Lines of code all of a block's highlight steps may show together (steps × lines). */
const MAX_STEP_LINES = 20_000;

/**
 * `1|2-3,5` into steps; undefined (after reporting at `written`, the steps as the author wrote
 * them) when it is not line numbers and ranges.
 */
function parseSteps(text: string, written: string, problem: Problem): Step[] | undefined {
  const steps: Step[] = [];
  for (const stepText of text.replace(/\s+/g, '').split('|')) {
    const step: Step = [];
    for (const item of stepText === '' ? [] : stepText.split(',')) {
      const match = /^(\d+)(?:-(\d+))?$/.exec(item);
      if (!match) {
        problem(`line highlights must be line numbers and ranges such as [1|2-3], not "${quoted(text)}"`, written);
        return undefined;
      }
      const start = Number(match[1]);
      const end = match[2] === undefined ? start : Number(match[2]);
      if (start < 1) {
        problem(`line highlights count lines from 1, not from ${start}`, written);
        return undefined;
      }
      if (end < start) {
        problem(`line range ${item} runs backwards; write ${end}-${start}`, written);
        return undefined;
      }
      step.push({ start, end });
    }
    steps.push(step);
  }
  return steps;
}

/** Reads a fence's info string: language, `[start: steps]`, then attributes. */
function parseInfo(info: string, problem: Problem): CodeOptions {
  const options: CodeOptions = { language: '', classes: [], startFrom: 1, trim: false, attributes: {} };
  let rest = info;
  const brackets = BRACKETS.exec(info);
  if (brackets) {
    rest = `${info.slice(0, brackets.index)} ${info.slice(brackets.index + brackets[0].length)}`;
    const parts = START_AND_STEPS.exec(brackets[1] ?? '');
    if (!parts) {
      problem(
        `line highlights must be line numbers and ranges such as [1|2-3] or [5: 1-2|3], not "${quoted(brackets[0])}"`,
        brackets[0],
      );
    } else {
      if (parts[1] !== undefined) options.startFrom = Number(parts[1]);
      options.steps = parseSteps(parts[2] ?? '', brackets[0], problem);
      options.stepsText = brackets[0];
    }
  }
  const words = rest.trim();
  const language = /^[^\s=]+(?=\s|$)/.exec(words)?.[0];
  const afterLanguage = language && !language.startsWith('data-') ? words.slice(language.length) : words;
  if (language && !language.startsWith('data-')) options.language = language;
  // Other bare words (`scala mdoc`) are the author's tool's business: classes on <code>, as
  // reveal.js's Markdown plugin has them. Attributes are `name=value` and `data-` flags.
  const attributeText = afterLanguage.replace(
    /(^|\s)((?!data-)[^\s="']+)(?=\s|$)/g,
    (_, space: string, word: string) => {
      options.classes.push(word);
      return space;
    },
  );
  const parsed = parseAttributeList(attributeText);
  for (const found of parsed.problems) problem(`code block: ${found.message}`, attributeText.trim() || undefined);
  applyCodeAttributes(options, parsed.attributes, problem, true);
  mergeAttributes(options.attributes, parsed.attributes);
  return options;
}

/**
 * Moves the attributes that configure the code out of `attributes` into `options`. A fragment
 * index in the fence's info numbers the steps; after the block, it belongs to the <pre>.
 */
function applyCodeAttributes(options: CodeOptions, attributes: Attributes, problem: Problem, inInfo: boolean): void {
  const lineNumbers = attributes['data-line-numbers'];
  if (lineNumbers !== undefined) {
    if (options.steps) problem('line highlights are given twice, in [ ] and in data-line-numbers; keep one');
    else {
      options.steps = parseSteps(lineNumbers, lineNumbers, problem);
      options.stepsText = lineNumbers;
    }
  }
  const startFrom = attributes['data-ln-start-from'];
  if (startFrom !== undefined) {
    if (/^\d+$/.test(startFrom)) options.startFrom = Number(startFrom);
    else problem(`data-ln-start-from must be a line number, not "${quoted(startFrom)}"`, startFrom);
  }
  const fragmentIndex = attributes['data-fragment-index'];
  if (inInfo && fragmentIndex !== undefined) {
    if (/^\d+$/.test(fragmentIndex)) options.fragmentIndex = Number(fragmentIndex);
    else problem(`data-fragment-index must be a number, not "${quoted(fragmentIndex)}"`, fragmentIndex);
    delete attributes['data-fragment-index'];
  }
  if (attributes['data-trim'] !== undefined) options.trim = true;
  // data-noescape lets reveal.js's plugin read HTML inside a <code> written as HTML. A fence holds
  // text, shown as written either way: nothing to do.
  for (const name of CODE_ATTRIBUTES) delete attributes[name];
}

/** Drops blank lines around the code and the indentation all its lines share (reveal.js's data-trim). */
function trimCode(code: string): string {
  const all = code.split('\n');
  const isBlank = (line: string) => line.trim() === '';
  const first = all.findIndex((line) => !isBlank(line));
  if (first < 0) return '';
  let last = all.length - 1;
  while (isBlank(all[last]!)) last--;
  const lines = all.slice(first, last + 1);
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^[ \t]*/.exec(line)![0].length);
  const common = indents.length > 0 ? indents.reduce((a, b) => Math.min(a, b)) : 0;
  return lines.map((line) => line.slice(common)).join('\n');
}

const renderAttributes = (attributes: Attributes): string =>
  Object.entries(attributes)
    .map(([name, value]) => (value === '' && name.startsWith('data-') ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`))
    .join('');

const serializeStep = (step: Step): string =>
  step.map(({ start, end }) => (start === end ? `${start}` : `${start}-${end}`)).join(',');

/**
 * Which of `count` lines a step lights, by 1-based line: marks where each range begins and ends,
 * then one pass, so the cost is ranges plus lines, however many ranges overlap.
 */
function litLines(step: Step, count: number): boolean[] {
  const change = new Int32Array(count + 2);
  for (const { start, end } of step) {
    if (start > count) continue;
    change[start]! += 1;
    change[Math.min(end, count) + 1]! -= 1;
  }
  const lit = new Array<boolean>(count + 1).fill(false);
  let depth = 0;
  for (let row = 1; row <= count; row++) {
    depth += change[row]!;
    lit[row] = depth > 0;
  }
  return lit;
}

/** The lines of a step as a table with line numbers, reveal.js's markup for them. */
function numberedLines(lines: readonly string[], startFrom: number, step: Step): string {
  const lit = litLines(step, lines.length);
  const rows = lines.map((line, i) => {
    const number = startFrom + i;
    return (
      `<tr${lit[i + 1] ? ' class="highlight-line"' : ''}>` +
      `<td class="hljs-ln-line hljs-ln-numbers" data-line-number="${number}"><div class="hljs-ln-n" data-line-number="${number}"></div></td>` +
      `<td class="hljs-ln-line hljs-ln-code" data-line-number="${number}">${line === '' ? ' ' : line}</td></tr>`
    );
  });
  return `<table class="hljs-ln"><tbody>${rows.join('')}</tbody></table>`;
}

/** What a code block shows, worked out when the deck is read: its lines, highlighted, and its steps. */
interface CodeBlock {
  options: CodeOptions;
  lines: string[];
  classes: string[];
}

/**
 * Reads a code block: its info string, the attributes an element comment gave it (those that
 * configure the code are taken; the rest stay on the token, for the <pre>), and its highlighted
 * lines. Problems are reported at the block's line.
 */
function readCode(token: Token, info: string, env: MarkdownEnv): CodeBlock {
  const line = token.map?.[0] ?? 0;
  const problem: Problem = (message, needle) => report(env, 'error', message, line, needle);
  const options = parseInfo(info, problem);
  const fromComment: Attributes = Object.fromEntries((token.attrs ?? []).map(([name, value]) => [name, String(value)]));
  applyCodeAttributes(options, fromComment, problem, false);
  const preAttributes: Attributes = { class: 'code-wrapper' };
  mergeAttributes(preAttributes, options.attributes);
  mergeAttributes(preAttributes, fromComment);
  token.attrs = Object.entries(preAttributes);

  let code = token.content.endsWith('\n') ? token.content.slice(0, -1) : token.content;
  if (options.trim) code = trimCode(code);
  const highlighted = highlightCode(code, options.language);
  if (highlighted.unknownLanguage) {
    report(
      env,
      'warning',
      `code block language "${quoted(options.language)}" is not one highlight.js knows; the code is shown unhighlighted`,
      line,
      options.language,
    );
  }
  // A range may run past the end (`[1-100]` for "all of it"), as in reveal.js; a step that starts
  // past the end lights nothing, which is worth a word.
  const past = options.steps?.flat().find(({ start }) => start > highlighted.lines.length);
  if (past) {
    const count = highlighted.lines.length;
    report(
      env,
      'warning',
      `line ${past.start} is past the end of the code block, which has ${count} line${count === 1 ? '' : 's'}`,
      line,
      options.stepsText,
    );
  }
  // Each step is a copy of the code: a few steps over a long block, or many over a short one, is
  // fine; thousands over thousands of lines would write a page no browser can show.
  const copies = (options.steps?.length ?? 0) * highlighted.lines.length;
  if (options.steps && copies > MAX_STEP_LINES) {
    report(
      env,
      'error',
      `${options.steps.length} highlight steps over ${highlighted.lines.length} lines would show ${copies} lines of code (each step is a copy of the block); use at most ${MAX_STEP_LINES} in all: fewer steps, or split the block`,
      line,
      options.stepsText,
    );
    options.steps = options.steps.slice(0, 1);
  }
  const classes = ['hljs', ...(options.language ? [`language-${options.language}`] : []), ...options.classes];
  return { options, lines: highlighted.lines, classes };
}

function renderCode(token: Token, block: CodeBlock): string {
  const { options, lines, classes } = block;
  const preAttributes: Attributes = Object.fromEntries(
    (token.attrs ?? []).map(([name, value]) => [name, String(value)]),
  );
  let codeElements: string;
  if (!options.steps) {
    codeElements = `<code class="${escapeHtml(classes.join(' '))}">${lines.join('\n')}</code>`;
  } else {
    codeElements = options.steps
      .map((step, i) => {
        const attributes: Attributes = {
          class: [...classes, ...(i > 0 ? ['fragment'] : []), ...(step.length > 0 ? ['has-highlights'] : [])].join(' '),
          'data-line-numbers': serializeStep(step),
        };
        if (options.startFrom !== 1) attributes['data-ln-start-from'] = String(options.startFrom);
        if (i > 0 && options.fragmentIndex !== undefined) {
          attributes['data-fragment-index'] = String(options.fragmentIndex + i - 1);
        }
        return `<code${renderAttributes(attributes)}>${numberedLines(lines, options.startFrom, step)}</code>`;
      })
      .join('');
  }
  return `<pre${renderAttributes(preAttributes)}>${codeElements}</pre>\n`;
}

/** The code block a token was read into, when it is one. */
const codeOf = (token: Token): CodeBlock | undefined => (token.meta as { code?: CodeBlock } | null)?.code;

/** True when any of the tokens is a code block: the deck then needs a highlighting stylesheet. */
export function hasCode(tokens: readonly Token[]): boolean {
  return tokens.some((token) => codeOf(token) !== undefined);
}

export function code(md: MarkdownIt): void {
  md.core.ruler.push('deck_code', (state: StateCore) => {
    const env = envOf(state);
    for (const token of state.tokens) {
      if (token.type !== 'fence' && token.type !== 'code_block') continue;
      const info = token.type === 'fence' ? md.utils.unescapeAll(token.info).trim() : '';
      token.meta = { ...token.meta, code: readCode(token, info, env) };
    }
  });
  const render = (tokens: Token[], index: number) => {
    const block = codeOf(tokens[index]!);
    return block ? renderCode(tokens[index]!, block) : '';
  };
  md.renderer.rules.fence = render;
  md.renderer.rules.code_block = render;
}
