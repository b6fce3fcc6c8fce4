// `deck png`: one PNG per slide (or per fragment step) at the size asked, for course catalogues,
// learning platforms and chat. The deck is built and shown on screen at that size, as the room
// sees it (browser/slide-images.ts); each slide is shown in its final state, as the PDF prints it.
// The images go to a folder of their own, replaced whole: an interrupted export leaves the old
// images or the new ones, never a mix.

import { existsSync, renameSync, rmSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { DECK_LIMITS, type DeckLimits, openDeck } from '../browser/deck-page.js';
import { type SlideStep, showStep, slideSteps, stillDeck } from '../browser/slide-images.js';
import type { CanvasSize } from '../contract.js';
import { DeckError } from '../errors.js';
import type { Diagnostic, Project } from '../model.js';
import { checkOwnFolder } from '../platform/destination.js';
import { onInterrupt } from '../platform/interrupt.js';
import { displayPath } from '../platform/paths.js';
import { plural } from '../wording.js';
import { withBuiltDeck } from './deck-in-browser.js';

export interface PngOptions {
  /** The deck's Markdown file. */
  deck: string;
  project: Project;
  /** The folder for the images; it must be empty, missing, or one `deck png` wrote. */
  outDir: string;
  /** Pixels; the deck's canvas when not given. */
  size?: CanvasSize;
  /** One image per fragment step instead of each slide in its final state. */
  fragments?: boolean;
  /** The variant to export, for a deck with variants. */
  variant?: string;
  progress?: (line: string) => void;
  limits?: DeckLimits;
}

export interface PngResult {
  outDir: string;
  /** The images, in slide order. */
  files: string[];
  size: CanvasSize;
  diagnostics: Diagnostic[];
}

/** Marks a folder of images as `deck png`'s, so that the next export may replace it. */
const MARKER = '.deck-png';
const MARKER_TEXT = 'Written by deck png: each export replaces this folder whole.\n';
/** The largest side an image may have: Chromium's limit for one screenshot is near 16384 px. */
export const MAX_IMAGE_SIDE = 8192;

/** `1920x1080` as a size, or a usage error that says what is expected. */
export function parseImageSize(text: string): CanvasSize {
  const match = /^\s*(\d+)\s*[x×]\s*(\d+)\s*$/i.exec(text);
  const width = Number(match?.[1]);
  const height = Number(match?.[2]);
  const fits = (side: number) => Number.isInteger(side) && side >= 16 && side <= MAX_IMAGE_SIDE;
  if (!match || !fits(width) || !fits(height)) {
    throw new DeckError(
      'USAGE',
      `--size must be WIDTHxHEIGHT in pixels, each from 16 to ${MAX_IMAGE_SIDE}, such as 1920x1080; not "${text}"`,
    );
  }
  return { width, height };
}

/** File names sort in slide order: slide-01.png, or slide-01-2.png for the second step of slide 1. */
function fileName(step: SlideStep, digits: number): string {
  const slide = String(step.slide).padStart(digits, '0');
  return step.step === undefined ? `slide-${slide}.png` : `slide-${slide}-${step.step}.png`;
}

export async function exportPngs(options: PngOptions): Promise<PngResult> {
  const progress = options.progress ?? (() => {});
  const limits = options.limits ?? DECK_LIMITS;
  const outDir = resolve(options.outDir);
  const shown = (path: string) => displayPath(path, options.project.root);
  await checkOwnFolder(
    { path: outDir, label: `--out ${shown(outDir)}`, shown },
    MARKER,
    `${shown(outDir)} has files that deck png did not write; choose another --out or empty it`,
  );
  progress('loading deck');
  return withBuiltDeck(
    { deck: options.deck, project: options.project, temporaryPrefix: 'deck-png-', variant: options.variant },
    async ({ url, canvas, browser, diagnostics }) => {
      const size = options.size ?? canvas;
      // Opened at the canvas's size, then set to the size asked (see stillDeck).
      const page = await browser.newPage({ viewport: canvas });
      await openDeck(page, url, limits);
      await stillDeck(page, size);
      const steps = await slideSteps(page, options.fragments ?? false);
      const what = options.fragments ? 'images, one per fragment step,' : 'images, one per slide,';
      progress(`taking ${steps.length} ${what} at ${size.width}x${size.height}`);
      const digits = Math.max(2, String(steps.at(-1)?.slide ?? 0).length);

      const staging = join(dirname(outDir), `.${basename(outDir)}.tmp-${process.pid}`);
      const replaced = `${staging}-old`;
      const undo = onInterrupt(() => {
        rmSync(staging, { recursive: true, force: true });
        if (existsSync(replaced) && !existsSync(outDir)) renameSync(replaced, outDir);
      });
      try {
        await mkdir(staging, { recursive: true });
        const names: string[] = [];
        for (const step of steps) {
          await showStep(page, step);
          const name = fileName(step, digits);
          await writeFile(join(staging, name), await page.screenshot({ timeout: limits.print }));
          names.push(name);
        }
        await writeFile(join(staging, MARKER), MARKER_TEXT);
        progress(`writing ${plural(names.length, 'image')} to ${shown(outDir)}`);
        // Two renames: the old folder aside, the new one in its place; then the old one goes.
        if (existsSync(outDir)) renameSync(outDir, replaced);
        try {
          renameSync(staging, outDir);
        } catch (error) {
          if (existsSync(replaced)) renameSync(replaced, outDir);
          throw error;
        }
        await rm(replaced, { recursive: true, force: true });
        return { outDir, files: names.map((name) => join(outDir, name)), size, diagnostics };
      } finally {
        undo();
        await rm(staging, { recursive: true, force: true });
      }
    },
    (diagnostics) => ({ outDir, files: [], size: options.size ?? { width: 0, height: 0 }, diagnostics }),
  );
}
