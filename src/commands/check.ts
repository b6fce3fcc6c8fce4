import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../browser/find.js';
import { type CompiledDeck, type Diagnostic, hasErrors, type Project, type RenderedDeck } from '../model.js';
import { withTemporaryFolder } from '../platform/temporary.js';
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

/** A problem seen in the page, with the source line of the closest element that has one. */
interface PageProblem {
  severity: 'error' | 'warning';
  rule: string;
  message: string;
  line: number;
}

const FROM_BUILD = (d: Diagnostic): Finding => ({ ...d, rule: 'build' });

/**
 * Runs in the page: inspects the given slides (sections) and returns what is wrong with them.
 * Self-contained, as everything passed to page.evaluate must be.
 */
interface InspectInput {
  selector: string;
  layout: 'screen' | 'print';
  /** Slide numbers of the sections found, in order. */
  numbers: number[];
}

function inspectSlides(input: InspectInput): PageProblem[] {
  const problems: PageProblem[] = [];
  const lineOf = (element: Element) => Number(element.closest('[data-line]')?.getAttribute('data-line') ?? 0);
  const rootStyle = getComputedStyle(document.documentElement);
  const minFont = Number.parseFloat(rootStyle.getPropertyValue('--deck-min-font-size')) || 16;
  const sections = [...document.querySelectorAll<HTMLElement>(input.selector)].filter(
    (s) => !s.querySelector('section'),
  );
  const ids = new Set([...document.querySelectorAll('.reveal .slides section[id]')].map((s) => s.id));
  sections.forEach((section, index) => {
    const number = input.numbers[index] ?? index + 1;
    const heading = section.querySelector('h1, h2, h3')?.textContent?.trim() ?? '';
    const name = `slide ${number}${heading ? ` "${heading.slice(0, 40)}"` : ''}`;
    const sectionLine = Number(section.getAttribute('data-line') ?? 0);
    const box = section.getBoundingClientRect();
    const scale = box.width / section.offsetWidth || 1;
    const over = { top: 0, right: 0, bottom: 0, left: 0 };
    let worst: Element | undefined;
    let worstAmount = 0;
    let smallest: { size: number; element?: Element } = { size: Number.POSITIVE_INFINITY };
    for (const element of section.querySelectorAll('*')) {
      if (element.closest('aside.notes, .sr-only, title, desc')) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      const sides = {
        top: (box.top - rect.top) / scale,
        right: (rect.right - box.right) / scale,
        bottom: (rect.bottom - box.bottom) / scale,
        left: (box.left - rect.left) / scale,
      };
      for (const side of ['top', 'right', 'bottom', 'left'] as const) {
        if (sides[side] > over[side]) over[side] = sides[side];
        if (sides[side] > worstAmount + 0.5) {
          worstAmount = sides[side];
          worst = element;
        }
      }
      const hasText = [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      if (hasText) {
        let size = Number.parseFloat(getComputedStyle(element).fontSize);
        const svg = element instanceof SVGElement ? element.ownerSVGElement : null;
        if (svg?.viewBox.baseVal.width) size *= svg.getBoundingClientRect().width / scale / svg.viewBox.baseVal.width;
        if (size < smallest.size) smallest = { size, element };
      }
    }
    const past = (['top', 'right', 'bottom', 'left'] as const).filter((side) => over[side] >= 1);
    if (past.length > 0) {
      problems.push({
        severity: 'error',
        rule: 'overflow',
        message: `${name}: content overflows the slide by ${past.map((side) => `${Math.ceil(over[side])} px at the ${side}`).join(', ')} (${input.layout} layout)`,
        line: worst ? lineOf(worst) || sectionLine : sectionLine,
      });
    }
    if (input.layout === 'print') return;
    if (smallest.element && smallest.size < minFont - 0.05) {
      problems.push({
        severity: 'warning',
        rule: 'min-font-size',
        message: `${name}: text "${smallest.element.textContent?.trim().slice(0, 30)}" is ${Math.round(smallest.size * 10) / 10} px, below the theme's minimum of ${minFont} px`,
        line: lineOf(smallest.element) || sectionLine,
      });
    }
    for (const image of section.querySelectorAll('img')) {
      const source = image.getAttribute('src') ?? '';
      if (image.complete && image.naturalWidth === 0) {
        problems.push({
          severity: 'error',
          rule: 'image',
          message: `${name}: image ${source} does not load`,
          line: lineOf(image) || sectionLine,
        });
      }
      if (!image.getAttribute('alt')?.trim()) {
        problems.push({
          severity: 'error',
          rule: 'image-alt',
          message: `${name}: image ${source} has no alt text; describe it in the brackets: ![what it shows](${source})`,
          line: lineOf(image) || sectionLine,
        });
      }
    }
    const remote: [Element, string][] = [];
    for (const element of [section, ...section.querySelectorAll('*')]) {
      for (const attribute of [
        'src',
        'poster',
        'data-src',
        'data-background-image',
        'data-background-video',
        'data-background-iframe',
      ]) {
        const value = element.getAttribute(attribute);
        if (value && /^(?:https?:)?\/\//i.test(value)) remote.push([element, value]);
      }
      const style = element.getAttribute('style') ?? '';
      for (const match of style.matchAll(/url\(\s*['"]?((?:https?:)?\/\/[^'")]+)/gi))
        remote.push([element, match[1] ?? '']);
    }
    for (const [element, url] of remote) {
      problems.push({
        severity: 'warning',
        rule: 'remote',
        message: `${name}: ${url} needs the network during the talk; save it next to the deck instead`,
        line: lineOf(element) || sectionLine,
      });
    }
    for (const link of section.querySelectorAll('a[href^="#"]')) {
      const href = link.getAttribute('href') ?? '';
      const raw = href.replace(/^#\/?/, '').split('/')[0] ?? '';
      let target = raw;
      try {
        target = decodeURIComponent(raw);
      } catch {
        // Not valid percent-encoding: compare it as written.
      }
      if (target === '' || /^\d+$/.test(target)) continue;
      if (!ids.has(target) && !document.getElementById(target)) {
        problems.push({
          severity: 'error',
          rule: 'link',
          message: `${name}: link ${href} points to no slide with id "${target}"`,
          line: lineOf(link) || sectionLine,
        });
      }
    }
  });
  return problems;
}

/** Runs axe-core (already loaded into the page) on every slide of the print view. */
async function runAxe(): Promise<PageProblem[]> {
  const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<AxeResults> } }).axe;
  interface AxeResults {
    violations: { id: string; impact?: string; help: string; nodes: { target: string[] }[] }[];
  }
  const results = await axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    resultTypes: ['violations'],
  });
  const problems: PageProblem[] = [];
  const pages = [...document.querySelectorAll('.pdf-page')];
  for (const violation of results.violations) {
    const serious = violation.impact === 'serious' || violation.impact === 'critical';
    for (const node of violation.nodes) {
      const selector = node.target[node.target.length - 1] ?? '';
      const element = selector ? document.querySelector(selector) : null;
      const page = element?.closest('.pdf-page');
      const where = page ? `slide ${pages.indexOf(page) + 1}: ` : '';
      problems.push({
        severity: serious ? 'error' : 'warning',
        rule: `axe/${violation.id}`,
        message: `${where}${violation.help} (axe ${violation.id}, ${violation.impact ?? 'minor'}) at ${selector}`,
        line: Number(element?.closest('[data-line]')?.getAttribute('data-line') ?? 0),
      });
    }
  }
  return problems;
}

function staticFindings(deck: RenderedDeck): Finding[] {
  const findings: Finding[] = [];
  for (const slide of deck.slides) {
    if (!slide.hasNotes) {
      findings.push({
        severity: 'warning',
        rule: 'notes',
        message: `slide ${slide.index + 1} has no speaker notes; add a "Note:" line`,
        file: deck.file,
        line: slide.line,
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

async function loadAxe(page: Page): Promise<void> {
  const require = createRequire(import.meta.url);
  await page.evaluate(await readFile(require.resolve('axe-core/axe.min.js'), 'utf8'));
}

async function inspectDeck(browser: Browser, deck: CompiledDeck, folder: string): Promise<Finding[]> {
  const url = pathToFileURL(join(folder, deck.name, 'index.html'));
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, bypassCSP: true });
  const problems: PageProblem[] = [];
  try {
    const screen = await context.newPage();
    await screen.goto(url.href);
    await screen.waitForFunction(() => window.deck?.isReady() === true, undefined, { timeout: 30_000 });
    await screen.evaluate(() => document.fonts.ready.then(() => undefined));
    const indices = await screen.evaluate(() => window.deck!.getSlides().map((s) => window.deck!.getIndices(s)));
    for (const [i, { h, v }] of indices.entries()) {
      await screen.evaluate(
        ([hh, vv]) => {
          window.deck!.slide(hh, vv, Number.MAX_SAFE_INTEGER);
          return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        },
        [h, v ?? 0] as const,
      );
      await screen.evaluate(() => Promise.all([...document.images].map((img) => img.decode().catch(() => undefined))));
      const input: InspectInput = { selector: '.reveal .slides section.present', layout: 'screen', numbers: [i + 1] };
      problems.push(...(await screen.evaluate(inspectSlides, input)));
    }

    const print = await context.newPage();
    url.search = '?print-pdf&margin=0';
    await print.goto(url.href);
    await print.waitForFunction(() => document.documentElement.dataset.printReady === 'true', undefined, {
      timeout: 30_000,
    });
    await print.evaluate(() => document.fonts.ready.then(() => undefined));
    const numbers = indices.map((_, i) => i + 1);
    const input: InspectInput = { selector: '.pdf-page > section', layout: 'print', numbers };
    problems.push(...(await print.evaluate(inspectSlides, input)));
    await loadAxe(print);
    problems.push(...(await print.evaluate(runAxe)));
  } finally {
    await context.close();
  }
  const file = deck.rendered.file;
  // Speak of files as the author wrote them, not as the build renamed them.
  const authorPaths = (message: string) =>
    deck.rendered.assets.reduce((text, asset) => text.replaceAll(encodeURI(asset.output), asset.source), message);
  return problems.map((p) => ({
    severity: p.severity,
    rule: p.rule,
    message: authorPaths(p.message),
    file,
    line: p.line || 1,
    column: 1,
  }));
}

export async function checkDecks(paths: readonly string[], project: Project): Promise<CheckResult> {
  const findings: Finding[] = [];
  await withTemporaryFolder('deck-check-', async (folder) => {
    const built = await buildDecks(paths, {
      outDir: join(folder, 'dist'),
      project,
      render: { sourceLines: true },
    });
    findings.push(...built.diagnostics.map(FROM_BUILD));
    for (const deck of built.decks) findings.push(...staticFindings(deck.rendered));
    if (!hasErrors(built.diagnostics) && built.decks.length > 0) {
      const browser = await launchBrowser();
      try {
        for (const deck of built.decks) findings.push(...(await inspectDeck(browser, deck, built.outDir)));
      } finally {
        await browser.close();
      }
    }
  });
  findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { findings, errors, warnings: findings.length - errors };
}
