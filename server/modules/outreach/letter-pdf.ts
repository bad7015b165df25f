import { PDFDocument, StandardFonts, rgb } from "pdf-lib";
import QRCode from "qrcode";
import type { MessageContent } from "./render";

const MM = 72 / 25.4;
const A4: [number, number] = [210 * MM, 297 * MM];

export interface LetterOptions {
  content: MessageContent;
  link: string | null;
  /** For the envelope window; null for Kivra (the mailbox knows who it is). */
  address: { name: string; street: string; postcode: string; city: string } | null;
  /** The moment the letter was made: fixed in the file, so the same letter is the same bytes. */
  issuedAt: Date;
  swishPayee: string;
  bankgiro: string;
}

async function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: "png", errorCorrectionLevel: "M", margin: 1, width: 240 });
}

/** Swish's prefilled QR for a payment: payee, amount, message (the OCR number), nothing editable. */
export function swishQrText(payee: string, amountOre: number, ocr: string): string {
  const amount = `${Math.floor(amountOre / 100)},${String(amountOre % 100).padStart(2, "0")}`;
  return `C${payee};${amount};${ocr};0`;
}

function wrap(text: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/)) {
    const next = current ? `${current} ${word}` : word;
    if (measure(next) > width && current) {
      lines.push(current);
      current = word;
    } else current = next;
  }
  if (current) lines.push(current);
  return lines;
}

/**
 * A print-ready A4 letter: the address where a C5/E65 window envelope shows it (20 mm from the
 * left, 45–85 mm from the top, as SS 63 55 places it), the text and amounts, a QR code to the
 * letter's own link and a Swish QR code for the amount. The same letter for Kivra, without address.
 */
export async function renderLetterPdf(options: LetterOptions): Promise<Uint8Array> {
  const { content } = options;
  const pdf = await PDFDocument.create();
  pdf.setTitle(content.subject);
  pdf.setLanguage("sv-SE");
  pdf.setCreator("Kvitt");
  pdf.setProducer("Kvitt");
  pdf.setCreationDate(options.issuedAt);
  pdf.setModificationDate(options.issuedAt);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const ink = rgb(0.1, 0.14, 0.15);
  const brand = rgb(0.06, 0.32, 0.31);
  let page = pdf.addPage(A4);
  const top = A4[1];
  const left = 20 * MM;
  const right = A4[0] - 20 * MM;

  page.drawText("Kvitt", { x: left, y: top - 20 * MM, size: 20, font: bold, color: brand });
  page.drawText("Kvitt Inkasso AB, Box 123, 111 22 Stockholm", { x: A4[0] - 20 * MM - regular.widthOfTextAtSize("Kvitt Inkasso AB, Box 123, 111 22 Stockholm", 8), y: top - 18 * MM, size: 8, font: regular, color: ink });
  if (options.address) {
    const a = options.address;
    let y = top - 52 * MM;
    for (const line of [a.name, a.street, `${a.postcode} ${a.city}`]) {
      page.drawText(line, { x: left, y, size: 11, font: regular, color: ink });
      y -= 5 * MM;
    }
  }
  if (content.caseNumber) page.drawText(`${content.labels.caseNumber} ${content.caseNumber}`, { x: 120 * MM, y: top - 52 * MM, size: 10, font: regular, color: ink });

  let y = top - 100 * MM;
  const line = (text: string, size: number, font = regular, gap = 1.45) => {
    for (const l of wrap(text, right - left, (s) => font.widthOfTextAtSize(s, size))) {
      if (y < 30 * MM) {
        page = pdf.addPage(A4);
        y = top - 25 * MM;
      }
      page.drawText(l, { x: left, y, size, font, color: ink });
      y -= size * gap;
    }
  };
  line(content.subject, 16, bold);
  y -= 4;
  line(content.greeting, 11);
  y -= 4;
  for (const p of content.paragraphs) {
    line(p, 11);
    y -= 6;
  }
  if (content.rows.length > 0) {
    y -= 4;
    for (const [label, value] of content.rows) {
      page.drawText(label, { x: left, y, size: 11, font: regular, color: ink });
      page.drawText(value, { x: right - bold.widthOfTextAtSize(value, 11), y, size: 11, font: bold, color: ink });
      y -= 17;
    }
  }
  y -= 6;
  line(content.labels.contact, 10);
  line(content.labels.signoff, 10);

  // The QR codes sit at the foot of the first page, above the fold's last third.
  const first = pdf.getPage(0);
  const size = 32 * MM;
  let x = left;
  if (options.link) {
    const image = await pdf.embedPng(await qrPng(options.link));
    first.drawImage(image, { x, y: 22 * MM, width: size, height: size });
    first.drawText(content.labels.scanToOpen, { x, y: 17 * MM, size: 8, font: regular, color: ink });
    x += size + 15 * MM;
  }
  if (content.payment && content.payment.amountOre > 0) {
    const image = await pdf.embedPng(await qrPng(swishQrText(options.swishPayee, content.payment.amountOre, content.payment.ocr)));
    first.drawImage(image, { x, y: 22 * MM, width: size, height: size });
    first.drawText(content.labels.scanToPay, { x, y: 17 * MM, size: 8, font: regular, color: ink });
    first.drawText(`${content.labels.bankgiro} ${options.bankgiro}  ·  ${content.labels.ocr} ${content.payment.ocr}`, { x: x + size + 8 * MM, y: 40 * MM, size: 9, font: regular, color: ink });
  }
  return pdf.save({ useObjectStreams: false });
}
