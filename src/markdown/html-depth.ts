// How deep raw HTML nests, followed through a slide's pieces of raw HTML in order (a `<div>` in one
// block is closed by a `</div>` in another). Past MAX_HTML_DEPTH open elements the slide's raw HTML
// is an error and is left out from there on: a browser stops nesting at 512 anyway (Chromium), no
// deck needs more than a few dozen, and the HTML readers after this one (htmlparser2, which the
// sanitizer uses too) keep their open elements in a list they shift, so each level deeper costs
// every later tag more: 100,000 nested elements took 40 s to build.
//
// Runs before anything else reads raw HTML (attribute comments, local assets, the sanitizer).

import { Tokenizer } from 'htmlparser2';
import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import type { SourcePosition } from '../model.js';
import { envOf, locate, type MarkdownEnv } from './env.js';
import { htmlPosition } from './html-positions.js';
import { OpenElements, VOID_ELEMENTS } from './html-tags.js';
import { BOUNDARY_TOKENS } from './slide-boundaries.js';

export const MAX_HTML_DEPTH = 256;

/**
 * Elements whose end tag may be left out: a second `<li>` right after an open one closes it, as
 * the browser does, so a long list written without `</li>` is not counted as nested.
 */
const CLOSED_BY_ITSELF = new Set(['li', 'p', 'dt', 'dd', 'option', 'tr', 'td', 'th']);

/** Opens an element named `name` in `open`, as a browser would nest it. */
function openElement(open: OpenElements<{ name: string }>, name: string): void {
  if (VOID_ELEMENTS.has(name)) return;
  if (CLOSED_BY_ITSELF.has(name) && open.innermost?.name === name) return;
  open.open({ name });
}

/**
 * Reads a block of raw HTML into `open`; returns the offset of the start tag that went past the
 * limit, if one did. htmlparser2's tokenizer alone reads in linear time: only its parser keeps a
 * list of open elements.
 */
function readBlock(html: string, open: OpenElements<{ name: string }>): number | undefined {
  let tooDeep: number | undefined;
  let name = '';
  let nameStart = 0;
  const lowerSlice = (start: number, end: number) => html.slice(start, end).toLowerCase();
  const ignore = () => undefined;
  const tokenizer = new Tokenizer(
    { decodeEntities: false },
    {
      onopentagname(start, end) {
        name = lowerSlice(start, end);
        nameStart = start - 1;
      },
      onopentagend() {
        openElement(open, name);
        if (open.depth > MAX_HTML_DEPTH) tooDeep ??= nameStart;
      },
      onselfclosingtag: ignore,
      onclosetag(start, end) {
        open.close(lowerSlice(start, end));
      },
      onattribdata: ignore,
      onattribentity: ignore,
      onattribend: ignore,
      onattribname: ignore,
      oncdata: ignore,
      oncomment: ignore,
      ondeclaration: ignore,
      onend: ignore,
      onprocessinginstruction: ignore,
      ontext: ignore,
      ontextentity: ignore,
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  return tooDeep;
}

const INLINE_TAG = /^<(\/?)([a-z][a-z0-9-]*)/i;

/** Reads one piece of inline raw HTML (markdown-it makes one per tag or comment); true when it went past the limit. */
function readInline(html: string, open: OpenElements<{ name: string }>): boolean {
  const tag = INLINE_TAG.exec(html);
  if (!tag) return false;
  const name = tag[2]!.toLowerCase();
  if (tag[1]) open.close(name);
  else if (!/\/\s*>$/.test(html)) openElement(open, name);
  return open.depth > MAX_HTML_DEPTH;
}

/**
 * Where offset `at` of a block's raw HTML was written. Each line of the block is the end of its
 * line in the file (a quote's `>` or a list's indentation comes before it).
 */
function positionInBlock(env: MarkdownEnv, block: Token, at: number): SourcePosition {
  const lineStart = block.content.lastIndexOf('\n', at - 1) + 1;
  let lineEnd = block.content.indexOf('\n', at);
  if (lineEnd < 0) lineEnd = block.content.length;
  let line = block.map?.[0] ?? 0;
  for (let i = block.content.indexOf('\n'); i >= 0 && i < lineStart; i = block.content.indexOf('\n', i + 1)) line++;
  const written = env.lines[line] ?? '';
  const column = written.length - (lineEnd - lineStart) + (at - lineStart) + 1;
  return column >= 1 ? { line: line + 1, column } : locate(env, line);
}

function report(env: MarkdownEnv, at: SourcePosition): void {
  env.diagnostics.push({
    severity: 'error',
    message: `raw HTML nested more than ${MAX_HTML_DEPTH} elements deep; close elements sooner (a browser stops nesting at 512)`,
    file: env.file,
    ...at,
  });
}

function htmlDepthRule(state: StateCore): void {
  if (!state.src.includes('<')) return;
  const env = envOf(state);
  const open = new OpenElements<{ name: string }>();
  /** Set once the slide went too deep: its raw HTML from there on is left out. */
  let dropping = false;
  const drop = (token: Token) => {
    token.content = '';
  };
  for (const token of state.tokens) {
    if (BOUNDARY_TOKENS.has(token.type)) {
      open.clear();
      dropping = false;
    } else if (token.type === 'html_block') {
      if (dropping) {
        drop(token);
        continue;
      }
      const at = readBlock(token.content, open);
      if (at === undefined) continue;
      report(env, positionInBlock(env, token, at));
      drop(token);
      dropping = true;
    } else if (token.type === 'inline' && token.children) {
      for (const child of token.children) {
        if (child.type !== 'html_inline') continue;
        if (dropping) {
          drop(child);
        } else if (readInline(child.content, open)) {
          report(env, htmlPosition(child) ?? locate(env, token.map?.[0] ?? 0));
          drop(child);
          dropping = true;
        }
      }
    }
  }
}

export function htmlDepth(md: MarkdownIt): void {
  md.core.ruler.after('deck_html_positions', 'deck_html_depth', htmlDepthRule);
}
