// A deck with its includes, read as one text: each include line is replaced by the lines of the
// file it names (without that file's front matter), between two blank lines, and the same is done
// inside that file, and so on. The source map says where each line of the text was written, so a
// diagnostic names the included file and its own line and column, and URLs in an included file
// resolve relative to it.
//
// An included file must be a Markdown file inside the deck's folder or the project (as it really
// is, links followed), as the files a slide shows must be: a deck from someone else cannot pull a
// file from elsewhere on the disk into a built deck. A cycle is an error naming the chain.

import { realpath } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import type { IncludeLine } from '../markdown/includes.js';
import type { Diagnostic, Project } from '../model.js';
import { parseFrontMatter } from '../parse/front-matter.js';
import { findIncludeLines, type IncludeGrammar, includedFrontMatterEnd, mayInclude } from '../parse/includes.js';
import { separatorPatterns, sourceLines } from '../parse/index.js';
import { displayPath, isInside } from '../platform/paths.js';
import { type SourceMap, SourceMapBuilder } from '../source-map.js';
import { quoted } from '../wording.js';
import { MAX_DECK_BYTES, readDeck } from './read-deck.js';

export interface DeckSource {
  /** The deck's text, its includes in place. */
  text: string;
  /** Where each line of `text` was written; undefined for a deck without includes. */
  sourceMap?: SourceMap;
  /** Absolute paths of the included files, read or looked for: a save of any of them changes the deck. */
  included: string[];
  /** Problems with include lines: files not found, cycles, front matter ignored. */
  diagnostics: Diagnostic[];
}

export type DeckSourceResult = { ok: true; source: DeckSource } | { ok: false; diagnostic: Diagnostic };

const MARKDOWN_FILE = /\.(?:md|markdown)$/i;

/** A file's lines, where its slides start (after any front matter), its size and its include lines. */
interface Part {
  lines: string[];
  start: number;
  bytes: number;
  includes: Map<number, IncludeLine>;
}

/** One file of the chain being read: where it is, and as the user reads it. */
interface OpenFile {
  path: string;
  real: string;
  shown: string;
  /** Its folder relative to the deck's folder, with `/`. */
  folder: string;
}

/** Reads the deck file at `path` and every file it includes. */
export async function readDeckSource(path: string, project: Project): Promise<DeckSourceResult> {
  const shown = (file: string) => displayPath(file, project.root);
  const read = await readDeck(path);
  if (!read.ok) return { ok: false, diagnostic: { ...read.diagnostic, file: shown(path) } };
  if (!mayInclude(read.text)) return { ok: true, source: { text: read.text, included: [], diagnostics: [] } };

  const deckFolder = dirname(path);
  const allowed = (await Promise.all([deckFolder, project.root].map((p) => realpath(p).catch(() => undefined)))).filter(
    (folder): folder is string => folder !== undefined,
  );
  const rootLines = sourceLines(read.text);
  const frontMatter = parseFrontMatter(rootLines, shown(path));
  const meta = frontMatter.values;
  const grammar: IncludeGrammar = { patterns: separatorPatterns(meta), html: meta.html ?? true };

  const diagnostics: Diagnostic[] = [];
  const included = new Set<string>();
  const map = new SourceMapBuilder();
  const out: string[] = [];
  let bytes = 0;
  /** Where each path named in an include really is (undefined: nowhere), asked once per path. */
  const realPaths = new Map<string, string | undefined>();
  /** Files already read, by real path (undefined for one that could not be): a part included twice is read once. */
  const parts = new Map<string, Part | undefined>();

  const error = (file: string, include: IncludeLine, message: string) =>
    diagnostics.push({ severity: 'error', message, file, line: include.line, column: include.column });

  /** The lines of `part`, each include line replaced; `chain` holds the files above it, and it. */
  async function expand(file: OpenFile, part: Part, chain: readonly OpenFile[]): Promise<void> {
    for (let i = part.start; i < part.lines.length; i++) {
      const line = part.lines[i]!;
      const include = part.includes.get(i);
      const opened = include ? await open(file, include, chain) : undefined;
      if (!opened) {
        out.push(line);
        map.add(file.shown, i + 1, file.folder);
        bytes += line.length + 1;
        continue;
      }
      out.push('');
      map.add(file.shown, i + 1, file.folder);
      await expand(opened.file, opened.part, [...chain, opened.file]);
      out.push('');
      map.add(file.shown, i + 1, file.folder);
    }
  }

  /** The file an include line names, read; undefined (the problem reported) when it cannot be included. */
  async function open(
    from: OpenFile,
    include: IncludeLine,
    chain: readonly OpenFile[],
  ): Promise<{ file: OpenFile; part: Part } | undefined> {
    const target = include.target.replace(/\\/g, '/');
    const path = resolve(dirname(from.path), target);
    const name = `"${quoted(include.target)}"`;
    if (/^(?:[a-z][a-z0-9+.-]*:|\/)/i.test(target)) {
      error(from.shown, include, `cannot include ${name}: write the path relative to this file`);
      return undefined;
    }
    if (!MARKDOWN_FILE.test(target)) {
      error(from.shown, include, `cannot include ${name}: an include names a Markdown file (.md)`);
      return undefined;
    }
    included.add(path);
    if (!realPaths.has(path)) realPaths.set(path, await realpath(path).catch(() => undefined));
    const real = realPaths.get(path);
    if (real === undefined) {
      error(from.shown, include, `cannot include ${name}: no such file (looked for ${shown(path)})`);
      return undefined;
    }
    if (!allowed.some((folder) => isInside(real, folder))) {
      error(from.shown, include, `cannot include ${name}: it is outside the project folder; copy it next to the deck`);
      return undefined;
    }
    if (chain.some((open) => open.real === real)) {
      const names = [...chain.map((open) => open.shown), shown(path)];
      error(from.shown, include, `include cycle: ${names.join(' → ')}; a file cannot include itself`);
      return undefined;
    }
    const file: OpenFile = {
      path,
      real,
      shown: shown(path),
      folder: relative(deckFolder, dirname(path)).split(sep).join('/'),
    };
    if (!parts.has(real)) parts.set(real, await readPart(file, from, include));
    const part = parts.get(real);
    if (!part) return undefined;
    if (bytes + part.bytes > MAX_DECK_BYTES) {
      error(
        from.shown,
        include,
        `cannot include ${name}: the deck with its includes would be over ${MAX_DECK_BYTES / 1024 / 1024} MB`,
      );
      return undefined;
    }
    return { file, part };
  }

  /** An included file's lines and include lines; its front matter, if any, is left out with a warning. */
  async function readPart(file: OpenFile, from: OpenFile, include: IncludeLine): Promise<Part | undefined> {
    const result = await readDeck(file.path);
    if (!result.ok) {
      diagnostics.push({
        ...result.diagnostic,
        message: `${result.diagnostic.message} (included from ${from.shown}:${include.line})`,
        file: file.shown,
      });
      return undefined;
    }
    const lines = sourceLines(result.text);
    const start = includedFrontMatterEnd(lines);
    if (start > 0) {
      diagnostics.push({
        severity: 'warning',
        message: `front matter in an included file is ignored: the including deck's own applies`,
        file: file.shown,
        line: 1,
        column: 1,
      });
    }
    const bytes = lines.reduce((sum, line) => sum + line.length + 1, 0);
    return { lines, start, bytes, includes: findIncludeLines(lines, start, file.shown, grammar) };
  }

  const deck: OpenFile = {
    path,
    real: (await realpath(path).catch(() => undefined)) ?? path,
    shown: shown(path),
    folder: '',
  };
  const includes = findIncludeLines(rootLines, frontMatter.bodyStartIndex, deck.shown, grammar);
  // The deck's own front matter stays: parseDeck reads it.
  await expand(deck, { lines: rootLines, start: 0, bytes: 0, includes }, [deck]);
  return {
    ok: true,
    source: { text: out.join('\n'), sourceMap: map.build(), included: [...included], diagnostics: unique(diagnostics) },
  };
}

/** Each problem once: an include line in a part included twice is read twice. */
function unique(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
