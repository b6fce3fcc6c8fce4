// One comparison session: a server on 127.0.0.1, one browser page, a temporary folder for our
// builds. Decks are compared one after the other in the same page, reference then ours.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { type BrowserPage, newPage } from './browser-page.js';
import { compareDecks, type Difference } from './compare.js';
import type { CorpusDeck } from './corpus.js';
import { buildOurs, describeErrors } from './our-build.js';
import { ERROR_FLAG, READY_FLAG, referencePage } from './reference-page.js';
import { readSlides, type SlideModel } from './slide-model.js';
import { type StaticServer, startServer } from './static-server.js';

const REVEAL_DIST = join(process.cwd(), 'node_modules/reveal.js/dist');

export interface Session {
  server: StaticServer;
  page: BrowserPage;
  work: string;
  close(): Promise<void>;
}

export async function startSession(): Promise<Session> {
  const work = await mkdtemp(join(tmpdir(), 'deck-compat-'));
  const server = await startServer();
  server.mount('/vendor/', REVEAL_DIST);
  server.mount('/ours/', join(work, 'out'));
  const page = await newPage();
  return {
    server,
    page,
    work,
    async close() {
      await page.close();
      await server.close();
      await rm(work, { recursive: true, force: true });
    },
  };
}

const posixDir = (file: string) => {
  const dir = posix.dirname(file.split('\\').join('/'));
  return dir === '.' ? '' : dir;
};

/** The reference slides: the deck shown as its host showed it. */
export async function referenceSlides(session: Session, deck: CorpusDeck): Promise<SlideModel[]> {
  const mount = `/reference/${deck.name}/`;
  session.server.mount(mount, deck.dir);
  const { path, html } = referencePage(deck, mount);
  session.server.page(path, html);
  await session.page.goto(session.server.origin + path);
  await session.page.waitFor(
    (flags) => {
      const state = window as unknown as Record<string, unknown>;
      return state[flags.ready] === true || state[flags.error] !== undefined;
    },
    { ready: READY_FLAG, error: ERROR_FLAG },
  );
  const failure = await session.page.evaluate(
    (name) => (window as unknown as Record<string, unknown>)[name] as string | undefined,
    ERROR_FLAG,
  );
  if (failure) throw new Error(`${deck.name}: the reference page failed: ${failure}`);
  const deckDir = deck.page ? posixDir(deck.page.path) : posixDir(deck.file);
  return session.page.evaluate(readSlides, { deckDir, copies: {} });
}

export interface OurSlides {
  slides: SlideModel[];
  /** Why our build refused the deck, as `file:line:column: error: message` lines. */
  errors: string[];
}

/** Our slides: the deck built by our build and opened in the same page. */
export async function ourSlides(session: Session, deck: CorpusDeck): Promise<OurSlides> {
  const build = await buildOurs(deck, session.work);
  if (!build.written) return { slides: [], errors: describeErrors(build.errors) };
  const url = `${session.server.origin}/ours/${deck.name}/${build.page}`;
  await session.page.goto(url);
  await session.page.waitFor(() => (window as { deck?: { isReady(): boolean } }).deck?.isReady() === true, null);
  const copies: Record<string, string> = {};
  for (const asset of build.assets) {
    copies[asset.output] = asset.source;
    copies[encodeURI(asset.output)] = asset.source;
  }
  const slides = await session.page.evaluate(readSlides, { deckDir: posixDir(deck.file), copies });
  return { slides, errors: describeErrors(build.errors) };
}

/** Every difference between the reference and ours for one deck, our build's refusal included. */
export async function compareDeck(session: Session, deck: CorpusDeck): Promise<Difference[]> {
  const reference = await referenceSlides(session, deck);
  const ours = await ourSlides(session, deck);
  const refused: Difference[] = ours.errors.map((error) => ({
    deck: deck.name,
    slide: '-',
    field: 'build',
    reference: 'builds',
    ours: error,
  }));
  return [...refused, ...compareDecks(deck.name, reference, ours.slides)];
}
