// The markdown-it instance slides render with (one per option set, made once), and the ordered
// list of the plugins that make up the authoring format. Order matters: comments must exist as
// tokens before element attributes read them, and known containers must register before the
// catch-all. Checks add source lines last.

import markdownIt, { type MarkdownIt } from 'markdown-it';
import { code } from './plugins/code.js';
import { comments } from './plugins/comments.js';
import { COMPARE, compare } from './plugins/compare.js';
import { containers } from './plugins/containers.js';
import { elementAttributes } from './plugins/element-attributes.js';
import { localAssets } from './plugins/local-assets.js';
import { sourceLines } from './plugins/source-lines.js';

export interface MarkdownOptions {
  /** Let raw HTML through markdown-it (it is sanitized afterwards). */
  html: boolean;
  /** Mark block elements with their source line, for `deck check`. */
  sourceLines?: boolean;
}

type Plugin = (md: MarkdownIt) => void;

export const PLUGINS: readonly Plugin[] = [
  comments,
  elementAttributes,
  compare,
  (md) => containers(md, { known: [COMPARE] }),
  localAssets,
  code,
];

const instances = new Map<string, MarkdownIt>();

export function markdown(options: MarkdownOptions): MarkdownIt {
  const key = `${options.html}/${options.sourceLines ?? false}`;
  let md = instances.get(key);
  if (!md) {
    md = markdownIt({ html: options.html, linkify: false, typographer: false });
    for (const plugin of PLUGINS) md.use(plugin);
    if (options.sourceLines) md.use(sourceLines);
    instances.set(key, md);
  }
  return md;
}
