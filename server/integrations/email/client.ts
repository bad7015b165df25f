import nodemailer from "nodemailer";
import { ChannelError } from "../channel-error";

/**
 * E-mail over SMTP with nodemailer. Each message carries its own Message-ID (derived from the
 * outbox id, so a resend is the same message to every mail client), an HTML and a plain-text
 * part, and for reminders List-Unsubscribe (RFC 2369/8058) pointing at the preferences page.
 * A 5xx answer to the recipient is a bounce: the address will not work, so it fails for good.
 */

export interface EmailClientOptions {
  /** smtp://user:pass@host:port or smtps://… */
  url: string;
  from: string;
  timeoutMs?: number;
}

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  listUnsubscribe?: string;
}

export type EmailClient = ReturnType<typeof createEmailClient>;

export function createEmailClient(options: EmailClientOptions) {
  const timeout = options.timeoutMs ?? 15_000;
  // nodemailer ignores every other option when given a `url`, so the URL is taken apart here.
  const url = new URL(options.url);
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port) || (url.protocol === "smtps:" ? 465 : 587),
    secure: url.protocol === "smtps:",
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    pool: true,
    maxConnections: 4,
  });
  return {
    async send(mail: OutgoingEmail): Promise<{ messageId: string; response: string }> {
      try {
        const info = await transport.sendMail({
          from: options.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: mail.messageId,
          headers: mail.listUnsubscribe ? { "List-Unsubscribe": `<${mail.listUnsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } : {},
        });
        if (info.rejected.length > 0) throw new ChannelError(`SMTP rejected ${info.rejected.length} recipient(s)`, true, "bounce");
        return { messageId: info.messageId, response: info.response };
      } catch (error) {
        if (error instanceof ChannelError) throw error;
        const e = error as { responseCode?: number; code?: string; message?: string };
        if (e.responseCode && e.responseCode >= 500) throw new ChannelError(`SMTP ${e.responseCode}: ${e.message ?? ""}`.slice(0, 200), true, "bounce");
        if (e.responseCode) throw new ChannelError(`SMTP ${e.responseCode}: ${e.message ?? ""}`.slice(0, 200), false, `smtp_${e.responseCode}`);
        throw new ChannelError(`SMTP: ${e.code ?? "network"}`, false, e.code === "ETIMEDOUT" ? "timeout" : "network");
      }
    },
    close: () => transport.close(),
  };
}
