// A picture alone in its paragraph is marked as such (class `deck-picture`; the theme centres it),
// and with a title (`![A chart](sales.png "Sales by quarter")`) becomes a figure with the title as
// its caption, under the picture, read with it by screen readers. A picture beside text stays as it is.

import type { MarkdownIt, StateCore, Token } from 'markdown-it';

/** Children of an inline token that take no room: spaces, line breaks, comments. */
const isSpace = (token: Token) =>
  token.type === 'softbreak' || token.type === 'deck_comment' || (token.type === 'text' && token.content.trim() === '');

/** The paragraph's picture, when nothing else in it takes room. */
function onlyImage(inline: Token | undefined): Token | undefined {
  const shown = inline?.children?.filter((child) => !isSpace(child)) ?? [];
  const [image] = shown;
  return shown.length === 1 && image?.type === 'image' ? image : undefined;
}

function figuresRule(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i + 2 < tokens.length; i++) {
    const open = tokens[i]!;
    const close = tokens[i + 2]!;
    if (open.type !== 'paragraph_open' || close.type !== 'paragraph_close' || open.hidden) continue;
    const image = onlyImage(tokens[i + 1]);
    if (!image) continue;
    const caption = String(image.attrGet('title') ?? '').trim();
    if (!caption) {
      open.attrJoin('class', 'deck-picture');
      continue;
    }
    // The caption says it once; a tooltip would repeat it.
    image.attrs = (image.attrs ?? []).filter(([name]) => name !== 'title');
    open.type = 'figure_open';
    open.tag = 'figure';
    close.type = 'figure_close';
    close.tag = 'figure';
    const captionOpen = new state.Token('figcaption_open', 'figcaption', 1);
    const text = new state.Token('inline', '', 0);
    text.content = caption;
    text.children = [Object.assign(new state.Token('text', '', 0), { content: caption })];
    const captionClose = new state.Token('figcaption_close', 'figcaption', -1);
    for (const token of [captionOpen, text, captionClose]) {
      token.map = open.map;
      token.level = open.level + 1;
      token.block = true;
    }
    tokens.splice(i + 2, 0, captionOpen, text, captionClose);
    i += 5;
  }
}

export function figures(md: MarkdownIt): void {
  md.core.ruler.after('inline', 'deck_figures', figuresRule);
}
