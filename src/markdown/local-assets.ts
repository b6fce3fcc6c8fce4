// Images, media and links that point at files next to the deck: each is recorded as an asset for
// the build to copy, and its URL rewritten to where the copy will be. Raw HTML is read with an HTML
// parser, so unquoted values and `srcset` lists are found as a browser finds them.

import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import type { Attributes, SourcePosition } from '../model.js';
import { quoted } from '../wording.js';
import { assetOutputUrl, assetReference, isLocalUrl, localPath, reachesOutside } from './assets.js';
import { envOf, findText, locate, type MarkdownEnv } from './env.js';
import { rewriteStartTags } from './html-tags.js';

/** Attributes whose value is one URL of a file to load or link to. */
const URL_ATTRIBUTES = ['src', 'href', 'poster', 'data-src', 'data-background-image', 'data-background-video'];

/** A link to a file with an extension (a worksheet, a PDF); links to pages or anchors stay. */
const isFileLink = (url: string) =>
  /\.[a-z0-9]{1,8}$/i.test(localPath(url)) && !/\.(?:md|html?)$/i.test(localPath(url));

class AssetRecorder {
  /** Where each URL was last found, so the same file twice is reported at both places. */
  private readonly found = new Map<string, SourcePosition>();
  constructor(private readonly env: MarkdownEnv) {}

  /** Records a local URL found in the 0-based lines `lines`, and returns the one to write in its place. */
  record(url: string, lines: Lines, isLink: boolean): string {
    const outside = reachesOutside(url);
    if (outside) {
      const [from, to] = lines;
      const position = findText(this.env, from, url, undefined, to) ?? locate(this.env, from);
      this.env.diagnostics.push({
        severity: 'error',
        message: `${quoted(url)} ${outside}`,
        file: this.env.file,
        ...position,
      });
      return url;
    }
    if (!isLocalUrl(url) || (isLink && !isFileLink(url))) return url;
    const source = localPath(url);
    // Where the author wrote it: as a URL (my%20pic.png) or decoded (my pic.png).
    const after = this.found.get(source);
    const [from, to] = lines;
    const position =
      findText(this.env, from, url.replace(/[?#].*$/, ''), after, to) ??
      findText(this.env, from, source, after, to) ??
      locate(this.env, from);
    this.found.set(source, position);
    this.env.assets.push(assetReference(url, position));
    return assetOutputUrl(url);
  }

  /** `srcset`: URLs, each followed by an optional width or density, separated by commas. */
  recordSet(srcset: string, lines: Lines): string {
    return srcset
      .split(',')
      .map((candidate) => {
        const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
        return [this.record(url, lines, false), ...descriptor].join(' ');
      })
      .join(', ');
  }

  rewriteHtml(html: string, lines: Lines): string {
    return rewriteStartTags(html, (tag) => {
      let changed = false;
      const attributes: Attributes = { ...tag.attributes };
      for (const [name, value] of Object.entries(tag.attributes)) {
        const rewritten = URL_ATTRIBUTES.includes(name)
          ? this.record(value, lines, name === 'href')
          : name === 'srcset'
            ? this.recordSet(value, lines)
            : value;
        if (rewritten !== value) {
          attributes[name] = rewritten;
          changed = true;
        }
      }
      return changed ? attributes : undefined;
    });
  }

  rewrite(token: Token, lines: Lines): void {
    if (token.type === 'html_block' || token.type === 'html_inline') {
      token.content = this.rewriteHtml(token.content, lines);
      return;
    }
    if (!token.attrs) return;
    for (const name of URL_ATTRIBUTES) {
      const value = token.attrGet(name);
      if (value !== null) token.attrSet(name, this.record(String(value), lines, name === 'href'));
    }
  }
}

/** The 0-based lines [start, end) of the block a token was read from. */
type Lines = [number, number];

function localAssetsRule(state: StateCore): void {
  const recorder = new AssetRecorder(envOf(state));
  let lines: Lines = [0, 0];
  for (const token of state.tokens) {
    if (token.map) lines = token.map;
    recorder.rewrite(token, lines);
    if (token.children) for (const child of token.children) recorder.rewrite(child, lines);
  }
}

export function localAssets(md: MarkdownIt): void {
  md.core.ruler.push('deck_local_assets', localAssetsRule);
}
