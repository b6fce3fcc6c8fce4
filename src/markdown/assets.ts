// Local files that slides refer to. A URL relative to the deck file is copied into the deck's
// output folder under `assets/`, keeping its path so the folder stays readable; `..` steps
// become `_up` so nothing lands outside the deck's folder. A root-absolute URL (`/img/logo.png`)
// means the deck's folder, as reveal-md serves it.

import type { AssetReference, SourcePosition } from '../model.js';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** True for a URL that points at a file next to the deck (not a web address or an anchor). */
export function isLocalUrl(url: string): boolean {
  return url !== '' && !SCHEME.test(url) && !/^[\\/]{2}/.test(url) && !url.startsWith('#');
}

/**
 * A URL without a scheme as a browser reads it: each `\` is a `/`, so a Windows path
 * (`.\img\a.png`) names the same file, and `\\host\x` is the protocol-relative `//host/x`.
 */
export function withForwardSlashes(url: string): string {
  return SCHEME.test(url) ? url : url.replace(/\\/g, '/');
}

/**
 * A local URL written in a file in `folder` (relative to the deck's folder, with `/`) as a URL
 * relative to the deck: an included file's pictures are next to it. A root-absolute URL means the
 * deck's folder wherever it is written, and other URLs stay as they are.
 */
export function fromFolder(url: string, folder: string | undefined): string {
  if (!folder || !isLocalUrl(url) || /^[\\/]/.test(url) || /^[?#]/.test(url)) return url;
  const steps: string[] = [];
  const encoded = folder.split('/').map((step) => (step === '..' ? step : encodeURIComponent(step)));
  for (const step of [...encoded, ...withForwardSlashes(url).split('/')]) {
    if (step === '.') continue;
    if (step === '..' && steps.length > 0 && steps[steps.length - 1] !== '..') steps.pop();
    else steps.push(step);
  }
  return steps.join('/');
}

/** The file path a local URL names, relative to the deck file, without query or fragment. */
export function localPath(url: string): string {
  const path = withForwardSlashes(url.replace(/[?#].*$/, '')).replace(/^\/+/, '');
  // Each step decoded whole, so a file named `a#b.png`, written `a%23b.png`, is found.
  return path
    .split('/')
    .map((step) => {
      try {
        return decodeURIComponent(step);
      } catch {
        return step;
      }
    })
    .join('/');
}

/** Where the build puts a local file, relative to the deck's output folder. */
export function assetOutputPath(url: string): string {
  const parts: string[] = [];
  for (const part of localPath(url).split(/\/+/)) {
    if (part === '' || part === '.') continue;
    if (part !== '..') parts.push(part);
    else if (parts.length > 0 && parts[parts.length - 1] !== '_up') parts.pop();
    else parts.push('_up');
  }
  return ['assets', ...parts].join('/');
}

/** The URL to write in the output: the asset path, with the original query and fragment. */
export function assetOutputUrl(url: string): string {
  const suffix = /[?#].*$/.exec(url)?.[0] ?? '';
  // As a URL: what is not allowed in one is encoded, and so are `#` and `?`, which are in a file name.
  return encodeURI(assetOutputPath(url)).replace(/[#?]/g, encodeURIComponent) + suffix;
}

/** The file a local URL names and where the build puts it, found at `position` in the deck. */
export function assetReference(url: string, position: SourcePosition): AssetReference {
  return { source: localPath(url), output: assetOutputPath(url), ...position };
}

/**
 * Why a URL must not be in a slide, when it reaches past the deck without being a web address:
 * a `file:` URL points at this computer's disk, and a protocol-relative one (`//host/x`) can reach
 * a network share when the deck opens from the disk. Undefined for any other URL.
 */
export function reachesOutside(url: string): string | undefined {
  const trimmed = url.trim();
  if (/^file:/i.test(trimmed)) {
    return "is a file: URL, which points at this computer's disk; write the path relative to the deck";
  }
  if (/^[\\/]{2}/.test(trimmed)) {
    return 'has no scheme (//host/…): opened from the disk it can reach a network share; write https://… or save the file next to the deck';
  }
  return undefined;
}

/**
 * Files a browser opens as a page of their own, which may run scripts: never copied into a deck,
 * as a deck runs no script but its own runtime. An SVG file is one too, except as an image (an
 * `<img>` or a background runs no script in it).
 */
const PAGE_FILE = /\.(?:x?html?|xht|xml|xslt?|mht(?:ml)?|shtml|svgz?)$/i;
const SVG_FILE = /\.svgz?$/i;

/** Why a local file may not be copied into the deck, when it is a page; `asImage` when it is shown as an image. */
export function refusedPage(url: string, asImage: boolean): string | undefined {
  const path = localPath(url);
  if (!PAGE_FILE.test(path) || (asImage && SVG_FILE.test(path))) return undefined;
  return SVG_FILE.test(path)
    ? 'is an SVG file, which runs scripts of its own when opened as a page; show it as an image (![](file.svg))'
    : 'is a page, which runs scripts of its own; a deck carries none: link to it on the web, or share it as a .zip';
}

/** A CSS `url()`, quoted or not. */
const CSS_URL = /url\(\s*(['"]?)(.*?)\1\s*\)/gi;

/** `css` with each `url()` replaced by what `rewrite` makes of it. */
export function rewriteCssUrls(css: string, rewrite: (url: string) => string): string {
  if (!/url\(/i.test(css)) return css;
  return css.replace(CSS_URL, (whole, quote: string, url: string) => {
    const rewritten = rewrite(url);
    return rewritten === url ? whole : `url(${quote}${rewritten}${quote})`;
  });
}
