// `::: compare [pairs] [venn] [step] [noshared]`: side-by-side comparison. Each `###` heading
// inside starts a column (two to four). List items found in more than one column are marked as
// shared; `pairs` aligns two equal lists row by row; `venn` draws two lists as a Venn diagram;
// `step` reveals items (or rows) one at a time as reveal.js fragments.
//
// parse.ts reads the block into a typed comparison; columns.ts, pairs.ts and venn.ts lay it out.

import type { MarkdownIt, StateCore } from 'markdown-it';
import container from 'markdown-it-container';
import { escapeHtml } from '../../escape.js';
import { labelsFor } from '../../labels.js';
import { envOf, nextId } from '../env.js';
import { closingIndex } from '../tokens.js';
import { TokenBuilder } from './builder.js';
import { columnsLayout } from './columns.js';
import { pairsLayout } from './pairs.js';
import { COMPARE, readComparison } from './parse.js';
import { renderVennToken, vennLayout } from './venn.js';

export { COMPARE, itemKey } from './parse.js';

const CONTAINER_OPEN = `container_${COMPARE}_open`;

const SHARED_MARK =
  '<svg class="compare-shared-mark" viewBox="0 0 10 10" aria-hidden="true" focusable="false"><path d="M5 0.5 9.5 5 5 9.5 0.5 5z"/></svg>';

function compareRule(state: StateCore): void {
  const env = envOf(state);
  const tokens = state.tokens;
  if (!tokens.some((token) => token.type === CONTAINER_OPEN)) return;
  // The stream is written anew in one pass: each comparison's tokens in place of its container.
  const out: typeof tokens = [];
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]!;
    if (open.type !== CONTAINER_OPEN) {
      out.push(open);
      continue;
    }
    const close = closingIndex(tokens, i);
    const id = nextId(env, COMPARE);
    const comparison = readComparison(open, tokens.slice(i + 1, close), env);
    // Not a comparison (reported): the block stays the plain container; the build stops anyway.
    if (!comparison) {
      for (let k = i; k <= close; k++) out.push(tokens[k]!);
      i = close;
      continue;
    }
    const b = new TokenBuilder(state);
    if (comparison.layout === 'pairs') pairsLayout(b, comparison);
    else if (comparison.layout === 'venn') vennLayout(b, comparison, id);
    else columnsLayout(b, comparison, id, labelsFor(env.lang ?? 'en').labels);
    // The layout starts where the container did, for the slide's line and `deck check`.
    b.tokens[0]!.map = open.map;
    for (const token of b.tokens) out.push(token);
    i = close;
  }
  state.tokens = out;
}

export function compare(md: MarkdownIt): void {
  md.use(container, COMPARE, { validate: (params) => params.trim().split(/\s+/)[0] === COMPARE });
  md.core.ruler.push('deck_compare', compareRule);
  const rules = md.renderer.rules;
  const renderTag: NonNullable<typeof rules.deck_compare_open> = (tokens, idx, options, _env, self) =>
    self.renderToken(tokens, idx, options);
  rules.deck_compare_open = renderTag;
  rules.deck_compare_close = renderTag;
  rules.deck_compare_column_open = renderTag;
  rules.deck_compare_column_close = renderTag;
  // The item's last letter and the mark, kept on one line (structure.css).
  rules.deck_compare_shared_tail_open = () => '<span class="compare-shared-tail">';
  rules.deck_compare_shared_tail_close = () => '</span>';
  rules.deck_compare_shared_mark = () => SHARED_MARK;
  rules.deck_compare_shared_label = (tokens, idx) =>
    `<span class="sr-only"> (${escapeHtml(tokens[idx]!.content)})</span>`;
  rules.deck_compare_legend = (tokens, idx) =>
    `<p class="compare-legend">${SHARED_MARK} ${escapeHtml(tokens[idx]!.content)}</p>\n`;
  rules.deck_compare_venn = (tokens, idx) => renderVennToken(tokens[idx]!);
}
