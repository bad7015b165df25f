import { PDFDocument, StandardFonts } from "pdf-lib";
import sharp from "sharp";

/** Real files for upload tests, made here so each test shows what it sends. */
export async function realPdf(text = "Kvitto 2026"): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText(text, { x: 50, y: 780, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  return doc.save();
}

const picture = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 10, g: 110, b: 100 } } });

export async function realJpeg(width = 64, height = 48): Promise<Uint8Array> {
  return new Uint8Array(await picture(width, height).jpeg({ quality: 80 }).toBuffer());
}

export async function realPng(width = 32, height = 32): Promise<Uint8Array> {
  return new Uint8Array(await picture(width, height).png().toBuffer());
}

/** Starts like a PDF, but is not one. */
export function brokenPdf(): Uint8Array {
  return new TextEncoder().encode("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nthis is not a real document\n%%EOF\n");
}

export function htmlPage(): Uint8Array {
  return new TextEncoder().encode("<!doctype html><html><body><script>alert(1)</script></body></html>");
}

/** A real PDF grown past a size with a trailing comment (still a valid PDF). */
export async function pdfOfSize(bytes: number): Promise<Uint8Array> {
  const pdf = await realPdf();
  const out = new Uint8Array(bytes);
  out.set(pdf);
  out.fill(0x20, pdf.length);
  return out;
}
