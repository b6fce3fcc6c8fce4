// What the markdown-it plugins share while one block of Markdown (a slide body or its notes)
// renders: where it came from, and what they found.

import type { AssetReference, Attributes, Diagnostic, Severity } from '../model.js';

// A type, not an interface: markdown-it's Env wants an index signature.
export type RenderEnv = {
  file: string;
  /** 1-based source line of the rendered text's first line. */
  startLine: number;
  /** The rendered text, split into lines, to find columns. */
  lines: string[];
  diagnostics: Diagnostic[];
  assets: AssetReference[];
  /** Attributes that plugins move onto the slide's <section>. */
  sectionAttributes: Attributes;
  /** Makes the ids that plugins generate unique across the deck. */
  idPrefix: string;
  /** Mark block elements with their source line (for `deck check`). */
  sourceLines?: boolean;
};

export function createEnv(text: string, file: string, startLine: number, idPrefix: string): RenderEnv {
  return {
    idPrefix,
    file,
    startLine,
    lines: text.split('\n'),
    diagnostics: [],
    assets: [],
    sectionAttributes: {},
  };
}

/**
 * Source position of `needle` in the rendered text, searched from the 0-based line
 * `fromLine` (a token's map) onwards; the start of that line when it is not found.
 */
export function locate(env: RenderEnv, fromLine: number, needle?: string): { line: number; column: number } {
  if (needle) {
    for (let i = Math.max(fromLine, 0); i < env.lines.length; i++) {
      const column = (env.lines[i] ?? '').indexOf(needle);
      if (column >= 0) return { line: env.startLine + i, column: column + 1 };
    }
  }
  return { line: env.startLine + Math.max(fromLine, 0), column: 1 };
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
  env.lines ??= state.src.split('\n');
  env.diagnostics ??= [];
  env.assets ??= [];
  env.sectionAttributes ??= {};
  env.idPrefix ??= 'deck';
  return env as RenderEnv;
}
