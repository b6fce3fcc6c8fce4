// Slide separators and the speaker notes marker as block rules, so that markdown-it decides what is
// a separator, just as it decides what is code: a separator or a notes marker is a boundary where
// markdown-it reaches it as the start of a block, never inside fenced code or an HTML comment.
//
// The boundaries are found first (boundaries.ts). Every block rule except code and comments is then
// given the next boundary as its end, so a paragraph, a list or a setext heading stops there
// (reveal.js splits on `\n---\n` even right under a line of text).
//
// Tokens: `slide_separator` (meta.vertical) where a slide begins, `slide_notes` where its notes
// begin, `slide_handout` where its text for the participants' handout begins. parse/slides.ts splits the token stream at them. Must be used after every plugin that adds
// block rules, so that those rules stop at boundaries too.

import type { MarkdownIt, StateBlock } from 'markdown-it';
import { blockEnd, nextStop } from './boundaries.js';
import { envOf, type MarkdownEnv, report } from './env.js';

type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;

/** The tokens these rules make: where a slide's body or notes begin. */
export const BOUNDARY_TOKENS: ReadonlySet<string> = new Set(['slide_separator', 'slide_notes', 'slide_handout']);

/** Rules that may run past a boundary: what they hold is text, not structure. */
const RUN_PAST_BOUNDARIES = new Set([
  'code',
  'fence',
  'deck_comment',
  'slide_separator',
  'slide_notes',
  'slide_handout',
]);

const separatorRule: BlockRule = (state, startLine, _endLine, silent) => {
  const separator = envOf(state).boundaries.separators.get(startLine);
  if (!separator || state.parentType !== 'root') return false;
  if (silent) return true;
  const token = state.push('slide_separator', '', 0);
  token.block = true;
  token.map = [separator.start, separator.end];
  token.meta = { vertical: separator.vertical };
  state.line = separator.end;
  // A new slide: its first notes marker starts its notes, and its first handout marker its handout text.
  envOf(state).lastNotesLine = -1;
  envOf(state).lastHandoutLine = -1;
  return true;
};

/** Runs the block rules once at `line`, as markdown-it's tokenizer does for one block. */
function readOneBlock(state: StateBlock, line: number, endLine: number): void {
  state.line = line;
  for (const rule of state.md.block.ruler.getRules('')) {
    if (rule(state, line, endLine, false)) return;
  }
}

/** Takes away the first `length` characters of a line, and then its leading blanks. */
function cutLineStart(state: StateBlock, line: number, length: number): void {
  const lineEnd = state.eMarks[line]!;
  let position = state.bMarks[line]! + length;
  while (position < lineEnd && (state.src[position] === ' ' || state.src[position] === '\t')) position++;
  state.bMarks[line] = position;
  state.tShift[line] = 0;
  state.sCount[line] = 0;
  state.bsCount[line] = 0;
}

/**
 * Starts a section of the slide at the marker (of `length` characters) on `startLine`, trimmed as
 * reveal.js trims notes: the text after the marker, or the first line of text below it, loses its
 * leading blanks, so text indented under `Note:` is text, not a code block.
 */
function startSection(state: StateBlock, startLine: number, endLine: number, type: string, length: number): void {
  const token = state.push(type, '', 0);
  token.block = true;
  token.map = [startLine, startLine + 1];
  cutLineStart(state, startLine, length);
  if (state.bMarks[startLine]! < state.eMarks[startLine]!) {
    readOneBlock(state, startLine, endLine);
    return;
  }
  const end = blockEnd(envOf(state).boundaries, startLine, endLine);
  for (let line = startLine + 1; line < end; line++) {
    if (!state.isEmpty(line)) {
      cutLineStart(state, line, state.tShift[line]!);
      break;
    }
  }
  state.line = startLine + 1;
}

/** Whether the marker read on `since` (-1 for none) is in the slide of `line`. */
function inSameSlide(env: MarkdownEnv, since: number, line: number): boolean {
  // Separators read as such reset the markers (a `---` in fenced code is no separator). One made
  // of blank lines is placed after parsing; it counts here wherever it is.
  return since >= 0 && nextStop(env.boundaries.blankSeparatorStarts, since, line) >= line;
}

/**
 * The notes marker: the rest of the slide is its notes (up to a `Handout:` line). A second notes
 * marker in one slide is text of the section it is in; in the participants' handout, that is said,
 * as speaker notes there would be handed to the room.
 */
const notesRule: BlockRule = (state, startLine, endLine, silent) => {
  const env = envOf(state);
  const marker = env.boundaries.notes.get(startLine);
  if (marker === undefined || state.parentType !== 'root') return false;
  if (inSameSlide(env, env.lastNotesLine, startLine)) {
    if (!silent && env.lastHandoutLine > env.lastNotesLine && inSameSlide(env, env.lastHandoutLine, startLine)) {
      report(
        env,
        'warning',
        'this slide already has notes, so this line is text of the participants\' handout; put all speaker notes before "Handout:"',
        startLine,
      );
    }
    return false;
  }
  if (silent) return true;
  env.lastNotesLine = startLine;
  startSection(state, startLine, endLine, 'slide_notes', marker);
  return true;
};

/**
 * The participants' handout marker: the rest of the slide (up to a notes marker, if the slide has
 * no notes yet) is text for the participants' handout only. A second one in a slide is text.
 */
const handoutRule: BlockRule = (state, startLine, endLine, silent) => {
  const env = envOf(state);
  const marker = env.boundaries.handouts.get(startLine);
  if (marker === undefined || state.parentType !== 'root' || inSameSlide(env, env.lastHandoutLine, startLine)) {
    return false;
  }
  if (silent) return true;
  env.lastHandoutLine = startLine;
  startSection(state, startLine, endLine, 'slide_handout', marker);
  return true;
};

/**
 * Gives a block rule the next boundary as its end. A silent call (may a block start on this line,
 * ending the paragraph above?) looks at that line only, and is left as it is.
 */
function endingAtBoundaries(rule: BlockRule): BlockRule {
  return (state, startLine, endLine, silent) => {
    if (silent) return rule(state, startLine, endLine, true);
    return rule(state, startLine, blockEnd(envOf(state).boundaries, startLine, endLine), false);
  };
}

export function slideBoundaries(md: MarkdownIt): void {
  const ruler = md.block.ruler;
  for (const { name, fn, alt } of ruler.__rules__) {
    if (!RUN_PAST_BOUNDARIES.has(name)) ruler.at(name, endingAtBoundaries(fn), { alt: [...alt] });
  }
  // First in the chain: nothing else may claim a boundary's line.
  const first = ruler.__rules__[0]?.name ?? 'paragraph';
  ruler.before(first, 'slide_separator', separatorRule);
  ruler.before(first, 'slide_notes', notesRule);
  ruler.before(first, 'slide_handout', handoutRule);
  // Split off by parse/slides.ts; rendering the whole stream (as a plugin user might) shows nothing for them.
  md.renderer.rules.slide_separator = () => '';
  md.renderer.rules.slide_notes = () => '';
  md.renderer.rules.slide_handout = () => '';
}
