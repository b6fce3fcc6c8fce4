// The `deck` command. The only place that reads process.argv, prints, and exits: everything
// below it returns results and diagnostics, and errors become exit codes here.

import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { cac } from 'cac';
import { readDeck } from '../compile/read-deck.js';
import { DeckError } from '../errors.js';
import { HANDOUT_FILE_SUFFIX, type HandoutKind } from '../html/handout-kinds.js';
import { type Diagnostic, formatDiagnostic, hasErrors, type Project } from '../model.js';
import { checkFileDestination } from '../platform/destination.js';
import { onInterrupt, runInterruptCleanups } from '../platform/interrupt.js';
import { deckName, displayPath, projectAt } from '../platform/paths.js';
import { fileSize, plural, variantLabel } from '../wording.js';
import { EXIT_CODES } from './exit-codes.js';
import { pacingTable } from './pacing-table.js';

/** The project is the folder the command runs in: built once here and passed down. */
let project: Project;
/** A path as the user should read it: relative to the project when inside it. */
const shown = (path: string) => displayPath(path, project.root);
const SLIDES_DIR = 'slides';

const out = (line = '') => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

async function slideFiles(): Promise<string[]> {
  const names = await readdir(project.slidesDir).catch(() => [] as string[]);
  return names
    .filter((name) => /\.(?:md|markdown)$/i.test(name))
    .sort()
    .map((name) => join(project.slidesDir, name));
}

/** The deck named on the command line, else the only deck in slides/; with several, the user chooses. */
async function oneDeck(file: string | undefined, command: string): Promise<string> {
  if (file) return resolve(project.root, file);
  const decks = await slideFiles();
  if (decks.length === 1) return decks[0]!;
  if (decks.length === 0)
    throw new DeckError('USAGE', `no deck to ${command}: name a Markdown file or add one to ${SLIDES_DIR}/`);
  const names = decks.map(shown);
  throw new DeckError(
    'USAGE',
    `${SLIDES_DIR}/ holds ${decks.length} decks (${names.join(', ')}); name one, e.g. deck ${command} ${names[0]}`,
  );
}

/** The value of `--variant`, checked: a name, when given. */
function variantFlag(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new DeckError('USAGE', '--variant needs the name of a variant, e.g. --variant short');
  }
  return value.trim();
}

/** A variant to export and the start of its file's default name: `<deck>` or `<deck>-<variant>`. */
interface Export {
  variant?: string;
  name: string;
}

/**
 * The variants of `deck` to export, one file each: the one asked for, else each variant of a deck
 * that has them (only the first when `--out` names one destination), else the deck itself. A deck
 * without variants is exported whole under its own name, even when a variant is asked for.
 */
async function variantsToExport(deck: string, flags: { variant?: unknown; out?: string }): Promise<Export[]> {
  const asked = variantFlag(flags.variant);
  const read = await readDeck(deck);
  const { variantNames } = await import('../parse/variants.js');
  const names = read.ok ? variantNames(read.text, shown(deck)) : [];
  const named = (variant: string) => ({
    variant,
    name: names.length > 0 ? `${deckName(deck)}-${variant}` : deckName(deck),
  });
  if (asked !== undefined) return [named(asked)];
  if (names.length > 1 && flags.out !== undefined) {
    // One destination: the deck's first variant, the one `deck dev` and `deck present` show.
    err(
      `deck: ${shown(deck)} has ${names.length} variants (${names.join(', ')}); --out gets the first, "${names[0]}" (--variant picks another)`,
    );
    return [named(names[0]!)];
  }
  return names.length > 0 ? names.map(named) : [{ name: deckName(deck) }];
}

function report(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) err(formatDiagnostic(d));
}

/** An export's diagnostics, printed; with an error among them the export wrote nothing, and fails. */
function reportExport(diagnostics: readonly Diagnostic[]): void {
  report(diagnostics);
  if (hasErrors(diagnostics)) throw new DeckError('DECK', 'export failed: the deck has errors; nothing was written');
}

interface BuildFlags {
  out: string;
  verbose?: boolean;
  singleFile?: boolean;
  thumbnails?: boolean;
  variant?: unknown;
}

async function build(files: string[], flags: BuildFlags): Promise<void> {
  const started = performance.now();
  const decks = files.length > 0 ? files.map((file) => resolve(project.root, file)) : await slideFiles();
  if (decks.length === 0)
    throw new DeckError('USAGE', `no decks to build: name a Markdown file or add one to ${SLIDES_DIR}/`);
  // Each command loads what it needs: `deck pdf` starts the browser before loading the compiler.
  const { buildDecks } = await import('../commands/build.js');
  const variant = variantFlag(flags.variant);
  const result = await buildDecks(decks, {
    outDir: resolve(project.root, flags.out),
    project,
    singleFile: Boolean(flags.singleFile),
    thumbnails: flags.thumbnails !== false && !flags.singleFile,
    ...(variant !== undefined ? { variant } : {}),
  });
  report(result.diagnostics);
  if (hasErrors(result.diagnostics)) {
    const count = result.diagnostics.filter((d) => d.severity === 'error').length;
    throw new DeckError('DECK', `build failed: ${plural(count, 'error')}; nothing was written`);
  }
  for (const deck of result.decks) {
    const single = result.singleFiles.find((file) => file.name === deck.name);
    const page = shown(single ? single.file : join(result.outDir, deck.name, 'index.html'));
    const size = single ? `, ${fileSize(single.size)} in one file` : '';
    out(`${page}  ${plural(deck.rendered.slides.length, 'slide')}${size}`);
    if (flags.verbose) out(pacingTable(deck.rendered));
  }
  if (result.thumbnails?.skipped) err(`deck: the index page has no thumbnails: ${result.thumbnails.skipped}`);
  const others = result.indexed.length - result.decks.length;
  out(
    `built ${plural(result.decks.length, 'deck')} into ${shown(result.outDir)}/ in ${Math.round(performance.now() - started)} ms${others > 0 ? `; its index also lists ${plural(others, 'deck')} built before` : ''}`,
  );
}

interface DevFlags {
  port?: number;
  host?: string;
  variant?: unknown;
}

async function dev(file: string | undefined, flags: DevFlags): Promise<void> {
  if (flags.port !== undefined && (!Number.isInteger(flags.port) || flags.port < 0 || flags.port > 65535)) {
    throw new DeckError('USAGE', `--port must be a port number, not "${flags.port}"`);
  }
  const deck = await oneDeck(file, 'dev');
  // A deck that cannot be read is not worth a server; mistakes inside it are (they show in the browser).
  const read = await readDeck(deck);
  if (!read.ok) {
    report([{ ...read.diagnostic, file: shown(deck) }]);
    throw new DeckError('DECK', 'nothing to present');
  }
  const { startDevServer } = await import('../commands/dev.js');
  // A deck with variants shows its first one unless another is asked for.
  const { variantNames } = await import('../parse/variants.js');
  const variant = variantFlag(flags.variant) ?? variantNames(read.text, shown(deck))[0];
  const { url } = await startDevServer({
    file: deck,
    project,
    ...(variant !== undefined ? { variant } : {}),
    ...(flags.port !== undefined ? { port: flags.port } : {}),
    ...(flags.host ? { host: String(flags.host) } : {}),
  });
  out(`Presenting ${shown(deck)}${variant !== undefined ? ` (${variantLabel(variant)})` : ''} at ${url}`);
  out('Press s in the deck for speaker view (notes, next slide, timers); f for full screen; Esc for the overview.');
  out('Edits to the deck file, and to files it includes, show up in the browser as you save. Ctrl+C stops the server.');
}

async function present(file: string | undefined, flags: DevFlags): Promise<void> {
  if (flags.port !== undefined && (!Number.isInteger(flags.port) || flags.port < 0 || flags.port > 65535)) {
    throw new DeckError('USAGE', `--port must be a port number, not "${flags.port}"`);
  }
  const deck = await oneDeck(file, 'present');
  // A deck with variants is presented in its first one unless another is asked for.
  const read = await readDeck(deck);
  const { variantNames } = await import('../parse/variants.js');
  const variant = variantFlag(flags.variant) ?? (read.ok ? variantNames(read.text, shown(deck))[0] : undefined);
  const { startPresentServer } = await import('../commands/present.js');
  const result = await startPresentServer({
    file: deck,
    project,
    ...(variant !== undefined ? { variant } : {}),
    ...(flags.port !== undefined ? { port: flags.port } : {}),
    ...(flags.host ? { host: String(flags.host) } : {}),
  });
  report(result.diagnostics);
  if (!result.ok) {
    const count = result.diagnostics.filter((d) => d.severity === 'error').length;
    throw new DeckError('DECK', `cannot present: ${plural(count, 'error')}`);
  }
  const { urls, terminalCode } = result.server;
  // Exactly these three lines on stdout; the rest is for the person at the terminal.
  out(`audience:  ${urls.audience}`);
  out(`presenter: ${urls.presenter}`);
  out(`remote:    ${urls.remote}`);
  err(`${terminalCode}`);
  err('Scan the code to follow along; open the presenter address on your screen and the remote on your phone.');
  err('Ctrl+C stops the room.');
  onInterrupt(() => {
    const { malformed, refused } = result.server.stats();
    if (malformed + refused > 0) {
      err(
        `deck: the room ignored ${plural(malformed, 'malformed message')} and ${plural(refused, 'command')} from pages without the token`,
      );
    }
    void result.server.close();
  });
}

interface PdfFlags {
  out?: string;
  fragments?: boolean;
  /** `--handout` alone is the trainer's; `--handout participants` the room's. */
  handout?: boolean | string;
  paper?: string;
  variant?: unknown;
}

const HANDOUT_KINDS: readonly HandoutKind[] = ['trainer', 'participants'];

/**
 * Which handout `--handout` asks for. Written before the deck (`deck pdf --handout talk.md`), the
 * deck's file name is read as the flag's value: it is the deck, and the handout the trainer's.
 */
function handoutFlag(value: PdfFlags['handout'], file: string | undefined): { kind?: HandoutKind; file?: string } {
  const withFile = file !== undefined ? { file } : {};
  if (value === undefined || value === false) return withFile;
  if (value === true) return { kind: 'trainer', ...withFile };
  const kind = HANDOUT_KINDS.find((known) => known === value.trim().toLowerCase());
  if (kind) return { kind, ...withFile };
  if (file === undefined && /\.(?:md|markdown)$/i.test(value)) return { kind: 'trainer', file: value };
  throw new DeckError('USAGE', `--handout is "trainer" (the default) or "participants", not "${value}"`);
}

async function pdf(file: string | undefined, flags: PdfFlags): Promise<void> {
  const handout = handoutFlag(flags.handout, file);
  if (flags.paper !== undefined && !handout.kind)
    throw new DeckError('USAGE', '--paper sets the handout paper; it goes with --handout');
  const paper = String(flags.paper ?? 'a4').toLowerCase();
  if (paper !== 'a4' && paper !== 'letter')
    throw new DeckError('USAGE', `--paper must be a4 or letter, not "${flags.paper}"`);
  if (flags.fragments && handout.kind) throw new DeckError('USAGE', '--fragments and --handout do not go together');
  const deck = await oneDeck(handout.file, 'pdf');
  // Each kind of PDF has its own default name, so exporting one never overwrites another.
  const kind = handout.kind ? `-${HANDOUT_FILE_SUFFIX[handout.kind]}` : flags.fragments ? '-fragments' : '';
  const { exportPdf } = await import('../commands/pdf.js');
  for (const { variant, name } of await variantsToExport(deck, flags)) {
    const outFile = resolve(project.root, flags.out ?? `${name}${kind}.pdf`);
    if (outFile === deck) throw new DeckError('USAGE', `--out ${shown(outFile)} is the deck itself; name a PDF file`);
    await checkFileDestination({ path: outFile, label: `--out ${shown(outFile)}`, shown });
    const result = await exportPdf({
      deck,
      project,
      out: outFile,
      fragments: flags.fragments ?? false,
      ...(handout.kind ? { handout: handout.kind } : {}),
      ...(variant !== undefined ? { variant } : {}),
      paper,
      progress: err,
    });
    reportExport(result.diagnostics);
    out(`${shown(result.file)}  ${plural(result.pages, 'page')}`);
  }
}

interface PptxFlags {
  out?: string;
  fragments?: boolean;
  variant?: unknown;
}

async function pptx(file: string | undefined, flags: PptxFlags): Promise<void> {
  const deck = await oneDeck(file, 'pptx');
  const kind = flags.fragments ? '-fragments' : '';
  const { exportPptx } = await import('../commands/pptx.js');
  for (const { variant, name } of await variantsToExport(deck, flags)) {
    const outFile = resolve(project.root, flags.out ?? `${name}${kind}.pptx`);
    if (outFile === deck) throw new DeckError('USAGE', `--out ${shown(outFile)} is the deck itself; name a .pptx file`);
    await checkFileDestination({ path: outFile, label: `--out ${shown(outFile)}`, shown });
    const result = await exportPptx({
      deck,
      project,
      out: outFile,
      fragments: flags.fragments ?? false,
      ...(variant !== undefined ? { variant } : {}),
      progress: err,
    });
    reportExport(result.diagnostics);
    out(`${shown(result.file)}  ${plural(result.slides, 'slide')}`);
  }
}

interface PngFlags {
  out?: string;
  size?: string;
  fragments?: boolean;
  variant?: unknown;
}

async function png(file: string | undefined, flags: PngFlags): Promise<void> {
  const { exportPngs, parseImageSize } = await import('../commands/png.js');
  const size = flags.size === undefined ? undefined : parseImageSize(String(flags.size));
  const deck = await oneDeck(file, 'png');
  for (const { variant, name } of await variantsToExport(deck, flags)) {
    const outDir = resolve(project.root, flags.out ?? `${name}-${flags.fragments ? 'fragment-' : ''}images`);
    const result = await exportPngs({
      deck,
      project,
      outDir,
      fragments: flags.fragments ?? false,
      progress: err,
      ...(size ? { size } : {}),
      ...(variant !== undefined ? { variant } : {}),
    });
    reportExport(result.diagnostics);
    out(
      `${shown(result.outDir)}/  ${plural(result.files.length, 'image')} of ${result.size.width}x${result.size.height}`,
    );
  }
}

interface CheckFlags {
  json?: boolean;
  strict?: boolean;
  variant?: unknown;
}

async function check(files: string[], flags: CheckFlags): Promise<void> {
  const decks = files.length > 0 ? files.map((file) => resolve(project.root, file)) : await slideFiles();
  if (decks.length === 0)
    throw new DeckError('USAGE', `no decks to check: name a Markdown file or add one to ${SLIDES_DIR}/`);
  const { checkDecks } = await import('../commands/check.js');
  const variant = variantFlag(flags.variant);
  const result = await checkDecks(decks, project, variant !== undefined ? { variant } : {});
  const summary = `${plural(result.errors, 'error')}, ${plural(result.warnings, 'warning')}`;
  if (flags.json) {
    out(JSON.stringify({ findings: result.findings, errors: result.errors, warnings: result.warnings }, null, 2));
  } else {
    for (const finding of result.findings) out(formatDiagnostic(finding));
    out(summary);
  }
  if (result.errors > 0 || (flags.strict && result.warnings > 0)) {
    throw new DeckError('DECK', `check failed: ${summary}${flags.strict && result.errors === 0 ? ' (--strict)' : ''}`);
  }
}

async function newDeckCommand(name: string): Promise<void> {
  const { newDeck } = await import('../commands/new-deck.js');
  const { file } = await newDeck(name, project);
  const deck = shown(file);
  out(`wrote ${deck}`);
  out('Next:');
  const steps = [
    [`deck dev ${deck}`, 'present it; the browser shows each edit as you save'],
    [`deck check ${deck}`, 'check it in a browser for overflow, small text and more'],
    [`deck build ${deck}`, 'build it into dist/, to open offline'],
    [`deck pdf --handout ${deck}`, 'print the trainer’s handout'],
  ] as const;
  const width = Math.max(...steps.map(([command]) => command.length));
  for (const [command, what] of steps) out(`  ${command.padEnd(width)}  ${what}`);
}

/** The toolkit's version, from its package.json (two folders up from this file, built or not). */
function toolkitVersion(): string {
  const manifest = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(manifest) as { version: string }).version;
}

function createCli() {
  const cli = cac('deck');
  cli.version(toolkitVersion());
  cli.option('--debug', 'Show stack traces of internal errors');
  cli
    .command('build [...decks]', 'Build decks into static folders that open offline (default: every slides/*.md)')
    .option('--out <dir>', 'Output folder', { default: 'dist' })
    .option('--verbose', "Print each deck's pacing plan")
    .option('--single-file', 'Build each deck as one HTML file, OUT/<deck>.html, with everything inside it')
    .option('--no-thumbnails', "Leave the first slides' pictures off the index page (they need Chrome or Chromium)")
    .option('--variant <name>', 'Build this variant of each deck (default: every variant of a deck that has them)')
    .action((decks: string[], flags: BuildFlags) => build(decks, flags));
  cli
    .command(
      'new <name>',
      `Start a deck: write ${SLIDES_DIR}/<name>.md from a commented starter deck (never over a file)`,
    )
    .action((name: string) => newDeckCommand(name));
  cli
    .command('dev [deck]', `Present a deck with live reload (default: the only deck in ${SLIDES_DIR}/)`)
    .option('--port <port>', 'Port (default: 5173, or the next free one)')
    .option('--host <host>', 'Address to listen on (default: 127.0.0.1; 0.0.0.0 shares it on the network)')
    .option('--variant <name>', 'Present this variant (default: the first variant of a deck that has them)')
    .action((deck: string | undefined, flags: DevFlags) => dev(deck, flags));
  cli
    .command(
      'present [deck]',
      `Present a deck to a room: audience pages follow you, a phone remote drives (default: the only deck in ${SLIDES_DIR}/)`,
    )
    .option('--port <port>', `Port (default: 8040)`)
    .option('--host <host>', 'Address to listen on (default: 127.0.0.1; 0.0.0.0 lets phones in the room join)')
    .option('--variant <name>', 'Present this variant (default: the first variant of a deck that has them)')
    .action((deck: string | undefined, flags: DevFlags) => present(deck, flags));
  cli
    .command(
      'pdf [deck]',
      `Export a deck to PDF through the system Chrome or Chromium (default: the only deck in ${SLIDES_DIR}/)`,
    )
    .option(
      '--out <file>',
      'PDF file (default: <deck>.pdf, <deck>-fragments.pdf, <deck>-handout.pdf or <deck>-participants.pdf)',
    )
    .option('--fragments', 'One page per fragment step instead of per slide')
    .option(
      '--handout [kind]',
      "A handout on portrait paper, three slides a page: trainer (the default: each slide's planned start and length, and its notes) or participants (ruled lines for notes, and each slide's Handout: text)",
    )
    .option('--paper <size>', 'Handout paper, with --handout: a4 or letter (default: a4)')
    .option('--variant <name>', 'Export this variant (default: each variant of a deck that has them, one file each)')
    .action((deck: string | undefined, flags: PdfFlags) => pdf(deck, flags));
  cli
    .command(
      'pptx [deck]',
      `Export a deck to an editable PowerPoint file with its notes (default: the only deck in ${SLIDES_DIR}/)`,
    )
    .option('--out <file>', 'PowerPoint file (default: <deck>.pptx, or <deck>-fragments.pptx)')
    .option('--fragments', 'One slide per fragment step instead of each slide in its final state')
    .option('--variant <name>', 'Export this variant (default: each variant of a deck that has them, one file each)')
    .action((deck: string | undefined, flags: PptxFlags) => pptx(deck, flags));
  cli
    .command('png [deck]', `Export one PNG image per slide (default: the only deck in ${SLIDES_DIR}/)`)
    .option('--out <dir>', 'Folder for the images (default: <deck>-images, or <deck>-fragment-images)')
    .option('--size <WxH>', "Image size in pixels, such as 1920x1080 (default: the deck's canvas)")
    .option('--fragments', 'One image per fragment step instead of each slide in its final state')
    .option('--variant <name>', 'Export this variant (default: each variant of a deck that has them, one folder each)')
    .action((deck: string | undefined, flags: PngFlags) => png(deck, flags));
  cli
    .command(
      'check [...decks]',
      'Check decks in a real browser for overflow, small text, broken images, accessibility and more',
    )
    .option('--json', 'Print the findings as JSON')
    .option('--strict', 'Fail on warnings too')
    .option('--variant <name>', 'Check this variant (default: every variant of a deck that has them)')
    .action((decks: string[], flags: CheckFlags) => check(decks, flags));
  cli.help();
  return cli;
}

/** Ctrl+C or a stop request: undo half-done work (a build's new folder, temp files), then exit. */
function exitCleanlyOnSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (runInterruptCleanups() > 0) err(`deck: stopped (${signal}); no half-written output left behind`);
      process.exit(EXIT_CODES[signal]);
    });
  }
}

/** `deck help build` is `deck build --help`; `deck help` is `deck --help`. */
function helpAsFlag(argv: string[], commands: readonly string[]): string[] {
  const [node = 'node', bin = 'deck', first, command] = argv;
  if (first !== 'help') return argv;
  if (command === undefined) return [node, bin, '--help'];
  if (!commands.includes(command)) throw new DeckError('USAGE', `unknown command "${command}"; see deck --help`);
  return [node, bin, command, '--help'];
}

/**
 * cac tells its parser which options are flags by their camelCase names only, so a flag written
 * in kebab case (`--single-file deck.md`) would take the next argument as its value: each long
 * option before `--` goes to the parser in camelCase (`--no-…` negations stay as they are).
 */
function camelCaseLongOptions(argv: string[]): string[] {
  const end = argv.indexOf('--');
  return argv.map((arg, index) =>
    (end < 0 || index < end) && /^--(?!no-)[a-z0-9]+(?:-[a-z0-9]+)+(?:=|$)/i.test(arg)
      ? arg.replace(
          /^--([^=]+)/,
          (_, name: string) => `--${name.replace(/-([a-z0-9])/gi, (__, c: string) => c.toUpperCase())}`,
        )
      : arg,
  );
}

export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  exitCleanlyOnSignals();
  project = projectAt(process.cwd());
  try {
    const cli = createCli();
    const commands = cli.commands.map((command) => command.name);
    cli.parse(camelCaseLongOptions(helpAsFlag(argv, commands)), { run: false });
    if (cli.options.help) return EXIT_CODES.OK;
    if (cli.options.version) {
      // cac prints the version only when no command is named (`deck build --version` still asks for it).
      if (cli.matchedCommand) cli.outputVersion();
      return EXIT_CODES.OK;
    }
    if (!cli.matchedCommand) {
      const given = cli.args[0];
      if (given !== undefined) throw new DeckError('USAGE', `unknown command "${given}"; see deck --help`);
      cli.outputHelp();
      return EXIT_CODES.USAGE;
    }
    await cli.runMatchedCommand();
    return EXIT_CODES.OK;
  } catch (error) {
    if (error instanceof DeckError) {
      err(`deck: ${error.message}`);
      return EXIT_CODES[error.code];
    }
    // The disk said no (a folder that does not exist, no permission, no space): not a bug.
    const io = error as NodeJS.ErrnoException;
    if (io?.syscall && io.code) {
      err(`deck: cannot ${io.syscall} ${io.path ?? ''}: ${io.code}`.replace('  ', ' '));
      return EXIT_CODES.DISK;
    }
    if (error instanceof Error && error.name === 'CACError') {
      // Options as the user wrote them, not as camelCaseLongOptions passed them on.
      const message = error.message.replace(
        /`--([a-z0-9]+[A-Z][a-zA-Z0-9]*)`/g,
        (_, name: string) => `\`--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}\``,
      );
      err(`deck: ${message}; see deck --help`);
      return EXIT_CODES.USAGE;
    }
    err(
      `deck: internal error: ${error instanceof Error ? error.message : String(error)}. This is a bug: please report it${debug ? '' : ' (run with --debug for details)'}.`,
    );
    if (debug && error instanceof Error && error.stack) err(error.stack);
    return EXIT_CODES.INTERNAL;
  }
}
