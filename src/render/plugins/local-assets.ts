// Images and links that point at files next to the deck: each is recorded as an asset for the
// build to copy, and its URL rewritten to where the copy will be.

import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import type { SourcePosition } from '../../model.js';
import { assetOutputUrl, assetReference, isLocalUrl, localPath } from '../assets.js';
import { envOf, locate, type RenderEnv, textLines } from '../env.js';

const ASSET_ATTRIBUTES = ['src', 'href', 'data-src', 'data-background-image', 'data-background-video'];

/** A link to a file with an extension (a worksheet, a PDF); links to pages or anchors stay. */
const isFileLink = (url: string) =>
  /\.[a-z0-9]{1,8}$/i.test(localPath(url)) && !/\.(?:md|html?)$/i.test(localPath(url));

/** Raw HTML attributes that load a file, when a deck allows raw HTML. */
const HTML_URL = /(\s(?:src|href|poster|data-src|data-background-image|data-background-video)\s*=\s*)(["'])(.*?)\2/gi;

class AssetRecorder {
  /** Where each URL was last found, so the same file twice is reported at both places. */
  private readonly found = new Map<string, SourcePosition>();
  constructor(private readonly env: RenderEnv) {}

  /** Records a local URL and returns the one to write in its place. */
  record(url: string, line: number, isLink: boolean): string {
    if (!isLocalUrl(url) || (isLink && !isFileLink(url))) return url;
    const source = localPath(url);
    // Where the author wrote it: decoded (my pic.png) or as a URL (my%20pic.png).
    const written = textLines(this.env).some((text) => text.includes(source)) ? source : url.replace(/[?#].*$/, '');
    const position = locate(this.env, line, written, this.found.get(source));
    this.found.set(source, position);
    this.env.assets.push(assetReference(url, position));
    return assetOutputUrl(url);
  }

  rewrite(token: Token, line: number): void {
    if (token.type === 'html_block' || token.type === 'html_inline') {
      token.content = token.content.replace(HTML_URL, (_, prefix: string, quote: string, url: string) => {
        return `${prefix}${quote}${this.record(url, line, /href/i.test(prefix))}${quote}`;
      });
      return;
    }
    if (!token.attrs) return;
    for (const name of ASSET_ATTRIBUTES) {
      const value = token.attrGet(name);
      if (value !== null) token.attrSet(name, this.record(String(value), line, name === 'href'));
    }
  }
}

function localAssetsRule(state: StateCore): void {
  const recorder = new AssetRecorder(envOf(state));
  let line = 0;
  for (const token of state.tokens) {
    if (token.map) line = token.map[0];
    recorder.rewrite(token, line);
    if (token.children) for (const child of token.children) recorder.rewrite(child, line);
  }
}

export function localAssets(md: MarkdownIt): void {
  md.core.ruler.push('deck_local_assets', localAssetsRule);
}
