// The compile step alone, in process: our parse + render against plain markdown-it on the same
// text, the least any Markdown-to-HTML tool has to do.

import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median } from './stats.mjs';

/** The markdown-it options the deck grammar turns on (raw HTML, bare links): the floor's options. */
export const FLOOR_OPTIONS = { html: true, linkify: true };

/**
 * markdown-it as the main project has it (bench/node_modules holds an older copy for reveal-md,
 * so a bare import from here would find the wrong one).
 */
export async function loadMainMarkdownIt(root) {
  const require = createRequire(join(root, 'package.json'));
  const module = await import(pathToFileURL(require.resolve('markdown-it')).href);
  return module.default;
}

/** The front matter block and the slides of a deck in our syntax, split on `---` separator lines. */
export function splitDeck(source) {
  const frontMatter = source.match(/^---\n[\s\S]*?\n---\n/)?.[0] ?? '';
  const slides = source
    .slice(frontMatter.length)
    .split(/\n---\n/)
    .map((slide) => slide.trim());
  return { frontMatter, slides };
}

/** A deck of `count` slides made by repeating the given deck's slides in order. */
export function repeatDeck(source, count) {
  const { frontMatter, slides } = splitDeck(source);
  const repeated = Array.from({ length: count }, (_, i) => slides[i % slides.length]);
  return `${frontMatter}\n${repeated.join('\n\n---\n\n')}\n`;
}

/**
 * Times `ours` and `floor` alternately (so drift hits both alike) and returns the median of each
 * and of the per-round ratio. Timing starts once both have run `warmUpRuns` times and
 * `warmUpMs` have passed: V8 optimizes hot functions in tiers, and a fixed time lets both sides
 * reach their steady state however much code each runs.
 */
export function compareInProcess({ ours, floor, iterations, warmUpRuns, warmUpMs }) {
  const warmUpStarted = performance.now();
  for (let i = 0; i < warmUpRuns || performance.now() - warmUpStarted < warmUpMs; i++) {
    ours();
    floor();
  }
  const oursTimes = [];
  const floorTimes = [];
  for (let i = 0; i < iterations; i++) {
    let started = performance.now();
    ours();
    oursTimes.push(performance.now() - started);
    started = performance.now();
    floor();
    floorTimes.push(performance.now() - started);
  }
  return {
    oursMs: median(oursTimes),
    floorMs: median(floorTimes),
    ratio: median(oursTimes.map((ms, i) => ms / floorTimes[i])),
    iterations,
  };
}
