// What a built deck weighs: the JS and CSS its page loads (gzip-compressed, as a server would
// send them), its fonts, and the whole output folder.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const FONT_EXTENSIONS = new Set(['.woff2', '.woff', '.ttf', '.otf', '.eot']);

const gzipSize = (text) => gzipSync(text).length; // zlib default level 6, what most servers use

const isLocal = (url) => !/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(url);

const stripQuery = (url) => url.replace(/[?#].*$/, '');

function filesUnder(folder) {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Local .js and .css files the page references with <script src> and <link href>. */
function referencedFiles(html, htmlDir) {
  const urls = [];
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/gi)) urls.push(match[1]);
  for (const match of html.matchAll(/<link\b[^>]*\bhref="([^"]+\.css(?:\?[^"]*)?)"/gi)) urls.push(match[1]);
  return urls.filter(isLocal).map((url) => resolve(htmlDir, stripQuery(url)));
}

/** CSS files a stylesheet pulls in with @import, followed recursively. */
function cssImports(cssFile, seen) {
  if (seen.has(cssFile) || !existsSync(cssFile)) return [];
  seen.add(cssFile);
  const css = readFileSync(cssFile, 'utf8');
  const imports = [...css.matchAll(/@import\s+(?:url\()?\s*['"]?([^'")\s;]+)/g)]
    .map((match) => match[1])
    .filter(isLocal)
    .map((url) => resolve(dirname(cssFile), stripQuery(url)));
  return imports.flatMap((file) => [file, ...cssImports(file, seen)]);
}

/** Bytes of fonts embedded as base64 data: URLs (a single-file HTML may carry its fonts that way). */
function inlineFontBytes(text) {
  let total = 0;
  for (const match of text.matchAll(
    /data:(?:font\/[\w-]+|application\/(?:x-)?font-[\w-]+);base64,([A-Za-z0-9+/=]+)/g,
  )) {
    total += Buffer.from(match[1], 'base64').length;
  }
  return total;
}

/**
 * Measures one built deck. `htmlFile` is its page; `folder` is everything the build wrote for it.
 * JS+CSS counts every local script and stylesheet the page references (and their @imports) plus
 * inline <script> and <style> blocks, each compressed on its own. Fonts count every font file in
 * the folder plus base64 fonts inside the page and its CSS; a browser may fetch fewer of them.
 */
export function measureDeckBytes(htmlFile, folder) {
  const html = readFileSync(htmlFile, 'utf8');
  const seen = new Set();
  const referenced = referencedFiles(html, dirname(htmlFile));
  const withImports = [
    ...new Set(referenced.flatMap((file) => (file.endsWith('.css') ? [file, ...cssImports(file, seen)] : [file]))),
  ];
  const present = withImports.filter((file) => existsSync(file));
  const missing = withImports.filter((file) => !existsSync(file));

  const inlineBlocks = [...html.matchAll(/<(script|style)\b([^>]*)>([\s\S]*?)<\/\1>/gi)]
    .filter((match) => !/\bsrc=/i.test(match[2]) && match[3].trim() !== '')
    .filter(
      (match) => !/type="(?:application\/json|application\/ld\+json|text\/template|text\/markdown)"/i.test(match[2]),
    )
    .map((match) => match[3]);

  const pieces = [...present.map((file) => readFileSync(file)), ...inlineBlocks.map((text) => Buffer.from(text))];
  const allFiles = filesUnder(folder);
  const fontFiles = allFiles.filter((file) => FONT_EXTENSIONS.has(extname(file).toLowerCase()));
  const cssText = present.filter((file) => file.endsWith('.css')).map((file) => readFileSync(file, 'utf8'));

  return {
    jsCssRawBytes: pieces.reduce((sum, piece) => sum + piece.length, 0),
    jsCssGzipBytes: pieces.reduce((sum, piece) => sum + gzipSize(piece), 0),
    jsCssFiles: present.length,
    inlineBlocks: inlineBlocks.length,
    missing,
    fontBytes:
      fontFiles.reduce((sum, file) => sum + statSync(file).size, 0) +
      inlineFontBytes(html) +
      cssText.reduce((sum, css) => sum + inlineFontBytes(css), 0),
    fontFiles: fontFiles.length,
    folderBytes: allFiles.reduce((sum, file) => sum + statSync(file).size, 0),
    folderFiles: allFiles.length,
  };
}
