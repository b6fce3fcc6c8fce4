import { describe, expect, it } from 'vitest';
import { canvasSize, DEFAULT_CANVAS, printViewUrl } from '../src/contract.js';

describe('the canvas size', () => {
  it("comes from the deck's reveal.js options", () => {
    expect(canvasSize({ width: 1920, height: 1080 })).toEqual({ width: 1920, height: 1080 });
    expect(canvasSize({ width: '1024px', height: ' 768 ' })).toEqual({ width: 1024, height: 768 });
  });

  it("is the theme's 1280x720 when the options give no size in pixels", () => {
    expect(DEFAULT_CANVAS).toEqual({ width: 1280, height: 720 });
    for (const options of [
      {},
      { width: '100%', height: '100%' },
      { width: 1920 },
      { width: -5, height: 0 },
      { width: 'wide', height: 720 },
    ]) {
      expect(canvasSize(options), JSON.stringify(options)).toEqual(DEFAULT_CANVAS);
    }
  });
});

describe('the print view', () => {
  it("is reveal.js's print-pdf view of the page, without margins, fragments on request", () => {
    expect(printViewUrl('file:///decks/talk/index.html')).toBe(
      'file:///decks/talk/index.html?print-pdf&margin=0&pdfSeparateFragments=false',
    );
    expect(printViewUrl('http://127.0.0.1:5173/?theme=x#/3', { fragments: true })).toBe(
      'http://127.0.0.1:5173/?print-pdf&margin=0&pdfSeparateFragments=true#/3',
    );
  });
});
