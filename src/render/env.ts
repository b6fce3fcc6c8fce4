// What the markdown-it plugins share while one block of Markdown (a slide body or its notes)
// renders: where it came from, and what they found.

import type { AssetReference, Attributes, Diagnostic, Severity, SourceBlock, SourcePosition } from '../model.js';

// A type, not an interface: markdown-it's Env wants an index signature.
export type RenderEnv = {
  file: string;
  /** 1-based source line of the rendered text's first line. */
  startLine: number;
  /** Characters cut from the start of the first line before rendering (a `Note:` marker). */
  firstLineOffset: number;
  /** The rendered text, to find columns. */
  text: string;
  /** `text` split into lines: made by `textLines` when first needed, as most blocks never are. */
  lines?: string[];
  diagnostics: Diagnostic[];
  assets: AssetReference[];
  /** Attributes that plugins move onto the slide's <section>. */
  sectionAttributes: Attributes;
  /** Makes the ids that plugins generate unique across the deck. */
  idPrefix: string;
  /** Set when a code block rendered: the deck then needs its highlighting stylesheet. */
  hasCode?: boolean;
};

export function createEnv(block: SourceBlock, file: string, idPrefix: string): RenderEnv {
  const text = block.text;
  return {
    idPrefix,
    file,
    startLine: block.startLine,
    firstLineOffset: block.firstLineOffset ?? 0,
    text,
    lines: undefined,
    diagnostics: [],
    assets: [],
    sectionAttributes: {},
  };
}

/**
 * Source position of `needle` in the rendered text, searched from the 0-based line `fromLine`
 * (a token's map) onwards, after `after` when given; the start of that line when not found.
 */
export function locate(env: RenderEnv, fromLine: number, needle?: string, after?: SourcePosition): SourcePosition {
  const toSource = (i: number, column: number): SourcePosition => ({
    line: env.startLine + i,
    column: column + 1 + (i === 0 ? env.firstLineOffset : 0),
  });
  if (needle) {
    const lines = textLines(env);
    for (let i = Math.max(fromLine, 0); i < lines.length; i++) {
      const lineStart = toSource(i, 0);
      if (after && lineStart.line < after.line) continue;
      const from = after && lineStart.line === after.line ? after.column - lineStart.column + 1 : 0;
      const column = (lines[i] ?? '').indexOf(needle, Math.max(from, 0));
      if (column >= 0) return toSource(i, column);
    }
  }
  return toSource(Math.max(fromLine, 0), 0);
}

/** The rendered text's lines. */
export function textLines(env: RenderEnv): string[] {
  env.lines ??= env.text.split('\n');
  return env.lines;
}

export function report(env: RenderEnv, severity: Severity, message: string, fromLine: number, needle?: string): void {
  env.diagnostics.push({ severity, message, file: env.file, ...locate(env, fromLine, needle) });
}

/**
 * The env a markdown-it rule receives: the one `createEnv` made, or (on a bare markdown-it
 * instance, as plugin users and tests have) whatever was passed, completed with defaults.
 */
export function envOf(state: { env: unknown; src: string }): RenderEnv {
  const env = (state.env ?? {}) as Partial<RenderEnv>;
  env.file ??= '';
  env.startLine ??= 1;
  env.firstLineOffset ??= 0;
  env.text ??= state.src;
  env.diagnostics ??= [];
  env.assets ??= [];
  env.sectionAttributes ??= {};
  env.idPrefix ??= 'deck';
  return env as RenderEnv;
}
