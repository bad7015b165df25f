import { mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { todayInStockholm } from "../../domain/calendar";
import { ChannelError } from "../../integrations/channel-error";
import type { EmailClient } from "../../integrations/email/client";
import type { KivraClient } from "../../integrations/kivra/client";
import type { SmsClient } from "../../integrations/sms/client";
import { renderLetterPdf } from "./letter-pdf";
import type { ChannelAdapter, OutgoingMessage } from "./send";

/** SMS through 46elks; after a crash the account's messages since the attempt are searched for it. */
export function smsChannel(client: SmsClient, reportUrl: string): ChannelAdapter {
  return {
    async send(message: OutgoingMessage) {
      const sms = await client.send({ to: message.recipient!, message: message.text, whendelivered: reportUrl });
      return { providerId: sms.id };
    },
    async find(message: OutgoingMessage) {
      // Each text holds its own link token, so the same text to the same number is this message.
      const since = await client.listSince(new Date(message.sendingAt.getTime() - 60_000));
      return since.find((m) => m.to === message.recipient && m.message === message.text)?.id ?? null;
    },
  };
}

/**
 * E-mail over SMTP. An SMTP relay cannot be asked what it took, so a message found mid-send is
 * sent again with the same Message-ID, which mail clients show once.
 */
export function emailChannel(client: EmailClient, domain: string): ChannelAdapter {
  return {
    async send(message: OutgoingMessage) {
      const sent = await client.send({
        to: message.recipient!,
        subject: message.subject,
        text: message.text,
        html: message.html ?? "",
        messageId: `<${message.id}@${domain}>`,
        listUnsubscribe: message.listUnsubscribe ?? undefined,
      });
      return { providerId: sent.messageId };
    },
  };
}

/** Kivra: the letter as a PDF with its payment options; Kivra's duplicate control makes a resend one letter. */
export function kivraChannel(client: KivraClient, letter: { swishPayee: string; bankgiro: string }): ChannelAdapter {
  return {
    async send(message: OutgoingMessage) {
      const ssn = message.personalNumber!;
      const matched = await client.usermatch([ssn]);
      if (!matched.includes(ssn)) throw new ChannelError("Kivra: not a Kivra user, or does not accept mail from us", true, "not_kivra_user");
      const pdf = await renderLetterPdf({ content: message.content, link: message.link, address: null, issuedAt: message.sendingAt, ...letter });
      const payment = message.content.payment;
      const key = await client.sendContent({
        ssn,
        subject: message.subject,
        generated_at: todayInStockholm(message.sendingAt),
        type: message.kind === "collection_letter" ? "invoice.debtcollection" : payment ? "invoice.reminder" : "letter",
        parts: [{ name: `${message.id}.pdf`, data: Buffer.from(pdf).toString("base64"), content_type: "application/pdf" }],
        ...(payment && payment.amountOre > 0
          ? {
              payment_multiple_options: {
                payable: true,
                currency: "SEK" as const,
                method: "1" as const,
                account: letter.bankgiro.replace(/\D/g, ""),
                swish_alias: letter.swishPayee,
                options: [{ due_date: payment.dueDate, amount: (payment.amountOre / 100).toFixed(2), type: "SE_OCR" as const, reference: payment.ocr, title: message.subject.slice(0, 50) }],
              },
            }
          : {}),
      });
      return { providerId: key };
    },
  };
}

/**
 * Paper: the letter as a print-ready PDF in the day's print folder (`<dir>/<date>/<message>.pdf`);
 * the printer collects the day's batch. Written once: a file that exists is this letter.
 */
export function paperChannel(dir: string, letter: { swishPayee: string; bankgiro: string }): ChannelAdapter {
  const fileOf = (message: OutgoingMessage) => {
    const day = todayInStockholm(message.sendingAt);
    return { day, file: path.join(dir, day, `${message.id}.pdf`) };
  };
  return {
    async send(message: OutgoingMessage) {
      const a = message.address;
      if (!a || !a.street || !a.postcode || !a.city) throw new ChannelError("paper: no postal address", true, "no_address");
      const { day, file } = fileOf(message);
      const pdf = await renderLetterPdf({ content: message.content, link: message.link, address: a, issuedAt: message.sendingAt, ...letter });
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, pdf, { flag: "wx" }).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== "EEXIST") throw new ChannelError(`paper: ${error.message}`, false, "io");
      });
      return { providerId: `print:${day}:${message.id}` };
    },
    async find(message: OutgoingMessage) {
      const { day, file } = fileOf(message);
      return (await stat(file).catch(() => null)) ? `print:${day}:${message.id}` : null;
    },
  };
}
