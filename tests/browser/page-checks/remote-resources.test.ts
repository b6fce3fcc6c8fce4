import { describe, expect, it } from 'vitest';
import { brief, runRule, slidesPage } from './slides.js';

describe('the remote resources rule', () => {
  it('accepts files next to the deck and data URLs', async () => {
    const page = await slidesPage(`
      <section data-line="1" data-background-image="assets/photo.jpg">
        <img src="dot.svg" alt="A dot"><div style="background: url('data:image/gif;base64,R0lGODlhAQABAAAAACw=')">x</div>
      </section>`);
    expect(await runRule(page, 'remoteResources')).toEqual([]);
  });

  it('warns about each image, background and style URL from the web, at its line', async () => {
    const page = await slidesPage(`
      <section data-line="1" data-background-image="https://example.org/photo.jpg"><h2>Web</h2>
        <p data-line="3"><img src="//cdn.example.org/logo.png" alt="Logo"></p>
        <div data-line="5" style="background-image: url( 'http://example.org/texture.png' )">x</div>
      </section>`);
    expect(brief(await runRule(page, 'remoteResources'))).toEqual([
      '1 remote: slide 1 "Web": https://example.org/photo.jpg needs the network during the talk; save it next to the deck instead',
      '3 remote: slide 1 "Web": //cdn.example.org/logo.png needs the network during the talk; save it next to the deck instead',
      '5 remote: slide 1 "Web": http://example.org/texture.png needs the network during the talk; save it next to the deck instead',
    ]);
  });
});
