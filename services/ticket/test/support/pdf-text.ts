import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, type PDFObject } from 'pdf-lib';

/** A PDF as a test reads it: parsed by pdf-lib (so it is well-formed), with the text of each page. */
export interface ReadPdf {
  readonly title: string | undefined;
  /** Per page: its text lines in drawing order. */
  readonly pages: readonly (readonly string[])[];
  /** Per page: its decoded content stream (drawing operators), for checks such as fill colours. */
  readonly contents: readonly string[];
}

const winAnsi = new TextDecoder('windows-1252');

/**
 * Parses a PDF with pdf-lib and pulls out the text that pdfkit's standard fonts write as
 * `[<hex> kerning <hex> …] TJ` (WinAnsi bytes). Enough to check our own output without a
 * system tool; not a general text extractor.
 */
export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const contents = doc.getPages().map((page) => {
    const raw = page.node.Contents();
    const streams: (PDFObject | undefined)[] = raw instanceof PDFArray ? raw.asArray().map((ref) => doc.context.lookup(ref)) : [raw];
    return streams.map((stream) => (stream instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1') : '')).join('\n');
  });
  return { title: doc.getTitle(), pages: contents.map(textLines), contents };
}

function textLines(content: string): string[] {
  const lines: string[] = [];
  for (const op of content.matchAll(/\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ/g)) {
    const hex = [...(op[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1] ?? '').join('');
    lines.push(winAnsi.decode(Buffer.from(hex, 'hex')));
  }
  return lines;
}
