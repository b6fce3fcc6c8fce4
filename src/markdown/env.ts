// What the plugins share while markdown-it reads one deck: the text and where its slides and notes
// begin, and what the plugins found on the way. Token lines (`token.map`) are the file's own lines,
// 0-based: the front matter reaches markdown-it as blank lines, so nothing needs an offset.

import type { AssetReference, Diagnostic, Severity, SourcePosition } from '../model.js';
import { originOf, type SourceMap } from '../source-map.js';
import { TOOLKIT_ID_PREFIX } from './attribute-list.js';
import { type Boundaries, DEFAULT_SEPARATORS, findBoundaries } from './boundaries.js';

// A type, not an interface: markdown-it's Env wants an index signature.
export type MarkdownEnv = {
  file: string;
  /** The text markdown-it reads, as lines: columns in diagnostics are found in them. */
  lines: string[];
  /** Where slides and notes begin, found before the block rules run. */
  boundaries: Boundaries;
  diagnostics: Diagnostic[];
  assets: AssetReference[];
  /** How many ids each plugin has generated so far, so that ids are unique across the deck. */
  idCounts: Record<string, number>;
  /** Line of the last notes marker read, so a second marker in the same slide stays text. */
  lastNotesLine: number;
  /** Line of the last participants' handout marker read, likewise. */
  lastHandoutLine: number;
  /** The deck's language (front matter `lang`): the words the grammar adds are in it (labels.ts). */
  lang?: string;
  /** Where each line was written, when the text holds included files. */
  sourceMap?: SourceMap;
};

/** The env for reading `lines` (the text split at `\n`); with the default separators unless given. */
export function createEnv(
  lines: string[],
  file: string,
  boundaries?: Boundaries,
  sourceMap?: SourceMap,
  lang?: string,
): MarkdownEnv {
  return {
    ...(sourceMap ? { sourceMap } : {}),
    ...(lang ? { lang } : {}),
    file,
    lines,
    boundaries: boundaries ?? findBoundaries(lines, lines.join('\n'), DEFAULT_SEPARATORS, 0).boundaries,
    diagnostics: [],
    assets: [],
    idCounts: {},
    lastNotesLine: -1,
    lastHandoutLine: -1,
  };
}

/**
 * The env a markdown-it rule receives: the one `createEnv` made, or (on a bare instance, as plugin
 * users and tests have) one made now for the text being read, with the default separators.
 */
export function envOf(state: { env: unknown; src: string }): MarkdownEnv {
  const env = (state.env ?? {}) as Partial<MarkdownEnv>;
  if (env.lines === undefined) Object.assign(env, createEnv(state.src.split('\n'), env.file ?? ''));
  return env as MarkdownEnv;
}

/** A new id for something a plugin generates, e.g. `deck-compare-3`: ids the author cannot take. */
export function nextId(env: MarkdownEnv, kind: string): string {
  env.idCounts[kind] = (env.idCounts[kind] ?? 0) + 1;
  return `${TOOLKIT_ID_PREFIX}${kind}-${env.idCounts[kind]}`;
}

/**
 * Source position of `needle`, searched in the 0-based lines [fromLine, toLine) (a token's map),
 * after `after` when given; undefined when it is not there.
 */
export function findText(
  env: MarkdownEnv,
  fromLine: number,
  needle: string,
  after?: SourcePosition,
  toLine = env.lines.length,
): SourcePosition | undefined {
  // Searching from the line of `after` (not skipping up to it) keeps a run of searches, each
  // after the one before, linear in the lines.
  const first = Math.max(fromLine, after ? after.line - 1 : 0, 0);
  for (let i = first; i < Math.min(toLine, env.lines.length); i++) {
    const from = after && i + 1 === after.line ? after.column : 0;
    const column = (env.lines[i] ?? '').indexOf(needle, from);
    if (column >= 0) return { line: i + 1, column: column + 1 };
  }
  return undefined;
}

/** Where `needle` is, as `findText` finds it, else the start of line `fromLine`. */
export function locate(
  env: MarkdownEnv,
  fromLine: number,
  needle?: string,
  after?: SourcePosition,
  toLine?: number,
): SourcePosition {
  return (
    (needle ? findText(env, fromLine, needle, after, toLine) : undefined) ?? {
      line: Math.max(fromLine, 0) + 1,
      column: 1,
    }
  );
}

export function report(env: MarkdownEnv, severity: Severity, message: string, fromLine: number, needle?: string): void {
  env.diagnostics.push({ severity, message, file: env.file, ...locate(env, fromLine, needle) });
}

/** The folder, relative to the deck's, of the file the 0-based `line` was written in ('' for the deck's own). */
export function folderAt(env: MarkdownEnv, line: number): string {
  return originOf(env.sourceMap, line + 1)?.folder ?? '';
}
