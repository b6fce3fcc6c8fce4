// `deck build --single-file`: the deck as one HTML file that holds everything it shows, for e-mail
// and learning platforms. The runtime script and every stylesheet are inline; fonts, images, slide
// backgrounds, media and linked files are data: URLs. Its Content-Security-Policy lets it run only
// its own scripts (by hash) and load only what it carries, so it opens by double-click, offline.

import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, posix, resolve } from 'node:path';
import { deckRuntimeFiles, type RuntimeBundle } from '../compile/runtime-bundle.js';
import { cssFileUrls, rewriteCssUrls } from '../compile/theme-stylesheets.js';
import { inlineElementText, pageStyles, renderPage, singleFileContentSecurityPolicy } from '../html/page.js';
import { isLocalUrl, localPath } from '../markdown/assets.js';
import { rewriteStartTags } from '../markdown/html-tags.js';
import { CSS_ATTRIBUTES, URL_ATTRIBUTES } from '../markdown/local-assets.js';
import type { CompiledDeck, Diagnostic, Project, SourcePosition } from '../model.js';
import { contentType } from '../platform/content-types.js';
import { isInside } from '../platform/paths.js';
import { fileSize, quoted } from '../wording.js';

/**
 * A file larger than this stays out of the single file (a warning names it): one such file would
 * make the deck too large to e-mail or upload. Its URL is kept, so the file sent beside the deck works.
 */
export const INLINE_LIMIT = 5 * 1024 * 1024;

export interface SingleFileDeck {
  html: string;
  diagnostics: Diagnostic[];
}

/** A file on disk, and where in the deck it is named (for warnings). */
interface Source {
  path: string;
  position: SourcePosition;
}

class DataUrls {
  private readonly made = new Map<string, Promise<string | undefined>>();
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly deckFile: string,
    private readonly roots: readonly string[],
  ) {}

  /** The file as a data: URL, or undefined when it is too large or outside the deck's folders (a warning says which). */
  of({ path, position }: Source): Promise<string | undefined> {
    let url = this.made.get(path);
    if (!url) {
      url = this.make(path, position);
      this.made.set(path, url);
    }
    return url;
  }

  private async make(path: string, position: SourcePosition): Promise<string | undefined> {
    const warn = (message: string) =>
      this.diagnostics.push({ severity: 'warning', message, file: this.deckFile, ...position });
    if (!this.roots.some((root) => isInside(path, root))) {
      warn(`${quoted(basename(path))} is outside the deck's folder and the project; it is left out of the single file`);
      return undefined;
    }
    const size = await stat(path).then(
      (info) => (info.isFile() ? info.size : undefined),
      () => undefined,
    );
    if (size === undefined) {
      warn(`file not found: ${quoted(basename(path))}; it is left out of the single file`);
      return undefined;
    }
    if (size > INLINE_LIMIT) {
      warn(
        `${quoted(basename(path))} is ${fileSize(size)}, too large to go inside the single file (at most ${fileSize(INLINE_LIMIT)}); send it beside the HTML file, in the same folder layout`,
      );
      return undefined;
    }
    const type = contentType(path).replace(/;.*$/, '');
    return `data:${type};base64,${(await readFile(path)).toString('base64')}`;
  }
}

/** A URL's fragment (`#page=2`, `#t=10`, an SVG's `#id`), which still applies to the data: URL. */
const fragmentOf = (url: string) => /#.*$/.exec(url)?.[0] ?? '';

/** The stylesheet with each file it loads (relative to `source`, the stylesheet's own file) as a data: URL. */
async function inlineCss(css: string, source: Source, dataUrls: DataUrls): Promise<string> {
  const found = new Map<string, string | undefined>();
  for (const url of cssFileUrls(css)) {
    const path = resolve(dirname(source.path), localPath(url));
    found.set(url, await dataUrls.of({ path, position: source.position }));
  }
  return rewriteCssUrls(css, (url) => {
    const data = found.get(url);
    return data === undefined ? undefined : data + fragmentOf(url);
  });
}

/** Each local URL in the slides' attributes, as `change` would have it; unchanged where it returns undefined. */
function rewriteSlideUrls(html: string, change: (url: string) => string | undefined): string {
  const css = (value: string) => rewriteCssUrls(value, change);
  return rewriteStartTags(html, (tag) => {
    const attributes = { ...tag.attributes };
    let changed = false;
    for (const [name, value] of Object.entries(tag.attributes)) {
      let replaced: string | undefined;
      if (URL_ATTRIBUTES.includes(name)) replaced = isLocalUrl(value) ? change(value) : undefined;
      else if (CSS_ATTRIBUTES.includes(name)) replaced = css(value);
      else if (name === 'srcset') {
        replaced = value
          .split(',')
          .map((candidate) => {
            const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
            return [(isLocalUrl(url) ? change(url) : undefined) ?? url, ...descriptor].join(' ');
          })
          .join(', ');
      }
      if (replaced === undefined || replaced === value) continue;
      attributes[name] = replaced;
      changed = true;
      // A page cannot open a data: URL in its window; a link to a file saves it instead.
      if (name === 'href' && tag.name === 'a' && attributes.download === undefined) {
        attributes.download = basename(localPath(value));
      }
    }
    return changed ? attributes : undefined;
  });
}

/** The slides with every file of the deck they name as a data: URL (a linked file downloads under its own name). */
async function inlineSections(html: string, assets: Map<string, Source>, dataUrls: DataUrls): Promise<string> {
  const named = new Set<string>();
  rewriteSlideUrls(html, (url) => {
    named.add(localPath(url));
    return undefined;
  });
  const data = new Map<string, string | undefined>();
  for (const output of named) {
    const source = assets.get(output);
    if (source) data.set(output, await dataUrls.of(source));
  }
  return rewriteSlideUrls(html, (url) => {
    const found = data.get(localPath(url));
    return found === undefined ? undefined : found + fragmentOf(url);
  });
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The deck as one self-contained HTML page. */
export async function singleFileDeck(
  deck: CompiledDeck,
  runtime: RuntimeBundle,
  project: Project,
): Promise<SingleFileDeck> {
  const base = dirname(deck.path);
  const dataUrls = new DataUrls(deck.rendered.file, [runtime.dir, base, project.root]);
  const top = { line: 1, column: 1 };
  // The files the deck's folder would hold, by their paths there: the runtime's and the deck's own.
  const runtimeFiles = new Map<string, Source>();
  for (const file of deckRuntimeFiles(runtime, deck.rendered.toolkitStyles)) {
    runtimeFiles.set(file, { path: join(runtime.dir, file), position: top });
  }
  const assets = new Map<string, Source>();
  for (const asset of deck.rendered.assets) {
    assets.set(asset.output, {
      path: resolve(base, asset.source),
      position: { line: asset.line, column: asset.column },
    });
  }

  const styles: string[] = [];
  for (const href of pageStyles(deck.rendered, { style: runtime.style, bundleUrl: '' })) {
    const path = posix.normalize(localPath(href));
    const source = runtimeFiles.get(path) ?? assets.get(path);
    if (!source) continue;
    const css = await inlineCss(await readFile(source.path, 'utf8'), source, dataUrls);
    styles.push(inlineElementText(css, 'style'));
  }
  const sectionsHtml = await inlineSections(deck.rendered.sectionsHtml, assets, dataUrls);
  const script = inlineElementText(await readFile(join(runtime.dir, runtime.script), 'utf8'), 'script');
  const html = renderPage(
    { ...deck.rendered, sectionsHtml },
    {
      styles: { inline: styles },
      script: { inline: script },
      contentSecurityPolicy: singleFileContentSecurityPolicy([sha256(script), ...runtime.scriptHashes]),
    },
  );
  return { html, diagnostics: dataUrls.diagnostics };
}
