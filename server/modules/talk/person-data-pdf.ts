import { PDFDocument, StandardFonts, rgb, type PDFFont } from "pdf-lib";
import type { PersonData } from "./person-data";

/** The words of the PDF, in the person's language, and how to show money and dates in it. */
export interface PersonDataPdfTexts {
  title: string;
  intro: string;
  label: (key: string) => string;
  money: (ore: number) => string;
  date: (iso: string) => string;
  dateTime: (iso: string) => string;
}

const ink = rgb(0.1, 0.14, 0.15);
const brand = rgb(0.06, 0.32, 0.31);

/**
 * The data-access answer as a PDF in the house style (see documents/case-letter-pdf): every
 * section of `PersonData` in turn, as many pages as it needs, text kept as text (searchable,
 * readable by screen readers).
 */
export async function renderPersonDataPdf(data: PersonData, texts: PersonDataPdfTexts): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(texts.title);
  pdf.setLanguage("sv-SE");
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let page = pdf.addPage([595.28, 841.89]);
  let y = 780;
  const room = (needed = 16) => {
    if (y - needed < 56) {
      page = pdf.addPage([595.28, 841.89]);
      y = 790;
    }
  };
  const line = (text: string, font: PDFFont = regular, size = 10, x = 56) => {
    for (const part of wrap(printable(font, text), Math.floor((539 - x) / (size * 0.5)))) {
      room(size + 5);
      page.drawText(part, { x, y, size, font, color: ink });
      y -= size + 5;
    }
  };
  const heading = (text: string) => {
    y -= 8;
    room(40);
    page.drawText(printable(bold, text), { x: 56, y, size: 13, font: bold, color: brand });
    y -= 20;
  };
  const field = (label: string, value: string | number | null | undefined, x = 56) => line(`${label}: ${value === null || value === undefined || value === "" ? "–" : value}`, regular, 10, x);
  const L = texts.label;

  page.drawText("Kvitt", { x: 56, y, size: 22, font: bold, color: brand });
  y -= 44;
  line(texts.title, bold, 17);
  y -= 4;
  line(texts.intro);
  field(L("generatedAt"), texts.dateTime(data.generatedAt));

  heading(L("person"));
  field(L("name"), data.person.name);
  field(L("personalNumber"), data.person.personalNumber);
  field(L("birthDate"), texts.date(data.person.birthDate));
  field(L("language"), data.person.language);
  field(L("preferredChannel"), data.person.preferredChannel);
  field(L("registeredAt"), texts.dateTime(data.person.registeredAt));

  heading(L("contact"));
  field(L("email"), data.contact.email);
  field(L("phone"), data.contact.phone);
  field(L("address"), [data.contact.street, [data.contact.postcode, data.contact.city].filter(Boolean).join(" ")].filter(Boolean).join(", "));

  heading(L("cases"));
  if (data.cases.length === 0) line(L("none"));
  for (const c of data.cases) {
    line(`${L("caseNumber")} ${c.caseNumber} – ${c.creditor}`, bold, 11);
    field(L("description"), c.description, 68);
    field(L("invoice"), `${c.invoiceNumber}, ${texts.date(c.invoiceDate)}`, 68);
    field(L("originalDueDate"), texts.date(c.originalDueDate), 68);
    field(L("dueDate"), texts.date(c.dueDate), 68);
    field(L("principal"), texts.money(c.principalOre), 68);
    field(L("ocr"), c.ocrReference, 68);
    field(L("status"), c.status + (c.disputed ? ` (${L("disputed")})` : ""), 68);
    for (const x of c.charges) field(L("charge"), `${x.kind} ${texts.money(x.amountOre)}, ${texts.date(x.chargedOn)} (${x.legalBasis})`, 68);
    for (const x of c.events) field(L("event"), `${x.kind}, ${texts.date(x.occurredOn)}`, 68);
    for (const x of c.letters) field(L("letter"), `${x.kind}, ${texts.date(x.issuedOn)}`, 68);
    y -= 4;
  }

  heading(L("payments"));
  if (data.payments.length === 0) line(L("none"));
  for (const p of data.payments) {
    line(`${texts.date(p.bookedOn)}: ${texts.money(p.amountOre)} – ${p.method}${p.caseNumber ? `, ${L("caseNumber")} ${p.caseNumber}` : ""}${p.reference ? `, OCR ${p.reference}` : ""}${p.status !== "booked" ? ` (${p.status})` : ""}`);
    if (p.overpaymentOre > 0) field(L("overpaid"), texts.money(p.overpaymentOre), 68);
    if (p.refundedOre > 0) field(L("refunded"), texts.money(p.refundedOre), 68);
  }

  heading(L("ledger"));
  if (data.ledger.length === 0) line(L("none"));
  for (const a of data.ledger) line(`${texts.date(a.bookedOn)}: ${a.caseNumber} ${a.component} ${texts.money(a.amountOre)}`);

  heading(L("plans"));
  if (data.plans.length === 0) line(L("none"));
  for (const p of data.plans) {
    line(`${p.status}: ${texts.money(p.monthlyOre)} × ${p.months}, ${L("dueDay")} ${p.dueDay}, ${L("total")} ${texts.money(p.totalOre)} (${p.caseNumbers.join(", ")})`, bold, 10);
    if (p.signedAt) field(L("signedAt"), texts.dateTime(p.signedAt), 68);
    for (const i of p.instalments) line(`${i.seq}. ${texts.date(i.dueDate)} ${texts.money(i.amountOre)} – ${i.status}${i.paidOre > 0 ? ` (${texts.money(i.paidOre)})` : ""}`, regular, 10, 68);
  }

  heading(L("messages"));
  if (data.messages.length === 0) line(L("none"));
  for (const m of data.messages) {
    line(`${texts.dateTime(m.at)} – ${m.from === "you" ? L("fromYou") : L("fromUs")}${m.caseNumber ? ` (${m.caseNumber})` : ""}`, bold, 10);
    for (const paragraph of m.body.split(/\n+/)) line(paragraph, regular, 10, 68);
    for (const f of m.attachments) field(L("attachment"), f, 68);
  }

  heading(L("callbacks"));
  if (data.callbacks.length === 0) line(L("none"));
  for (const c of data.callbacks) line(`${texts.date(c.day)} ${c.window}, ${c.phone}: ${c.topic} – ${c.status}${c.outcome ? ` (${c.outcome})` : ""}`);

  heading(L("requests"));
  if (data.requests.length === 0) line(L("none"));
  for (const r of data.requests) {
    line(`${texts.dateTime(r.requestedAt)} – ${r.kind} (${r.status})`, bold, 10);
    if (r.body) line(r.body, regular, 10, 68);
    if (r.answer) line(`${L("answer")}: ${r.answer}`, regular, 10, 68);
  }

  heading(L("disputes"));
  if (data.disputes.length === 0) line(L("none"));
  for (const d of data.disputes) line(Object.entries(d).filter(([k, v]) => v !== null && !k.endsWith("_id") && k !== "id").map(([k, v]) => `${k}: ${String(v)}`).join("; "));

  heading(L("staffLooks"));
  line(L("staffLooksLead"));
  if (data.staffLooks.length === 0) line(L("none"));
  for (const l of data.staffLooks) line(`${texts.dateTime(l.at)}: ${l.what}`, regular, 10, 68);

  return pdf.save();
}

/** Standard fonts carry Western European letters only: anything else is shown as "?". */
function printable(font: PDFFont, text: string): string {
  const set = new Set(font.getCharacterSet());
  return [...text.replace(/[\t\r]/g, " ")].map((ch) => (set.has(ch.codePointAt(0)!) ? ch : "?")).join("");
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = "";
  // A word longer than a line (a long link, a string of digits) is cut, so nothing runs off the page.
  const words = text.split(/ +/).flatMap((w) => (w.length <= width ? [w] : (w.match(new RegExp(`.{1,${width}}`, "gu")) ?? [w])));
  for (const word of words) {
    if (current && (current + " " + word).length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines.length > 0 ? lines : [""];
}
