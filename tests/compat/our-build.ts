// Ours: each deck built by deck-toolkit's own build (buildDecks), from a temporary copy of its
// folder. The host's settings that live outside the deck file go into the copy's front matter,
// where our format reads them, as an author moving the deck over would put them:
// - a reveal.js page's `data-separator`, `data-separator-vertical` and `data-separator-notes` become
//   `separator`, `verticalSeparator` and `notesSeparator`, and the page's Reveal.initialize options
//   go under `reveal:`;
// - reveal-md.json's `separator`, `verticalSeparator` and `notesSeparator` are added unless the
//   deck's front matter sets them (reveal-md lets the front matter win too).
// The deck's own text is otherwise untouched.
//
// When the build refuses the deck, the same compiled deck is still written out (page, runtime and
// the files that exist) so that the slides can be compared too; the refusal itself is reported as
// a difference.

import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { buildDecks } from '../../src/commands/build.js';
import { runtimeBundle } from '../../src/compile/runtime-bundle.js';
import { deckContentSecurityPolicy, renderPage } from '../../src/html/page.js';
import {
  type AssetReference,
  type CompiledDeck,
  type Diagnostic,
  formatDiagnostic,
  hasErrors,
} from '../../src/model.js';
import { deckName, projectAt } from '../../src/platform/paths.js';
import { type CorpusDeck, pageSeparators } from './corpus.js';
import { revealMdConfig, splitRevealMdFrontMatter } from './reference-page.js';

/** The keys our front matter gets from the host, with their values. */
export function hostSettings(deck: CorpusDeck, source: string): Record<string, unknown> {
  if (deck.host === 'reveal.js-page') {
    if (!deck.page) return {};
    const settings: Record<string, unknown> = { ...pageSeparators(deck.page) };
    if (deck.page.revealConfig) settings.reveal = deck.page.revealConfig;
    return settings;
  }
  const config = revealMdConfig(deck);
  const own = splitRevealMdFrontMatter(source).options;
  const settings: Record<string, string> = {};
  for (const key of ['separator', 'verticalSeparator', 'notesSeparator'] as const) {
    const value = config[key];
    if (typeof value === 'string' && own[key] === undefined) settings[key] = value;
  }
  return settings;
}

/**
 * The deck's text with `settings` added to its front matter (a new front matter block when it has
 * none). Values are written as JSON, which YAML reads as the same strings and objects.
 */
export function withFrontMatter(source: string, settings: Record<string, unknown>): { text: string; shift: Shift } {
  const lines = Object.entries(settings).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  if (lines.length === 0) return { text: source, shift: { after: 0, by: 0 } };
  const opening = /^\uFEFF?---\r?\n/.exec(source);
  if (opening && /\r?\n---/.test(source.slice(opening[0].length - 1))) {
    const text = `${opening[0]}${lines.join('\n')}\n${source.slice(opening[0].length)}`;
    return { text, shift: { after: 1, by: lines.length } };
  }
  return { text: `---\n${lines.join('\n')}\n---\n${source}`, shift: { after: 0, by: lines.length + 2 } };
}

/** Lines added to a deck: those after line `after` moved down `by` lines. */
export interface Shift {
  after: number;
  by: number;
}

/** A diagnostic at the line the author's own file has it; one about an added line says so. */
function unshift(diagnostic: Diagnostic, shift: Shift): Diagnostic {
  if (diagnostic.line > shift.after + shift.by) return { ...diagnostic, line: diagnostic.line - shift.by };
  if (diagnostic.line > shift.after)
    return { ...diagnostic, message: `${diagnostic.message} (a line the harness added from the host's settings)` };
  return diagnostic;
}

export interface OurBuild {
  /** The built page, relative to the deck's output folder (`<work>/out/<deck>/`). */
  page: string;
  /** False when not even a page could be written (the deck could not be read). */
  written: boolean;
  /** The files copied next to the page. */
  assets: AssetReference[];
  /** Errors that made the build refuse the deck (the page was written anyway). */
  errors: Diagnostic[];
}

/** Writes what buildDecks would have written for a deck it refused: page, runtime, existing assets. */
async function writeRefusedDeck(deck: CompiledDeck, folder: string): Promise<void> {
  const runtime = await runtimeBundle();
  await mkdir(folder, { recursive: true });
  for (const file of runtime.files) {
    await mkdir(dirname(join(folder, file)), { recursive: true });
    await cp(join(runtime.dir, file), join(folder, file));
  }
  for (const asset of deck.rendered.assets) {
    await mkdir(dirname(join(folder, asset.output)), { recursive: true });
    await cp(join(dirname(deck.path), asset.source), join(folder, asset.output)).catch(() => undefined);
  }
  const html = renderPage(deck.rendered, {
    styles: [runtime.style, ...deck.rendered.styles],
    script: { src: runtime.script, module: false },
    contentSecurityPolicy: deckContentSecurityPolicy(runtime.scriptHashes),
  });
  await writeFile(join(folder, 'index.html'), html);
}

/** Builds `deck` from a copy of its folder under `work`. */
export async function buildOurs(deck: CorpusDeck, work: string): Promise<OurBuild> {
  const root = join(work, 'src', deck.name);
  await cp(deck.dir, root, { recursive: true });
  const path = join(root, deck.file);
  const source = await readFile(path, 'utf8');
  const { text, shift } = withFrontMatter(source, hostSettings(deck, source));
  await writeFile(path, text);

  const project = projectAt(root);
  const outDir = join(work, 'out', deck.name);
  const page = `${deckName(basename(path))}/index.html`;
  const built = await buildDecks([path], { outDir, project });
  const errors = built.diagnostics.filter((d) => d.severity === 'error').map((d) => unshift(d, shift));
  const compiled = built.decks[0];
  if (!hasErrors(built.diagnostics)) {
    return { page, written: true, assets: compiled?.rendered.assets ?? [], errors };
  }
  if (compiled) await writeRefusedDeck(compiled, join(outDir, deckName(basename(path))));
  return { page, written: compiled !== undefined, assets: compiled?.rendered.assets ?? [], errors };
}

export const describeErrors = (errors: readonly Diagnostic[]) => errors.map(formatDiagnostic);
