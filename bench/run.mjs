// Benchmarks deck-toolkit against reveal-md and Marp CLI on the same 24-slide deck.
// Run from the project root with `npm run bench`. Progress goes to stderr; the Markdown report
// goes to stdout and to bench/results.md. Nothing here asserts a time: it measures, it does not test.

import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { measureDeckBytes } from './lib/bytes.mjs';
import { compareInProcess, FLOOR_OPTIONS, loadMainMarkdownIt, repeatDeck } from './lib/compile.mjs';
import { measureHotReload } from './lib/hot-reload.mjs';
import { freePort, measurePeakMemory, runProcess } from './lib/processes.mjs';
import { measureRoom } from './lib/room.mjs';
import {
  formatBytes,
  formatMs,
  formatRange,
  formatRatio,
  median,
  pairedRatios,
  plural,
  summarize,
} from './lib/stats.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
const WORK = join(BENCH, 'work');
const RUNTIME_BUNDLES = join(ROOT, 'lib/runtime');
const CHROMIUM = '/usr/bin/chromium';
/** Chromium's headless shell, which deck pdf prefers when installed; Marp is timed with it too. */
const HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell';
const ROUNDS = 5;
const FIRST_CALL_RUNS = 5;
const HOT_RELOAD_EDITS = 20;

// Every child gets the system Chromium and is told never to download a browser.
const ENV = {
  ...process.env,
  CHROME_PATH: CHROMIUM,
  PUPPETEER_EXECUTABLE_PATH: CHROMIUM,
  PUPPETEER_SKIP_DOWNLOAD: '1',
};

const progress = (line) => process.stderr.write(`[bench] ${line}\n`);
const rel = (path) => path.slice(ROOT.length + 1);
const localBin = (name) => join(BENCH, 'node_modules/.bin', name);
/** Things that could not run, with the reason, for the report. */
const problems = [];

// ---------------------------------------------------------------------------------------------
// Jobs: one whole-process run of one tool. `prepare` runs untimed before each run; `output` is a
// file the run must (re)write, so a tool that exits 0 without doing its work counts as failed.

const deck = (name) => join(BENCH, 'decks', name);
const WARM_COPY = join(WORK, 'warm', 'ours.md');
const WARM_WORDS = ['short', 'brief', 'quick']; // the one word the warm build changes each run
let warmEdits = 0;

function writeWarmCopy() {
  const source = readFileSync(deck('ours.md'), 'utf8');
  const word = WARM_WORDS[warmEdits++ % WARM_WORDS.length];
  writeFileSync(WARM_COPY, source.replace('A short session', `A ${word} session`));
}

// deck-toolkit's own environment: the PDF rows name its browser (CHROME_PATH) one by one.
const OURS_ENV = { ...ENV };
delete OURS_ENV.CHROME_PATH;
const nodeJob = (args) => ({ command: process.execPath, args, cwd: ROOT, env: OURS_ENV });
const binJob = (name, args) => ({ command: localBin(name), args, cwd: ROOT, env: ENV });

// Rows are named for what each run starts from. "cold" is a build with nothing to reuse: no
// runtime bundle (reveal.js, the runtime and the theme, bundled once at install) and no output.
const BUILD_JOBS = {
  oursCold: {
    label: 'deck build, cold (no runtime bundle, no earlier output)',
    ...nodeJob([
      'bin/deck.js',
      'build',
      'bench/decks/ours.md',
      '--out',
      'bench/work/ours-cold-dist',
      '--no-thumbnails',
    ]),
    prepare: () => {
      rmSync(RUNTIME_BUNDLES, { recursive: true, force: true });
      rmSync(join(WORK, 'ours-cold-dist'), { recursive: true, force: true });
    },
    output: join(WORK, 'ours-cold-dist/ours/index.html'),
  },
  oursFresh: {
    label: 'deck build, new output folder (runtime bundle from install)',
    ...nodeJob(['bin/deck.js', 'build', 'bench/decks/ours.md', '--out', 'bench/work/ours-dist', '--no-thumbnails']),
    prepare: () => rmSync(join(WORK, 'ours-dist'), { recursive: true, force: true }),
    output: join(WORK, 'ours-dist/ours/index.html'),
  },
  revealMd: {
    label: 'reveal-md --static',
    ...binJob('reveal-md', ['bench/decks/reveal-md.md', '--static', 'bench/work/revealmd-dist']),
    output: join(WORK, 'revealmd-dist/index.html'),
  },
  oursEdited: {
    label: 'deck build, one word edited (replaces its earlier output)',
    ...nodeJob([
      'bin/deck.js',
      'build',
      'bench/work/warm/ours.md',
      '--out',
      'bench/work/ours-warm-dist',
      '--no-thumbnails',
    ]),
    prepare: writeWarmCopy,
    output: join(WORK, 'ours-warm-dist/ours/index.html'),
  },
  marp: {
    label: 'marp (HTML)',
    ...binJob('marp', ['bench/decks/marp.md', '-o', 'bench/work/marp/index.html']),
    output: join(WORK, 'marp/index.html'),
  },
  // What the rows above leave out: the index page's thumbnail (a browser starts), and one file.
  oursThumbnails: {
    label: 'deck build, new output folder, with the index thumbnail',
    ...nodeJob(['bin/deck.js', 'build', 'bench/decks/ours.md', '--out', 'bench/work/ours-thumbnail-dist']),
    prepare: () => rmSync(join(WORK, 'ours-thumbnail-dist'), { recursive: true, force: true }),
    output: join(WORK, 'ours-thumbnail-dist/ours/thumbnail.png'),
  },
  oursSingleFile: {
    label: 'deck build --single-file',
    ...nodeJob(['bin/deck.js', 'build', 'bench/decks/ours.md', '--single-file', '--out', 'bench/work/ours-single']),
    output: join(WORK, 'ours-single/ours.html'),
  },
};

/** deck pdf and marp --pdf on one browser binary: the browser's share of the time is then the same on both sides. */
const pdfPair = (key, browser, name) => ({
  [`ours${key}`]: {
    label: `deck pdf, ${name}`,
    ...nodeJob(['bin/deck.js', 'pdf', 'bench/decks/ours.md', '--out', `bench/work/ours-${key}.pdf`]),
    env: { ...OURS_ENV, CHROME_PATH: browser },
    output: join(WORK, `ours-${key}.pdf`),
  },
  [`marp${key}`]: {
    label: `marp --pdf, ${name}`,
    ...binJob('marp', ['bench/decks/marp.md', '--pdf', '--browser-path', browser, '-o', `bench/work/marp-${key}.pdf`]),
    output: join(WORK, `marp-${key}.pdf`),
  },
});

const PDF_JOBS = {
  ...(existsSync(HEADLESS_SHELL) ? pdfPair('Shell', HEADLESS_SHELL, 'headless shell') : {}),
  ...pdfPair('Full', CHROMIUM, 'full Chromium'),
  revealMd: {
    label: 'reveal-md --print, full Chromium',
    // reveal-md serves the deck on a port before printing; pick a free one each run. Chromium
    // refuses to start sandboxed as root, and reveal-md (unlike the other two) does not add
    // --no-sandbox itself, so it is passed here.
    ...binJob('reveal-md', []),
    prepare: async (job) => {
      job.args = [
        'bench/decks/reveal-md.md',
        '--print',
        'bench/work/revealmd.pdf',
        '--port',
        String(await freePort()),
        '--puppeteer-chromium-executable',
        CHROMIUM,
        '--puppeteer-launch-args=--no-sandbox',
      ];
    },
    output: join(WORK, 'revealmd.pdf'),
  },
};

/**
 * deck pptx and marp --pptx on one browser binary (the headless shell when installed). Marp's
 * file holds a picture of each slide; ours, text boxes, tables and shapes that can be edited.
 */
const PPTX_BROWSER = existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : CHROMIUM;
const PPTX_JOBS = {
  ours: {
    label: 'deck pptx (editable: text, tables, shapes)',
    ...nodeJob(['bin/deck.js', 'pptx', 'bench/decks/ours.md', '--out', 'bench/work/ours.pptx']),
    env: { ...OURS_ENV, CHROME_PATH: PPTX_BROWSER },
    output: join(WORK, 'ours.pptx'),
  },
  marp: {
    label: 'marp --pptx (a picture per slide)',
    ...binJob('marp', ['bench/decks/marp.md', '--pptx', '--browser-path', PPTX_BROWSER, '-o', 'bench/work/marp.pptx']),
    output: join(WORK, 'marp.pptx'),
  },
};

/** One PNG per slide at 1280x720, on one browser binary. */
const PNG_JOBS = {
  ours: {
    label: 'deck png',
    ...nodeJob(['bin/deck.js', 'png', 'bench/decks/ours.md', '--out', 'bench/work/ours-png']),
    env: { ...OURS_ENV, CHROME_PATH: PPTX_BROWSER },
    output: join(WORK, 'ours-png/slide-01.png'),
  },
  marp: {
    label: 'marp --images png',
    ...binJob('marp', [
      'bench/decks/marp.md',
      '--images',
      'png',
      '--browser-path',
      PPTX_BROWSER,
      '-o',
      'bench/work/marp-png/slide.png',
    ]),
    prepare: () => mkdirSync(join(WORK, 'marp-png'), { recursive: true }),
    output: join(WORK, 'marp-png/slide.001.png'),
  },
};

/** Slides and size of each job's PowerPoint file. */
async function describePptx(jobs) {
  const require = createRequire(join(ROOT, 'package.json'));
  const jszip = await import(pathToFileURL(require.resolve('jszip')).href);
  const JSZip = jszip.default ?? jszip;
  const files = {};
  for (const [key, job] of Object.entries(jobs)) {
    if (!existsSync(job.output)) continue;
    const bytes = readFileSync(job.output);
    const zip = await JSZip.loadAsync(bytes);
    const slides = Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name)).length;
    files[key] = { slides, bytes: bytes.length };
  }
  return files;
}

const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);

/** One run of a job; resolves with its result (wall time in `ms`), or throws with the tool's output if it failed. */
async function runJob(job, run = runProcess) {
  await job.prepare?.(job);
  const before = mtime(job.output);
  const result = await run(job);
  if (result.code !== 0) throw new Error(`exit code ${result.code}: ${lastLines(result.output)}`);
  if (mtime(job.output) <= before)
    throw new Error(`exit code 0 but ${rel(job.output)} was not written: ${lastLines(result.output)}`);
  return result;
}

const lastLines = (text) => text.trim().split('\n').slice(-3).join(' / ').slice(0, 300);

/**
 * A warm-up run of every job, then ROUNDS rounds running each job once in a fixed order, so our
 * tool and each peer alternate (A B A B …) and slow drift of the machine affects both alike. A job
 * that fails is dropped, and why goes into the report.
 */
async function compareProcesses(section, jobs) {
  const samples = Object.fromEntries(Object.keys(jobs).map((key) => [key, []]));
  const failed = new Set();
  for (let round = 0; round <= ROUNDS; round++) {
    const warmUp = round === 0;
    for (const [key, job] of Object.entries(jobs)) {
      if (failed.has(key)) continue;
      try {
        const { ms } = await runJob(job);
        if (!warmUp) samples[key].push(ms);
        progress(`${section} ${warmUp ? 'warm-up' : `round ${round}/${ROUNDS}`}: ${job.label} ${formatMs(ms)}`);
      } catch (error) {
        failed.add(key);
        problems.push({ what: `${section}: ${job.label}`, why: error.message });
        progress(`${section}: ${job.label} FAILED: ${error.message}`);
      }
    }
  }
  return samples;
}

// ---------------------------------------------------------------------------------------------
// Sections

function compileProject() {
  progress('compiling lib/ (npm run compile)');
  try {
    execFileSync('npm', ['run', '--silent', 'compile'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    // tsc still writes lib/ when it reports type errors (other work in progress); go on if it exists.
    const output = `${error.stdout ?? ''}${error.stderr ?? ''}`;
    progress(
      `npm run compile reported errors; using the lib/ it wrote:\n${output.trim().split('\n').slice(0, 5).join('\n')}`,
    );
    if (!existsSync(join(ROOT, 'lib/parse/index.js'))) throw error;
  }
}

/** Median first-call time of each side over FIRST_CALL_RUNS fresh processes, alternating. */
function firstCalls(file) {
  const times = { ours: [], floor: [] };
  const run = (which) =>
    Number(
      execFileSync(process.execPath, [join(BENCH, 'lib/first-call.mjs'), which, ROOT, file], { encoding: 'utf8' }),
    );
  for (let i = 0; i < FIRST_CALL_RUNS; i++) {
    times.ours.push(run('ours'));
    times.floor.push(run('markdown-it'));
  }
  return {
    oursMs: median(times.ours),
    floorMs: median(times.floor),
    ratio: median(pairedRatios(times.ours, times.floor)),
  };
}

async function measureCompile() {
  const { parseDeck } = await import(pathToFileURL(join(ROOT, 'lib/parse/index.js')).href);
  const { renderDeck } = await import(pathToFileURL(join(ROOT, 'lib/render/index.js')).href);
  const markdownIt = await loadMainMarkdownIt(ROOT);
  const oursSource = readFileSync(deck('ours.md'), 'utf8');
  const decks = [
    { name: 'slides/leadership-vs-management.md', file: join(ROOT, 'slides/leadership-vs-management.md') },
    { name: 'bench/decks/ours.md', file: deck('ours.md') },
    {
      name: '1,000 slides (ours.md repeated)',
      file: 'generated.md',
      source: repeatDeck(oursSource, 1000),
      large: true,
    },
  ];
  const rows = [];
  for (const entry of decks) {
    const source = entry.source ?? readFileSync(entry.file, 'utf8');
    const rendered = renderDeck(parseDeck(source, entry.file));
    const errors = rendered.diagnostics.filter((d) => d.severity === 'error').length;
    if (errors > 0) problems.push({ what: `compile: ${entry.name}`, why: `${errors} errors in the deck` });
    progress(`compile: ${entry.name} (${rendered.slides.length} slides)`);
    // Like for like: ours renders with the markdown-it instances it made on its first call, so
    // markdown-it alone reuses one instance too, with the options the deck grammar turns on (raw
    // HTML, bare links). (The first-call table has both make theirs.)
    const md = markdownIt(FLOOR_OPTIONS);
    const result = compareInProcess({
      ours: () => renderDeck(parseDeck(source, entry.file)),
      floor: () => md.render(source),
      iterations: entry.large ? 20 : 200,
      warmUpRuns: entry.large ? 3 : 20,
      warmUpMs: entry.large ? 0 : 2000,
    });
    const firstCall = entry.large ? undefined : firstCalls(entry.file);
    rows.push({ ...entry, slides: rendered.slides.length, bytes: Buffer.byteLength(source), ...result, firstCall });
  }
  return rows;
}

async function measureMemory(jobs) {
  const rows = [];
  for (const job of jobs) {
    try {
      const result = await runJob(job, measurePeakMemory);
      rows.push({ label: job.label, main: result.mainPeakBytes, tree: result.treePeakBytes });
      progress(
        `memory: ${job.label} main ${formatBytes(result.mainPeakBytes)}, tree ${formatBytes(result.treePeakBytes)}`,
      );
    } catch (error) {
      rows.push({ label: job.label, error: error.message });
      progress(`memory: ${job.label} FAILED: ${error.message}`);
    }
  }
  return rows;
}

/** Page count of each job's PDF (a tool may split a tall slide over two pages). */
async function countPdfPages(jobs) {
  const require = createRequire(join(ROOT, 'package.json'));
  const pdfLib = await import(pathToFileURL(require.resolve('pdf-lib')).href);
  const { PDFDocument } = pdfLib.default ?? pdfLib; // a CommonJS build: its exports arrive as default
  const pages = {};
  for (const [key, job] of Object.entries(jobs)) {
    if (!existsSync(job.output)) continue;
    const pdf = await PDFDocument.load(readFileSync(job.output), { updateMetadata: false });
    pages[key] = pdf.getPageCount();
  }
  return pages;
}

function measureBytes() {
  const outputs = [
    {
      label: 'ours (deck build folder)',
      html: join(WORK, 'ours-dist/ours/index.html'),
      folder: join(WORK, 'ours-dist/ours'),
    },
    {
      label: 'reveal-md --static folder',
      html: join(WORK, 'revealmd-dist/index.html'),
      folder: join(WORK, 'revealmd-dist'),
    },
    { label: 'Marp single HTML', html: join(WORK, 'marp/index.html'), folder: join(WORK, 'marp') },
    {
      label: 'ours (deck build --single-file)',
      html: join(WORK, 'ours-single/ours.html'),
      folder: join(WORK, 'ours-single'),
    },
  ];
  return outputs.map((output) =>
    existsSync(output.html)
      ? { ...output, ...measureDeckBytes(output.html, output.folder) }
      : { ...output, error: `${rel(output.html)} was not built` },
  );
}

async function measureHotReloadSection() {
  const hotDir = join(WORK, 'hot');
  mkdirSync(hotDir, { recursive: true });
  const deckFile = join(hotDir, 'ours.md');
  copyFileSync(deck('ours.md'), deckFile);
  try {
    return await measureHotReload({
      root: ROOT,
      env: ENV,
      deckFile,
      marker: '- Expertise carries a manager a long way',
      word: 'long',
      edits: HOT_RELOAD_EDITS,
      progress,
    });
  } catch (error) {
    problems.push({ what: 'hot reload', why: error.message });
    progress(`hot reload FAILED: ${error.message}`);
    return undefined;
  }
}

const ROOM_CONNECTIONS = 300;
const ROOM_MOVES = 100;

async function measureRoomSection() {
  const load = loadAverage();
  try {
    return {
      load,
      ...(await measureRoom({
        root: ROOT,
        env: OURS_ENV,
        deckFile: 'bench/decks/ours.md',
        connections: ROOM_CONNECTIONS,
        moves: ROOM_MOVES,
        progress,
      })),
    };
  } catch (error) {
    problems.push({ what: 'live room', why: error.message });
    progress(`live room FAILED: ${error.message}`);
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Report

const versionOf = (packageDir) => {
  try {
    return JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
  } catch {
    return 'not installed';
  }
};

const loadAverage = () => loadavg()[0].toFixed(1);
const LOAD_AT_START = loadAverage();

function machineLines() {
  let chromiumVersion = 'unknown';
  try {
    chromiumVersion = execFileSync(CHROMIUM, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {}
  return [
    `- Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${formatBytes(totalmem())} RAM; Node ${process.version}; ${chromiumVersion}`,
    `- Browsers: ${existsSync(HEADLESS_SHELL) ? `deck pdf and marp --pdf each on Chromium's headless shell (${HEADLESS_SHELL}) and on full Chromium (${CHROMIUM})` : `deck pdf and marp --pdf on full Chromium (${CHROMIUM}); the headless shell is not installed`}; reveal-md on full Chromium`,
    `- Tools: deck-toolkit ${versionOf(ROOT)}, reveal-md ${versionOf(join(BENCH, 'node_modules/reveal-md'))}, @marp-team/marp-cli ${versionOf(join(BENCH, 'node_modules/@marp-team/marp-cli'))}`,
    `- Run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; 1-minute load average ${LOAD_AT_START} at the start, ${loadAverage()} at the end (other work on the machine shows here)`,
  ];
}

function table(header, rows) {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
}

function processTable(jobs, samples) {
  return table(
    ['tool', 'median', 'min – max', 'runs'],
    Object.entries(jobs).map(([key, job]) => {
      const summary = summarize(samples[key]);
      return summary.runs > 0
        ? [job.label, formatMs(summary.median), formatRange(summary), String(summary.runs)]
        : [job.label, 'did not run', '–', '0'];
    }),
  );
}

function ratioTable(pairs, samples) {
  return table(
    ['pair (ours / peer)', 'median of per-round ratios'],
    pairs.map(([ours, peer, label]) => {
      const ratios = pairedRatios(samples[ours] ?? [], samples[peer] ?? []);
      return [label, ratios.length > 0 ? formatRatio(median(ratios)) : 'peer did not run'];
    }),
  );
}

const ROOM_HEADING = `## 7. Live room (deck present, ${ROOM_CONNECTIONS} audience connections over loopback)`;

/** The live room's rows: how fast a presenter's move reaches the whole room, and what a connection costs. */
function roomSection(room) {
  const lines = [ROOM_HEADING, ''];
  if (!room) return [...lines, 'Did not run; see "Could not run".', ''];
  lines.push(
    ...table(
      ['measure', 'value'],
      [
        [`presenter's move → last of ${room.connections} connections receives it, median`, formatMs(room.medianMs)],
        ['same, 99th percentile (goal: under 50 ms)', formatMs(room.p99Ms)],
        ['same, slowest', formatMs(room.maxMs)],
        ['server memory per connection (RSS growth / connections)', formatBytes(room.bytesPerConnection)],
        [
          'server RSS before → after the connections',
          `${formatBytes(room.serverBefore)} → ${formatBytes(room.serverAfter)}`,
        ],
      ],
    ),
    '',
    `${room.moves} moves after 10 warm-up moves; the connections are \`ws\` clients in the benchmark's own process, so their handling of each message is in the times too. 1-minute load average ${room.load} when the section started (other work on the machine shows here: the 99th percentile moves with it).`,
    '',
  );
  return lines;
}

/** `--only room`: runs the live room's rows alone and replaces that section of bench/results.md. */
async function onlyRoom() {
  compileProject();
  const section = roomSection(await measureRoomSection()).join('\n');
  const file = join(BENCH, 'results.md');
  const report = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n\n';
  const start = report.indexOf(ROOM_HEADING);
  const next = start < 0 ? -1 : report.indexOf('\n## ', start + ROOM_HEADING.length);
  const updated =
    start >= 0
      ? `${report.slice(0, start)}${section}${next < 0 ? '' : report.slice(next + 1)}`
      : report.replace('## Could not run', `${section}\n## Could not run`);
  writeFileSync(file, updated.includes(ROOM_HEADING) ? updated : `${report}\n${section}`);
  process.stdout.write(`${section}\n`);
  progress('updated the live room in bench/results.md');
}

function buildReport({
  compileRows,
  buildSamples,
  pdfSamples,
  pdfPages,
  pptxSamples,
  pptxFiles,
  pngSamples,
  bytesRows,
  hotReload,
  memoryRows,
  room,
}) {
  const lines = ['# Benchmark results', '', ...machineLines(), ''];

  lines.push('## 1. Compile step, in process (parse + render)', '');
  lines.push(
    ...table(
      ['deck', 'slides', 'source', 'ours (median)', 'markdown-it alone (median)', 'ours / markdown-it', 'runs'],
      compileRows.map((row) => [
        row.name,
        String(row.slides),
        formatBytes(row.bytes),
        formatMs(row.oursMs),
        formatMs(row.floorMs),
        formatRatio(row.ratio),
        String(row.iterations),
      ]),
    ),
    '',
  );
  lines.push(
    `First call in a fresh process (as a one-shot build compiles), median of ${FIRST_CALL_RUNS} processes each:`,
    '',
  );
  lines.push(
    ...table(
      ['deck', 'ours', 'markdown-it alone', 'ours / markdown-it'],
      compileRows
        .filter((row) => row.firstCall)
        .map((row) => [
          row.name,
          formatMs(row.firstCall.oursMs),
          formatMs(row.firstCall.floorMs),
          formatRatio(row.firstCall.ratio),
        ]),
    ),
    '',
  );

  lines.push(`## 2. Build, whole process (1 warm-up, then ${ROUNDS} alternating rounds)`, '');
  lines.push(...processTable(BUILD_JOBS, buildSamples), '');
  lines.push(
    ...ratioTable(
      [
        ['oursFresh', 'revealMd', 'deck build, new output folder / reveal-md --static'],
        ['oursFresh', 'marp', 'deck build, new output folder / marp'],
        ['oursEdited', 'revealMd', 'deck build, one word edited / reveal-md --static'],
        ['oursEdited', 'marp', 'deck build, one word edited / marp'],
        ['oursCold', 'revealMd', 'deck build, cold / reveal-md --static'],
        ['oursCold', 'marp', 'deck build, cold / marp'],
      ],
      buildSamples,
    ),
    '',
  );

  lines.push(`## 3. PDF export, whole process (1 warm-up, then ${ROUNDS} alternating rounds)`, '');
  lines.push(...processTable(PDF_JOBS, pdfSamples), '');
  lines.push(
    `Pages in the last PDF of each: ${Object.entries(PDF_JOBS)
      .map(([key, job]) => `${job.label} ${pdfPages[key] ?? '–'}`)
      .join(', ')} (the deck has 24 slides).`,
    '',
  );
  lines.push(
    ...ratioTable(
      [
        ['oursShell', 'marpShell', 'deck pdf / marp --pdf, both on the headless shell'],
        ['oursFull', 'marpFull', 'deck pdf / marp --pdf, both on full Chromium'],
        ['oursFull', 'revealMd', 'deck pdf / reveal-md --print, both on full Chromium'],
      ],
      pdfSamples,
    ),
    '',
  );

  lines.push(
    `## 3b. PowerPoint export, whole process (1 warm-up, then ${ROUNDS} alternating rounds; both on ${PPTX_BROWSER})`,
    '',
  );
  lines.push(...processTable(PPTX_JOBS, pptxSamples), '');
  lines.push(
    ...table(
      ['file', 'slides', 'size'],
      Object.entries(PPTX_JOBS).map(([key, job]) => [
        job.label,
        String(pptxFiles[key]?.slides ?? '–'),
        pptxFiles[key] ? formatBytes(pptxFiles[key].bytes) : '–',
      ]),
    ),
    '',
  );
  lines.push(...ratioTable([['ours', 'marp', 'deck pptx / marp --pptx']], pptxSamples), '');

  lines.push(
    `## 3c. Slide images, one PNG per slide at 1280x720, whole process (1 warm-up, then ${ROUNDS} alternating rounds; both on ${PPTX_BROWSER})`,
    '',
  );
  lines.push(...processTable(PNG_JOBS, pngSamples), '');
  lines.push(...ratioTable([['ours', 'marp', 'deck png / marp --images png']], pngSamples), '');

  lines.push('## 4. Bytes the built deck loads', '');
  lines.push(
    ...table(
      ['output', 'JS+CSS raw', 'JS+CSS gzip', 'fonts', 'whole folder', 'referenced but missing'],
      bytesRows.map((row) =>
        row.error
          ? [row.label, row.error, '–', '–', '–', '–']
          : [
              row.label,
              `${formatBytes(row.jsCssRawBytes)} (${plural(row.jsCssFiles, 'file')}, ${row.inlineBlocks} inline)`,
              formatBytes(row.jsCssGzipBytes),
              `${formatBytes(row.fontBytes)} (${plural(row.fontFiles, 'file')})`,
              `${formatBytes(row.folderBytes)} (${plural(row.folderFiles, 'file')})`,
              row.missing.length > 0 ? row.missing.map((file) => rel(file)).join(', ') : 'none',
            ],
      ),
    ),
    '',
  );

  lines.push(`## 5. Hot reload (deck dev, ${HOT_RELOAD_EDITS} edits of one word on slide 5)`, '');
  if (hotReload) {
    const summary = summarize(hotReload.times);
    lines.push(
      ...table(
        ['save → new word on screen (median)', 'min – max', 'stayed on slide 5'],
        [[formatMs(summary.median), formatRange(summary), `${hotReload.stayed}/${summary.runs}`]],
      ),
      '',
    );
  } else {
    lines.push('Did not run; see below.', '');
  }

  lines.push('## 6. Peak memory (one run each, after the timed runs)', '');
  lines.push(
    ...table(
      ['job', 'main process (GNU time %M)', 'process tree (sum of RSS, sampled every 50 ms)'],
      memoryRows.map((row) =>
        row.error
          ? [row.label, `failed: ${row.error}`, '–']
          : [row.label, formatBytes(row.main), formatBytes(row.tree)],
      ),
    ),
    '',
  );

  lines.push(...roomSection(room));
  lines.push('## Could not run', '');
  if (problems.length === 0) lines.push('Everything ran.');
  for (const problem of problems) lines.push(`- **${problem.what}**: ${problem.why.replace(/\s+/g, ' ')}`);
  lines.push(
    '',
    '## Notes',
    '',
    '- Compile: both sides run alternately in one Node process after a warm-up (at least 20 runs and 2 s, as V8 optimizes hot code in tiers and a fixed time lets both sides reach their steady state; 3 runs for 1,000 slides); the ratio is the median of the per-run ratios. Like for like, both reuse their markdown-it instances: ours keeps the ones its first call made, and markdown-it alone is made once before the runs, with raw HTML and bare links on as the deck grammar has them. markdown-it alone renders the whole file, notes and front matter included. The first-call table times one compile in a new process after the imports, with nothing optimized yet, and both sides make their markdown-it instances in that call.',
    '- Times are wall-clock, from spawning the process to its exit, including Node start-up.',
    '- Build rows are named for what the run starts from. "cold": no runtime bundle (`lib/runtime/` deleted, so Vite bundles reveal.js, the runtime and the theme again, as the first build after editing the theme does) and no output folder. "new output folder": the runtime bundle that `npm install` made, and no output folder yet. "one word edited": a copy of the deck with one word changed each run, replacing its output of the run before. reveal-md ships reveal.js prebuilt and Marp needs no bundle, so their runs always start the same way.',
    '- reveal-md --static writes the Markdown into the page and converts it in the browser; Marp and deck-toolkit convert at build time.',
    "- PDF: each pair runs both tools on the same browser binary, so the browser's start-up and printing weigh the same on both sides: Chromium's headless shell (Debian's chromium-headless-shell, which deck pdf picks by itself when it is installed) and full Chromium (`CHROME_PATH` for deck pdf, `--browser-path` for Marp). reveal-md is given full Chromium; it needs `--puppeteer-launch-args=--no-sandbox` here because the benchmark runs as root (deck-toolkit and Marp pass it on their own), and it waits for network idle (0 connections for 500 ms) before printing.",
    "- Bytes: JS+CSS counts the local scripts and stylesheets the page references (following CSS `@import`) and inline `<script>`/`<style>` blocks, each gzipped on its own (zlib level 6). Fonts count every font file in the output folder plus base64 fonts in the page or its CSS; a browser may fetch fewer. Marp's default theme uses the system's fonts, so it ships none.",
    '- Memory: GNU time reports the peak RSS of the process it ran (Linux folds in the largest child that process waited for). The tree figure sums RSS of all descendants every 50 ms from /proc; pages shared between Chromium processes are counted once per process, so it overstates, and spikes under 50 ms can be missed.',
    '',
  );
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main() {
  mkdirSync(join(WORK, 'warm'), { recursive: true });
  mkdirSync(join(WORK, 'marp'), { recursive: true });
  for (const name of ['reveal-md', 'marp']) {
    if (!existsSync(localBin(name))) {
      throw new Error(`${name} is not installed in bench/: run cd bench && PUPPETEER_SKIP_DOWNLOAD=1 npm ci`);
    }
  }
  compileProject();

  // In the order they run; buildReport lays them out.
  const results = {};
  results.compileRows = await measureCompile();
  results.buildSamples = await compareProcesses('build', BUILD_JOBS);
  results.pdfSamples = await compareProcesses('pdf', PDF_JOBS);
  results.pdfPages = await countPdfPages(PDF_JOBS);
  results.pptxSamples = await compareProcesses('pptx', PPTX_JOBS);
  results.pptxFiles = await describePptx(PPTX_JOBS);
  results.pngSamples = await compareProcesses('png', PNG_JOBS);
  results.bytesRows = measureBytes();
  results.hotReload = await measureHotReloadSection();
  results.memoryRows = await measureMemory([...Object.values(BUILD_JOBS), ...Object.values(PDF_JOBS)]);
  results.room = await measureRoomSection();

  const report = buildReport(results);
  writeFileSync(join(BENCH, 'results.md'), report);
  process.stdout.write(report);
  progress('wrote bench/results.md');
}

(process.argv.includes('--only') && process.argv[process.argv.indexOf('--only') + 1] === 'room'
  ? onlyRoom()
  : main()
).catch((error) => {
  progress(`failed: ${error.stack ?? error}`);
  process.exitCode = 1;
});
