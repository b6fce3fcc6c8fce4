// The reveal.js configuration a deck starts with. Front matter's `reveal:` map overrides any of
// these; everything else keeps reveal.js's own defaults.

export const REVEAL_DEFAULTS = {
  /** The 16:9 canvas the theme is designed for; PDF pages use the same size. */
  width: 1280,
  height: 720,
  /** Space around the canvas on screen, as a fraction of its size. */
  margin: 0.04,
  /** Content starts at the top of the slide; title, section and quote slides centre themselves. */
  center: false,
  /** The URL follows the slide, so a reload (or a hot update) stays on it. */
  hash: true,
  slideNumber: 'c/t',
  transition: 'slide',
  /** Seconds per slide for the pacing timer when the deck sets no duration. */
  defaultTiming: 120,
  /** PDF: one page per slide unless the export asks for fragments. */
  pdfSeparateFragments: false,
  pdfMaxPagesPerSlide: 1,
} as const;

/**
 * What changes under one of reveal.js's own themes, which are made for reveal.js's canvas: its
 * 960x700 size and centred slides, so a deck brought from reveal.js or reveal-md looks as it did.
 */
export const REVEAL_THEME_DEFAULTS = { width: 960, height: 700, center: true } as const;

export function revealConfig(overrides: Record<string, unknown>, revealTheme = false): Record<string, unknown> {
  return { ...REVEAL_DEFAULTS, ...(revealTheme ? REVEAL_THEME_DEFAULTS : {}), ...overrides };
}
