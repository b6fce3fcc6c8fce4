// Images, media and links that point at files next to the deck: each is recorded as an asset for
// the build to copy, and its URL rewritten to where the copy will be. Raw HTML is read with an HTML
// parser, so unquoted values and `srcset` lists are found as a browser finds them.

import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import type { Attributes, SourcePosition } from '../model.js';
import { quoted } from '../wording.js';
import {
  assetOutputUrl,
  assetReference,
  fromFolder,
  isLocalUrl,
  localPath,
  reachesOutside,
  refusedPage,
  rewriteCssUrls,
  withForwardSlashes,
} from './assets.js';
import { envOf, findText, folderAt, locate, type MarkdownEnv } from './env.js';
import { rewriteStartTags } from './html-tags.js';

/** Attributes whose value is one URL of a file to load or link to. */
export const URL_ATTRIBUTES = ['src', 'href', 'poster', 'data-src', 'data-background-image', 'data-background-video'];
/** Attributes whose value is CSS, which may load files with `url()`. */
export const CSS_ATTRIBUTES = ['style', 'data-background-gradient'];

/** How a URL is used: a link opens it, an image shows it (an SVG runs no script there), media plays it. */
type Use = 'link' | 'image' | 'media';

function useOf(tag: string, attribute: string): Use {
  if (attribute === 'href') return 'link';
  if (attribute === 'srcset' || attribute === 'poster' || attribute === 'data-background-image') return 'image';
  return tag === 'img' && (attribute === 'src' || attribute === 'data-src') ? 'image' : 'media';
}

/** A link to a file with an extension (a worksheet, a PDF); links to pages or anchors stay. */
const isFileLink = (url: string) =>
  /\.[a-z0-9]{1,8}$/i.test(localPath(url)) && !/\.(?:md|html?)$/i.test(localPath(url));

class AssetRecorder {
  /** Where each file (or refused URL) was last found, so the same one twice is reported at both places. */
  private readonly found = new Map<string, SourcePosition>();
  constructor(private readonly env: MarkdownEnv) {}

  /**
   * Records a local URL found in the 0-based lines `lines`, and returns the one to write in its
   * place. It is written relative to the file it is in: an included file's are made relative to the deck.
   */
  record(written: string, lines: Lines, use: Use): string {
    const outside = reachesOutside(written);
    if (outside) return this.refuse(written, lines, outside);
    if (!isLocalUrl(written) || (use === 'link' && !isFileLink(written))) return written;
    const page = refusedPage(written, use === 'image');
    if (page) return this.refuse(written, lines, page);
    const url = fromFolder(written, folderAt(this.env, lines[0]));
    const source = localPath(url);
    const writtenPath = localPath(written);
    // Where the author wrote it: as a URL (my%20pic.png), decoded (my pic.png) or as a Windows path.
    const after = this.found.get(source) ?? this.found.get(url);
    const [from, to] = lines;
    const position =
      findText(this.env, from, written.replace(/[?#].*$/, ''), after, to) ??
      findText(this.env, from, writtenPath, after, to) ??
      findText(this.env, from, writtenPath.replace(/\//g, '\\'), after, to) ??
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
        return [this.record(url, lines, 'image'), ...descriptor].join(' ');
      })
      .join(', ');
  }

  /** CSS: each `url()` in it, as an image (a style sheet runs no script in what it loads). */
  recordCss(css: string, lines: Lines): string {
    return rewriteCssUrls(css, (url) => this.record(url, lines, 'image'));
  }

  /** Reports a URL that may not be in a slide, and leaves it as it is (the build stops). */
  private refuse(url: string, lines: Lines, why: string): string {
    const [from, to] = lines;
    const after = this.found.get(url);
    const position = findText(this.env, from, url, after, to) ?? locate(this.env, from);
    this.found.set(url, position);
    this.env.diagnostics.push({
      severity: 'error',
      message: `${quoted(url)} ${why}`,
      file: this.env.file,
      ...position,
    });
    return url;
  }

  /** The value to write for the attribute `name` of a `tag` element. */
  private rewriteAttribute(tag: string, name: string, value: string, lines: Lines): string {
    if (URL_ATTRIBUTES.includes(name)) return this.record(value, lines, useOf(tag, name));
    if (name === 'srcset') return this.recordSet(value, lines);
    if (CSS_ATTRIBUTES.includes(name)) return this.recordCss(value, lines);
    return value;
  }

  rewriteHtml(html: string, lines: Lines): string {
    return rewriteStartTags(html, (tag) => {
      let changed = false;
      const attributes: Attributes = { ...tag.attributes };
      for (const [name, value] of Object.entries(tag.attributes)) {
        const rewritten = this.rewriteAttribute(tag.name, name, value, lines);
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
    for (const attribute of token.attrs) {
      attribute[1] = this.rewriteAttribute(token.tag, attribute[0], String(attribute[1]), lines);
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
  // reveal.js shows `![](.\img\a.png)` (a browser reads `\` as `/`); markdown-it would encode the
  // `\` as `%5C`, a character of a file name.
  const normalizeLink = md.normalizeLink.bind(md);
  md.normalizeLink = (url) => normalizeLink(withForwardSlashes(url));
  md.core.ruler.push('deck_local_assets', localAssetsRule);
}
