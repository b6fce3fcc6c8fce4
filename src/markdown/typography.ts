// Dashes and ellipses as a typesetter sets them, when the typographer is on (curly quotes are
// markdown-it's smartquotes, with the marks of the deck's language). This takes the place of
// markdown-it's own replacements, which also turn "(c)" into © (a list "(a) (b) (c)" would lose its
// third letter) and two dots or two commas into one mark: here only `--`, `---` and `...` change,
// never inside code or a bare web address.

import type { MarkdownIt, StateCore, Token } from 'markdown-it';

const CANDIDATE = /--|\.\.\./;

function setText(text: string): string {
  return text
    .replace(/(^|[^-])---(?=[^-]|$)/gm, '$1\u2014')
    .replace(/(^|\s)--(?=\s|$)/gm, '$1\u2013')
    .replace(/(^|[^-\s])--(?=[^-\s]|$)/gm, '$1\u2013')
    .replace(/(^|[^.])\.\.\.(?=[^.]|$)/gm, '$1\u2026');
}

function replaceIn(children: Token[]): void {
  let insideAutolink = 0;
  for (const token of children) {
    if (token.type === 'link_open' && token.info === 'auto') insideAutolink++;
    if (token.type === 'link_close' && token.info === 'auto') insideAutolink--;
    if (token.type === 'text' && insideAutolink === 0 && CANDIDATE.test(token.content)) {
      token.content = setText(token.content);
    }
  }
}

/** Opening quotation marks of every language's table (labels.ts): what a quotation starts with. */
const OPENING = /^[“„«‘‚‹]/;

/**
 * A quotation in a blockquote that starts with its quotation mark: the mark goes in a span of its
 * own, which the theme hangs in the margin (default.css, `.hanging-quote`).
 */
function hangingQuotes(state: StateCore): void {
  let depth = 0;
  for (const token of state.tokens) {
    if (token.type === 'blockquote_open') depth++;
    if (token.type === 'blockquote_close') depth--;
    if (depth === 0 || token.type !== 'inline' || !token.children) continue;
    const first = token.children[0];
    const mark = first?.type === 'text' ? OPENING.exec(first.content)?.[0] : undefined;
    if (!first || !mark) continue;
    const open = new state.Token('html_inline', '', 0);
    open.content = `<span class="hanging-quote">${mark}</span>`;
    first.content = first.content.slice(mark.length);
    token.children.unshift(open);
  }
}

export function typography(md: MarkdownIt): void {
  md.core.ruler.after('smartquotes', 'deck_hanging_quotes', hangingQuotes);
  md.core.ruler.at('replacements', (state: StateCore) => {
    if (!state.md.options.typographer) return;
    for (const token of state.tokens) {
      if (token.type === 'inline' && token.children && CANDIDATE.test(token.content)) replaceIn(token.children);
    }
  });
}
