// Pictures of a deck's slides as the room sees them: the built deck on screen at a given size, one
// slide (or fragment step) at a time, without the navigation arrows and progress bar, and with
// nothing mid-transition. `deck png` and the index page's thumbnails both take them this way.

import type { Page, Viewport } from './page.js';

/** One picture to take: a slide (numbered 1… in reading order, vertical slides included) at a step. */
export interface SlideStep {
  /** 1-based, in the order the deck shows its slides. */
  slide: number;
  /** 1-based fragment step (1: before any fragment), when pictures are taken per step. */
  step?: number;
  h: number;
  v: number;
  /** reveal.js's fragment index to show up to (-1: none). */
  f: number;
}

/**
 * Turns off what would be caught halfway or is not part of a slide: transitions, arrows, progress
 * bar; and reveal.js's scroll view, which it switches to on narrow screens, so a small image still
 * shows a slide. Then sets the page to `size`.
 */
export async function stillDeck(page: Page, size: Viewport): Promise<void> {
  await page.evaluate(() => {
    const deck = window.deck!;
    deck.configure({
      transition: 'none',
      backgroundTransition: 'none',
      controls: false,
      progress: false,
      scrollActivationWidth: null,
    } as Parameters<typeof deck.configure>[0]);
    const style = document.createElement('style');
    style.textContent = '.reveal *, .reveal *::before, .reveal *::after { transition: none !important; }';
    document.head.append(style);
  });
  await page.setViewport(size);
}

/** Every slide, or with `fragments` every fragment step of every slide, in the order the deck shows them. */
export function slideSteps(page: Page, fragments: boolean): Promise<SlideStep[]> {
  return page.evaluate((perStep: boolean) => {
    const deck = window.deck!;
    return deck.getSlides().flatMap((slide, index) => {
      const { h, v = 0 } = deck.getIndices(slide);
      const last = { slide: index + 1, h, v, f: Number.MAX_SAFE_INTEGER };
      if (!perStep) return [last];
      const indices = [
        ...new Set(
          [...slide.querySelectorAll<HTMLElement>('.fragment')].map((fragment) =>
            Number(fragment.dataset.fragmentIndex ?? 0),
          ),
        ),
      ].sort((a, b) => a - b);
      return [-1, ...indices].map((f, step) => ({ slide: index + 1, step: step + 1, h, v, f }));
    });
  }, fragments);
}

/** Shows `step` and resolves once its pictures, background and fonts are in and it is painted. */
export function showStep(page: Page, step: SlideStep): Promise<void> {
  return page.evaluate(async ({ h, v, f }: SlideStep) => {
    const deck = window.deck!;
    deck.slide(h, v, f);
    const slide = deck.getCurrentSlide();
    // decode() waits for the picture to load; a broken one is shown as it is.
    const waits: Promise<unknown>[] = [...slide.querySelectorAll('img')].map((image) =>
      image.decode().catch(() => undefined),
    );
    const background = deck.getSlideBackground(slide)?.querySelector<HTMLElement>('.slide-background-content');
    const picture = /url\("?(.*?)"?\)/.exec(background ? getComputedStyle(background).backgroundImage : '')?.[1];
    if (picture) {
      const image = new Image();
      image.src = picture;
      waits.push(image.decode().catch(() => undefined));
    }
    waits.push(document.fonts.ready);
    await Promise.all(waits);
    await new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted)));
  }, step);
}
