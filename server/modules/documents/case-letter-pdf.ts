import { PDFDocument, StandardFonts, rgb } from "pdf-lib";
import type { DebtorCase } from "../cases/get-debtor-case";

export interface LetterTexts {
  title: string;
  intro: string;
  rows: [string, string][];
  closing: string;
}

/** A plain one-page PDF letter (reminder, collection letter) with the case's facts and amounts. */
export async function renderLetterPdf(texts: LetterTexts, meta: { caseNumber: string }): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${texts.title} ${meta.caseNumber}`);
  pdf.setLanguage("sv-SE");
  let page = pdf.addPage([595.28, 841.89]);
  // A long list (a plan's instalments) carries on over as many pages as it needs.
  const room = () => {
    if (y < 72) {
      page = pdf.addPage([595.28, 841.89]);
      y = 780;
    }
  };
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const ink = rgb(0.1, 0.14, 0.15);
  let y = 780;
  page.drawText("Kvitt", { x: 56, y, size: 22, font: bold, color: rgb(0.06, 0.32, 0.31) });
  y -= 50;
  page.drawText(texts.title, { x: 56, y, size: 18, font: bold, color: ink });
  y -= 30;
  for (const line of wrap(texts.intro, 80)) {
    page.drawText(line, { x: 56, y, size: 11, font: regular, color: ink });
    y -= 16;
  }
  y -= 10;
  for (const [label, value] of texts.rows) {
    room();
    page.drawText(label, { x: 56, y, size: 11, font: regular, color: ink });
    page.drawText(value, { x: 539 - bold.widthOfTextAtSize(value, 11), y, size: 11, font: bold, color: ink });
    y -= 20;
  }
  y -= 10;
  for (const line of wrap(texts.closing, 80)) {
    room();
    page.drawText(line, { x: 56, y, size: 11, font: regular, color: ink });
    y -= 16;
  }
  return pdf.save();
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/)) {
    if ((current + " " + word).trim().length > width) {
      lines.push(current);
      current = word;
    } else current = (current + " " + word).trim();
  }
  if (current) lines.push(current);
  return lines;
}

export type { DebtorCase };
