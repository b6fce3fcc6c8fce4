// The one markdown-it instance every slide renders with, and the ordered list of the plugins
// that make up the authoring format. Order matters: comments must exist as tokens before
// element attributes read them, and known containers must register before the catch-all.

import markdownIt, { type MarkdownIt } from 'markdown-it';
import { comments } from './plugins/comments.js';
import { COMPARE, compare } from './plugins/compare.js';
import { containers } from './plugins/containers.js';
import { elementAttributes } from './plugins/element-attributes.js';
import { localAssets } from './plugins/local-assets.js';
import { sourceLines } from './plugins/source-lines.js';

export interface MarkdownOptions {
  /** Let raw HTML through markdown-it (it is sanitized afterwards). */
  html: boolean;
}

type Plugin = (md: MarkdownIt) => void;

export const PLUGINS: readonly Plugin[] = [
  comments,
  elementAttributes,
  compare,
  (md) => containers(md, { known: [COMPARE] }),
  localAssets,
  sourceLines,
];

const instances = new Map<boolean, MarkdownIt>();

export function markdown(options: MarkdownOptions): MarkdownIt {
  let md = instances.get(options.html);
  if (!md) {
    md = markdownIt({ html: options.html, linkify: false, typographer: false });
    for (const plugin of PLUGINS) md.use(plugin);
    instances.set(options.html, md);
  }
  return md;
}
