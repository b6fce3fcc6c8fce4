// Document information appended to a PDF as an incremental update, read back by a PDF library.

import fc from 'fast-check';
import { PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { addDocumentInfo, type DocumentInfo, withDocumentInfo } from '../../src/commands/pdf-info.js';

/** A PDF laid out as Chromium writes it: plain objects and a classic cross-reference table. */
async function classicPdf(pages: number, title = 'Printed title'): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.setTitle(title);
  for (let i = 0; i < pages; i++) pdf.addPage([960, 540]);
  return pdf.save({ useObjectStreams: false });
}

const INFO: DocumentInfo = {
  title: 'Führung & Management: “why” 指導',
  lang: 'de',
  author: 'Training team',
  subject: 'Two roles (and their overlap)',
  creator: 'deck-toolkit',
  producer: 'deck-toolkit with Chromium',
};

describe('addDocumentInfo', () => {
  it('sets title, author, subject, creator and producer, any characters included', async () => {
    const updated = addDocumentInfo(await classicPdf(3), INFO);
    expect(updated?.pages).toBe(3);
    const pdf = await PDFDocument.load(updated!.bytes, { updateMetadata: false });
    expect(pdf.getTitle()).toBe(INFO.title);
    expect(pdf.getAuthor()).toBe(INFO.author);
    expect(pdf.getSubject()).toBe(INFO.subject);
    expect(pdf.getCreator()).toBe(INFO.creator);
    expect(pdf.getProducer()).toBe(INFO.producer);
    expect(pdf.getPageCount()).toBe(3);
    expect(pdf.catalog.getOrCreateViewerPreferences().getDisplayDocTitle()).toBe(true);
    const lang = pdf.catalog.lookup(PDFName.of('Lang'));
    expect(lang instanceof PDFHexString || lang instanceof PDFString ? lang.decodeText() : lang).toBe('de');
  });

  it('keeps a language and viewer preferences the printer set, writing no new catalog', async () => {
    const original = await PDFDocument.create({ updateMetadata: false });
    original.addPage();
    original.setLanguage('en');
    original.setTitle('x', { showInWindowTitleBar: true });
    const updated = addDocumentInfo(await original.save({ useObjectStreams: false }), INFO)!;
    const appended = Buffer.from(updated.bytes).toString('latin1').split('%%EOF').at(-2) ?? '';
    expect(appended).not.toContain('/Catalog');
    const pdf = await PDFDocument.load(updated.bytes, { updateMetadata: false });
    expect((pdf.catalog.lookup(PDFName.of('Lang')) as PDFString).decodeText()).toBe('en');
  });

  it('keeps every byte of the original file in front of the update', async () => {
    const original = await classicPdf(2);
    const updated = addDocumentInfo(original, INFO)!;
    expect(Buffer.from(updated.bytes.subarray(0, original.length)).equals(Buffer.from(original))).toBe(true);
    expect(Buffer.from(updated.bytes).toString('latin1')).toMatch(/\/Prev \d+ >>\nstartxref\n\d+\n%%EOF\n$/);
  });

  it('leaves out what the deck does not have, and can update an updated file', async () => {
    const once = addDocumentInfo(await classicPdf(1), { title: 'First', lang: 'en', creator: 'a', producer: 'b' })!;
    const twice = addDocumentInfo(once.bytes, { title: 'Second', lang: 'en', creator: 'a', producer: 'b' })!;
    const pdf = await PDFDocument.load(twice.bytes, { updateMetadata: false });
    expect(pdf.getTitle()).toBe('Second');
    expect(pdf.getAuthor()).toBeUndefined();
    expect(pdf.getPageCount()).toBe(1);
  });

  it('declines a PDF with a cross-reference stream, or anything that is not a PDF', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage();
    expect(addDocumentInfo(await pdf.save({ useObjectStreams: true }), INFO)).toBeUndefined();
    expect(addDocumentInfo(new Uint8Array(0), INFO)).toBeUndefined();
    const encrypted = Buffer.from(
      Buffer.from(await classicPdf(1))
        .toString('latin1')
        .replace('trailer\n<<', 'trailer\n<< /Encrypt 99 0 R'),
      'latin1',
    );
    expect(addDocumentInfo(encrypted, INFO)).toBeUndefined();
    expect(addDocumentInfo(Buffer.from('%PDF-1.7\nstartxref\n99999\n%%EOF\n'), INFO)).toBeUndefined();
    const truncated = await classicPdf(2);
    expect(addDocumentInfo(truncated.subarray(0, truncated.length - 40), INFO)).toBeUndefined();
  });

  it('never throws, whatever the bytes: a cut or damaged file is declined or updated', async () => {
    const valid = await classicPdf(2);
    fc.assert(
      fc.property(fc.nat(valid.length), fc.nat(valid.length), fc.integer({ min: 0, max: 255 }), (cut, at, byte) => {
        const damaged = valid.slice(0, Math.max(cut, at + 1));
        damaged[Math.min(at, damaged.length - 1)] = byte;
        expect(() => addDocumentInfo(damaged, INFO)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});

describe('withDocumentInfo', () => {
  /** What a PDF says about itself, read back by a PDF library. */
  async function readInfo(bytes: Uint8Array) {
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    const lang = pdf.catalog.lookup(PDFName.of('Lang'));
    return {
      title: pdf.getTitle(),
      author: pdf.getAuthor(),
      subject: pdf.getSubject(),
      creator: pdf.getCreator(),
      producer: pdf.getProducer(),
      lang: lang instanceof PDFHexString || lang instanceof PDFString ? lang.decodeText() : undefined,
      showsTitle: pdf.catalog.getOrCreateViewerPreferences().getDisplayDocTitle(),
      pages: pdf.getPageCount(),
    };
  }

  const expected = { ...INFO, showsTitle: true, pages: 3 };

  it('appends to a PDF laid out as Chromium writes it, keeping its bytes', async () => {
    const printed = await classicPdf(3);
    const updated = await withDocumentInfo(printed, INFO);
    expect(Buffer.from(updated.bytes.subarray(0, printed.length)).equals(Buffer.from(printed))).toBe(true);
    expect(updated.pages).toBe(3);
    expect(await readInfo(updated.bytes)).toEqual(expected);
  });

  it('sets the same through a PDF library when the file cannot be appended to', async () => {
    const document = await PDFDocument.create({ updateMetadata: false });
    for (let i = 0; i < 3; i++) document.addPage([960, 540]);
    const streamed = await document.save({ useObjectStreams: true });
    expect(addDocumentInfo(streamed, INFO)).toBeUndefined();
    const updated = await withDocumentInfo(streamed, INFO);
    expect(updated.pages).toBe(3);
    expect(await readInfo(updated.bytes)).toEqual(expected);
  });
});
