import { expect, it } from 'vitest';
import { FLAGSHIP, openDeck } from './harness.js';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

it('opens speaker view with the notes of the current slide and follows the deck', async () => {
  const page = await openDeck(FLAGSHIP);
  const speaker = await page.waitForPopup(() => page.press('s'));
  const notes = () =>
    speaker.evaluate(() => document.querySelector('.speaker-controls-notes .value')?.textContent ?? '');
  await speaker.waitFor('the first notes', () =>
    document.querySelector('.speaker-controls-notes .value')?.textContent?.includes('Welcome everyone'),
  );
  expect(await notes()).toContain('Welcome everyone');
  const timers = await speaker.evaluate(() => ({
    clock: document.querySelector('.speaker-controls-time .clock-value')?.textContent ?? '',
    pacingTitle: document.querySelector('.speaker-controls-time .pacing-title')?.textContent ?? '',
    pacing: document.querySelector('.speaker-controls-time .pacing')?.textContent ?? '',
  }));
  expect(timers.clock).toMatch(/\d{1,2}:\d{2}/);
  // The deck has a duration, so speaker view shows the time left for the current slide.
  expect(squash(timers.pacingTitle)).toMatch(/^pacing – time to finish current slide$/i);
  expect(squash(timers.pacing)).toMatch(/^\d\d:\d\d:\d\d$/);

  await page.press('ArrowRight');
  await page.press('ArrowRight');
  await speaker.waitFor('the third notes', () =>
    document.querySelector('.speaker-controls-notes .value')?.textContent?.includes('A quick map'),
  );
  expect(await notes()).toContain('A quick map so you know where we are heading');
  // The upcoming-slide preview is the deck itself in a frame, one slide ahead.
  const upcoming = speaker.frames().find((frame) => frame.url.includes('controls=false'));
  const heading = () => document.querySelector('.reveal .slides section.present h2')?.textContent;
  await upcoming?.waitFor(
    'the upcoming slide',
    (title) => document.querySelector('.reveal .slides section.present h2')?.textContent === title,
    'Two definitions',
  );
  expect(await upcoming?.evaluate(heading)).toBe('Two definitions');
  await speaker.close();
});
