import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DECK_LIMITS, type DeckLimits, openDeck, openPrintView } from '../browser/deck-page.js';
import { type Browser, launchBrowser, type Page } from '../browser/driver.js';
import type { PageProblem } from '../browser/page-checks/index.js';
import { loadPageChecks } from '../browser/page-checks-bundle.js';
import { canvasSize } from '../contract.js';
import {
  type CompiledDeck,
  type Diagnostic,
  formatDiagnostic,
  hasErrors,
  type Project,
  type RenderedDeck,
} from '../model.js';
import { withTemporaryFolder } from '../platform/temporary.js';
import { asWrittenAt, placeLine } from '../source-map.js';
import { buildDecks } from './build.js';

export interface Finding extends Diagnostic {
  /** What found it: `build`, `overflow`, `axe/<rule>`, … */
  rule: string;
}

export interface CheckResult {
  findings: Finding[];
  errors: number;
  warnings: number;
}

const FROM_BUILD = (d: Diagnostic): Finding => ({ ...d, rule: 'build' });

function staticFindings(deck: RenderedDeck): Finding[] {
  const findings: Finding[] = [];
  for (const slide of deck.slides) {
    if (!slide.hasNotes) {
      findings.push({
        severity: 'warning',
        rule: 'notes',
        message: `slide ${slide.index + 1} has no speaker notes; add a "Note:" line`,
        ...placeLine(deck.sourceMap, deck.file, slide.line),
        column: 1,
      });
    }
  }
  const duration = deck.meta.duration;
  if (duration !== undefined) {
    const planned = deck.slides.reduce((sum, s) => sum + (s.timing ?? 0), 0);
    if (Math.abs(planned - duration * 60) >= 1) {
      findings.push({
        severity: 'warning',
        rule: 'pacing',
        message: `the slides' timings add up to ${Math.round((planned / 60) * 10) / 10} min, but duration is ${duration} min; adjust data-timing or duration`,
        file: deck.file,
        line: deck.metaLines.duration ?? 1,
        column: 1,
      });
    }
  }
  return findings;
}

/** Each slide of the screen view in turn, through the in-page rules. */
export async function checkScreenView(page: Page): Promise<PageProblem[]> {
  await loadPageChecks(page);
  const slides = await page.evaluate(() => window.deck!.getSlides().map((slide) => window.deck!.getIndices(slide)));
  const problems: PageProblem[] = [];
  for (const [index, { h, v }] of slides.entries()) {
    const slide = { h, v: v ?? 0, number: index + 1 };
    problems.push(...(await page.evaluate((s) => window.deckPageChecks!.checkSlide(s), slide)));
  }
  return problems;
}

/** Every page of the print view, through the in-page rules. */
export async function checkPrintView(page: Page): Promise<PageProblem[]> {
  await loadPageChecks(page);
  return page.evaluate(() => window.deckPageChecks!.checkPrintView());
}

/** axe-core's rules on the print view (its page checks loaded). */
async function checkAccessibility(page: Page, limits: DeckLimits): Promise<PageProblem[]> {
  const require = createRequire(import.meta.url);
  await page.addScript(await readFile(require.resolve('axe-core/axe.min.js'), 'utf8'), 'axe-core');
  return page.evaluate(() => window.deckPageChecks!.accessibility(), undefined, { timeout: limits.ready });
}

/** The built deck in the browser: each slide on screen and, meanwhile, the print view the PDF comes from. */
async function inspectDeck(
  browser: Browser,
  deck: CompiledDeck,
  folder: string,
  limits: DeckLimits,
): Promise<Finding[]> {
  const url = pathToFileURL(join(folder, deck.name, 'index.html')).href;
  const viewport = canvasSize(deck.rendered.revealConfig);
  const onScreen = async () => {
    const page = await browser.newPage({ viewport });
    await openDeck(page, url, limits);
    const problems = await checkScreenView(page);
    await page.close();
    return problems;
  };
  const inPrint = async () => {
    const page = await browser.newPage({ viewport });
    await openPrintView(page, url, {}, limits);
    const problems = [...(await checkPrintView(page)), ...(await checkAccessibility(page, limits))];
    await page.close();
    return problems;
  };
  const problems = (await Promise.all([onScreen(), inPrint()])).flat();

  const file = deck.rendered.file;
  // Speak of files as the author wrote them, not as the build renamed them: in an included file,
  // relative to that file.
  const authorPaths = (message: string, line: number) =>
    deck.rendered.assets.reduce(
      (text, asset) =>
        text.replaceAll(encodeURI(asset.output), asWrittenAt(deck.rendered.sourceMap, line, asset.source)),
      message,
    );
  return problems.map((p) => ({
    severity: p.severity,
    rule: p.rule,
    message: authorPaths(p.message, p.line || 1),
    ...placeLine(deck.rendered.sourceMap, file, p.line || 1),
    column: 1,
  }));
}

interface VariantFinding {
  finding: Finding;
  deck: CompiledDeck;
}

/**
 * Findings about the decks, each once: a problem every variant of a deck has is said once, as for
 * a deck without variants; one that only some have says which.
 */
function sayVariants(found: readonly VariantFinding[], decks: readonly CompiledDeck[]): Finding[] {
  const variantsOf = new Map<string, number>();
  for (const deck of decks) if (deck.variant) variantsOf.set(deck.path, (variantsOf.get(deck.path) ?? 0) + 1);
  const merged = new Map<string, { finding: Finding; variants: string[]; path: string }>();
  for (const { finding, deck } of found) {
    const key = `${deck.path}\n${finding.rule}\n${formatDiagnostic(finding)}`;
    const entry = merged.get(key) ?? { finding, variants: [], path: deck.path };
    if (deck.variant) entry.variants.push(deck.variant);
    merged.set(key, entry);
  }
  return [...merged.values()].map(({ finding, variants, path }) => {
    if (variants.length === 0 || variants.length === variantsOf.get(path)) return finding;
    const which = variants.length === 1 ? `the ${variants[0]} variant` : `the ${variants.join(', ')} variants`;
    return { ...finding, message: `${finding.message} (in ${which})` };
  });
}

export interface CheckOptions {
  /** Time limits for each deck's page; the defaults suit any deck. */
  limits?: DeckLimits;
  /** The variant to check, of decks with variants; without it, every variant. */
  variant?: string;
}

export async function checkDecks(
  paths: readonly string[],
  project: Project,
  { limits = DECK_LIMITS, variant }: CheckOptions = {},
): Promise<CheckResult> {
  const findings: Finding[] = [];
  await withTemporaryFolder('deck-check-', async (folder) => {
    // The browser starts while the decks build: most of the wait is the browser's.
    const starting = launchBrowser();
    starting.catch(() => undefined);
    try {
      const built = await buildDecks(paths, {
        outDir: join(folder, 'dist'),
        project,
        render: { sourceLines: true },
        ...(variant !== undefined ? { variant } : {}),
      });
      for (const diagnostic of built.diagnostics) findings.push(FROM_BUILD(diagnostic));
      const ofDecks: VariantFinding[] = [];
      for (const deck of built.decks) {
        for (const finding of staticFindings(deck.rendered)) ofDecks.push({ finding, deck });
      }
      if (!hasErrors(built.diagnostics)) {
        const browser = await starting;
        for (const deck of built.decks) {
          for (const finding of await inspectDeck(browser, deck, built.outDir, limits)) ofDecks.push({ finding, deck });
        }
      }
      for (const finding of sayVariants(ofDecks, built.decks)) findings.push(finding);
    } finally {
      // Whatever happened above, the browser goes: a live child process would keep us running.
      await starting.then((browser) => browser.close()).catch(() => undefined);
    }
  });
  // A part several decks include has its problems said once.
  const once = [...new Map(findings.map((f) => [`${f.rule}\n${formatDiagnostic(f)}`, f])).values()];
  findings.length = 0;
  findings.push(...once);
  findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { findings, errors, warnings: findings.length - errors };
}
