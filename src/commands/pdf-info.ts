// Document information for the PDF Chromium prints: title, author, subject, creator, producer,
// and "show the title, not the file name" for viewers. Written as an incremental update (ISO
// 32000-1, 7.5.6): Chromium's bytes stay as they are, and a new information dictionary, a new
// version of the catalog, their cross-reference section and a trailer pointing back to the old
// one follow. That costs microseconds, where loading and saving the whole file with a PDF library
// costs a few hundred milliseconds. Chromium (Skia) writes a classic cross-reference table; for
// any other layout `withDocumentInfo` has a PDF library (pdf-lib) load and save the whole file.

export interface DocumentInfo {
  title: string;
  /** The document's language (a BCP 47 tag), for screen readers. */
  lang: string;
  author?: string;
  subject?: string;
  creator: string;
  producer: string;
}

interface Trailer {
  size: number;
  root: { number: number; generation: number };
  id?: string;
  info?: { number: number; generation: number };
}

/** A text string as UTF-16BE with a byte order mark, in hex: safe for any character. */
function textString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

const REFERENCE = (key: string) => new RegExp(`/${key}\\s+(\\d+)\\s+(\\d+)\\s+R`);

function readTrailer(text: string, xrefOffset: number): Trailer | undefined {
  if (!text.startsWith('xref', xrefOffset)) return undefined;
  const start = text.indexOf('trailer', xrefOffset);
  const end = text.indexOf('startxref', start);
  if (start < 0 || end < 0) return undefined;
  const dictionary = text.slice(start, end);
  // Encrypted strings, or a second cross-reference stream beside the table, would need more
  // than this appends: a PDF library does those.
  if (/\/(?:Encrypt|XRefStm)\b/.test(dictionary)) return undefined;
  const size = /\/Size\s+(\d+)/.exec(dictionary);
  const root = REFERENCE('Root').exec(dictionary);
  if (!size || !root) return undefined;
  const info = REFERENCE('Info').exec(dictionary);
  const id = /\/ID\s*(\[[^\]]*\])/.exec(dictionary);
  return {
    size: Number(size[1]),
    root: { number: Number(root[1]), generation: Number(root[2]) },
    ...(info ? { info: { number: Number(info[1]), generation: Number(info[2]) } } : {}),
    ...(id?.[1] ? { id: id[1] } : {}),
  };
}

/**
 * Byte offsets of the objects in the classic cross-reference table at `xrefOffset` and in the
 * earlier ones its trailer points back to (`/Prev`): the newest entry of an object wins.
 */
function readXref(text: string, xrefOffset: number): Map<number, number> {
  const offsets = new Map<number, number>();
  const seen = new Set<number>();
  for (let at: number | undefined = xrefOffset; at !== undefined && !seen.has(at); ) {
    seen.add(at);
    const trailerAt = text.indexOf('trailer', at);
    if (!text.startsWith('xref', at) || trailerAt < 0) break;
    let number = 0;
    for (const rawLine of text.slice(at + 'xref'.length, trailerAt).split(/\r\n|\r|\n/)) {
      const line = rawLine.trim();
      const header = /^(\d+) (\d+)$/.exec(line);
      const entry = header ? null : /^(\d{10}) (\d{5}) ([nf])$/.exec(line);
      if (header) number = Number(header[1]);
      if (!entry) continue;
      // A newer section's entry wins, a free one too (the object was deleted): -1 marks those.
      if (!offsets.has(number)) offsets.set(number, entry[3] === 'n' ? Number(entry[1]) : -1);
      number += 1;
    }
    const previous = /\/Prev\s+(\d+)/.exec(text.slice(trailerAt, text.indexOf('startxref', trailerAt)));
    at = previous ? Number(previous[1]) : undefined;
  }
  return offsets;
}

/** The dictionary of object `number` (without its `obj` … `endobj` wrapper), if it is one. */
function objectDictionary(text: string, offset: number | undefined, number: number): string | undefined {
  if (offset === undefined || offset < 0) return undefined;
  const header = new RegExp(`^${number}\\s+\\d+\\s+obj\\s*`).exec(text.slice(offset, offset + 32));
  if (!header) return undefined;
  const end = text.indexOf('endobj', offset);
  const body = text.slice(offset + header[0].length, end).trim();
  return body.startsWith('<<') && body.endsWith('>>') ? body : undefined;
}

export interface UpdatedPdf {
  bytes: Uint8Array;
  pages: number;
}

/** The PDF with `info` appended as an incremental update, or undefined when its layout is not the expected one. */
export function addDocumentInfo(pdf: Uint8Array, info: DocumentInfo): UpdatedPdf | undefined {
  // latin1 maps each byte to one character, so string offsets are byte offsets.
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (!startxref) return undefined;
  const previousXref = Number(startxref[1]);
  const trailer = readTrailer(text, previousXref);
  if (!trailer) return undefined;
  const offsets = readXref(text, previousXref);
  const catalog = objectDictionary(text, offsets.get(trailer.root.number), trailer.root.number);
  if (!catalog) return undefined;
  const pagesReference = REFERENCE('Pages').exec(catalog);
  const pagesNumber = Number(pagesReference?.[1]);
  const pageTree = objectDictionary(text, offsets.get(pagesNumber), pagesNumber);
  const count = pageTree ? /\/Count\s+(\d+)/.exec(pageTree) : null;
  if (!count) return undefined;

  // Keep Chromium's dates: they say when the file was made.
  const oldInfo = trailer.info ? objectDictionary(text, offsets.get(trailer.info.number), trailer.info.number) : '';
  const dates = ['CreationDate', 'ModDate'].flatMap((key) => {
    const value = new RegExp(`/${key}\\s*(\\([^)]*\\))`).exec(oldInfo ?? '')?.[1];
    return value ? [`/${key} ${value}`] : [];
  });
  const entries = [
    `/Title ${textString(info.title)}`,
    info.author ? `/Author ${textString(info.author)}` : '',
    info.subject ? `/Subject ${textString(info.subject)}` : '',
    `/Creator ${textString(info.creator)}`,
    `/Producer ${textString(info.producer)}`,
    ...dates,
  ].filter(Boolean);
  const infoNumber = trailer.size;
  const base = pdf.byteLength;
  let update = text.endsWith('\n') ? '' : '\n';
  const xref: string[] = [];
  const entry = (offset: number, generation: number) =>
    `${String(offset).padStart(10, '0')} ${String(generation).padStart(5, '0')} n \n`;
  // Recent Chromium sets the language and asks viewers to show the title; for older versions
  // a new version of the catalog adds what is missing.
  const additions = [
    catalog.includes('/ViewerPreferences') ? '' : '/ViewerPreferences << /DisplayDocTitle true >>',
    /\/Lang\b/.test(catalog) ? '' : `/Lang ${textString(info.lang)}`,
  ].filter(Boolean);
  if (additions.length > 0) {
    const { number, generation } = trailer.root;
    xref.push(`${number} 1\n${entry(base + update.length, generation)}`);
    update += `${number} ${generation} obj\n${catalog.slice(0, -2)}\n${additions.join('\n')}\n>>\nendobj\n`;
  }
  xref.push(`${infoNumber} 1\n${entry(base + update.length, 0)}`);
  update += `${infoNumber} 0 obj\n<< ${entries.join(' ')} >>\nendobj\n`;
  const xrefOffset = base + update.length;
  const { number: rootNumber, generation: rootGeneration } = trailer.root;
  update +=
    `xref\n${xref.join('')}trailer\n` +
    `<< /Size ${infoNumber + 1} /Root ${rootNumber} ${rootGeneration} R /Info ${infoNumber} 0 R /Prev ${previousXref}${trailer.id ? ` /ID ${trailer.id}` : ''} >>\n` +
    `startxref\n${xrefOffset}\n%%EOF\n`;
  const bytes = new Uint8Array(base + update.length);
  bytes.set(pdf, 0);
  bytes.set(Buffer.from(update, 'latin1'), base);
  return { bytes, pages: Number(count[1]) };
}

/** The PDF with `info` set: appended when its layout allows, else through a PDF library. */
export async function withDocumentInfo(pdf: Uint8Array, info: DocumentInfo): Promise<UpdatedPdf> {
  const appended = addDocumentInfo(pdf, info);
  if (appended) return appended;
  const { PDFDocument } = await import('pdf-lib');
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  document.setTitle(info.title, { showInWindowTitleBar: true });
  if (info.author) document.setAuthor(info.author);
  if (info.subject) document.setSubject(info.subject);
  document.setLanguage(info.lang);
  document.setCreator(info.creator);
  document.setProducer(info.producer);
  return { bytes: await document.save(), pages: document.getPageCount() };
}
