// Syntax highlighting at build time with highlight.js, the highlighter reveal.js's own plugin
// runs in the browser, so its themes colour our code the same way. Loaded on the first code block:
// a deck without code never pays for it. Languages load one by one as decks name them.

import { createRequire } from 'node:module';
import type { HLJSApi, LanguageFn } from 'highlight.js';
import { escapeHtml } from '../escape.js';

const require = createRequire(import.meta.url);

let hljs: HLJSApi | undefined;
const triedFiles = new Set<string>();
/** Collections of languages with their aliases (`js`, `sh`, `yml`), loaded when a name is no file name. */
const COLLECTIONS = ['highlight.js/lib/common', 'highlight.js'];
let collectionsLoaded = 0;

/**
 * The file of a language for its most used aliases, so that ```js loads one file instead of the
 * common set (the rest of the aliases are found by loading that set, then all languages).
 * tests/render/highlight.test.ts checks each against highlight.js.
 */
const ALIAS_FILES: Record<string, string> = {
  js: 'javascript',
  jsx: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  ts: 'typescript',
  tsx: 'typescript',
  py: 'python',
  sh: 'bash',
  zsh: 'bash',
  html: 'xml',
  xhtml: 'xml',
  svg: 'xml',
  yml: 'yaml',
  md: 'markdown',
  rb: 'ruby',
  rs: 'rust',
  kt: 'kotlin',
  cs: 'csharp',
  'c++': 'cpp',
  h: 'c',
  hpp: 'cpp',
  golang: 'go',
  ps1: 'powershell',
  console: 'shell',
  docker: 'dockerfile',
  jsonc: 'json',
};

/** Names that mean "do not highlight", as in highlight.js and reveal.js. */
const PLAIN = new Set(['', 'nohighlight', 'no-highlight', 'plain', 'plaintext', 'text', 'txt']);

/** The highlight.js language a fence names, loading it on first use; undefined when there is none. */
function findLanguage(name: string): string | undefined {
  hljs ??= require('highlight.js/lib/core') as HLJSApi;
  if (hljs.getLanguage(name)) return name;
  // Most fences name a language by its file name (python) or a usual alias (js): load only that
  // file. The pattern keeps the name a plain file name.
  const file = ALIAS_FILES[name] ?? name;
  if (/^[a-z0-9][a-z0-9-]*$/.test(file) && !triedFiles.has(file)) {
    triedFiles.add(file);
    try {
      hljs.registerLanguage(file, require(`highlight.js/lib/languages/${file}`) as LanguageFn);
      if (hljs.getLanguage(name)) return name;
    } catch {
      // Not a file name: another alias, or no language at all.
    }
  }
  // Aliases live inside the language files: load the common languages, then all of them.
  while (collectionsLoaded < COLLECTIONS.length) {
    require(COLLECTIONS[collectionsLoaded++]!);
    if (hljs.getLanguage(name)) return name;
  }
  return undefined;
}

/** The aliases that load a single file, for tests. */
export const ALIASES = Object.keys(ALIAS_FILES);

export interface HighlightedCode {
  /** One HTML fragment per line; tags that span lines are closed and reopened on each. */
  lines: string[];
  /** The language highlight.js used; undefined for plain text. */
  language?: string;
  /** True when the fence named a language highlight.js does not know (the code is shown plain). */
  unknownLanguage: boolean;
}

/**
 * Splits highlighted HTML into lines. highlight.js's spans may run over several lines (a block
 * comment, a template string); each line gets its own copy of the spans open at its start.
 */
export function splitLines(html: string): string[] {
  const lines: string[] = [];
  const open: string[] = [];
  let line = '';
  for (const part of html.split(/(<span[^>]*>|<\/span>|\n)/)) {
    if (part === '\n') {
      lines.push(line + '</span>'.repeat(open.length));
      line = open.join('');
    } else {
      if (part.startsWith('<span')) open.push(part);
      else if (part === '</span>') open.pop();
      line += part;
    }
  }
  lines.push(line);
  return lines;
}

/** Highlights code (without its final line break) in the named language, or escapes it as plain text. */
export function highlightCode(code: string, languageName: string): HighlightedCode {
  const name = languageName.toLowerCase();
  const language = PLAIN.has(name) ? undefined : findLanguage(name);
  if (!language || !hljs) {
    return { lines: escapeHtml(code).split('\n'), unknownLanguage: !PLAIN.has(name) };
  }
  const html = hljs.highlight(code, { language, ignoreIllegals: true }).value;
  return { lines: splitLines(html), language, unknownLanguage: false };
}
