import type { EmailClient } from "../../integrations/email/client";
import type { SmsClient } from "../../integrations/sms/client";
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
