import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * An SMTP server on loopback (the `smtp-server` package) standing in for the agency's mail relay:
 * it speaks real SMTP, so nodemailer is used unchanged. It keeps what it receives, parsed, for
 * `/sim/inbox` and the tests, and can refuse: an address under `bounce.invalid` gets 550 (the
 * mailbox does not exist), and the next messages can be refused for now (421).
 */

export interface SimEmail {
  messageId: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  receivedAt: string;
}

export type EmailSimulator = Awaited<ReturnType<typeof startEmailSimulator>>;

export async function startEmailSimulator(options: { port?: number; host?: string } = {}) {
  const received: SimEmail[] = [];
  const control = { failNext: 0, failCode: 421 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.toLowerCase().endsWith("@bounce.invalid")) {
        const error = new Error("5.1.1 The email account that you tried to reach does not exist") as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      callback();
    },
    onData(stream, _session, callback) {
      if (control.failNext > 0) {
        control.failNext -= 1;
        stream.resume();
        const error = new Error("4.3.0 Try again later") as Error & { responseCode: number };
        error.responseCode = control.failCode;
        return stream.on("end", () => callback(error));
      }
      simpleParser(stream)
        .then((mail) => {
          const headers: Record<string, string> = {};
          for (const line of mail.headerLines) headers[line.key] = line.line.slice(line.line.indexOf(":") + 1).trim();
          const toList = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
          received.push({
            messageId: mail.messageId ?? "",
            from: mail.from?.text ?? "",
            to: toList.flatMap((a) => a.value.map((v) => v.address ?? "")),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
            headers,
            receivedAt: new Date().toISOString(),
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    control,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const g = globalThis as unknown as { __kvittEmailSim?: Promise<EmailSimulator> };

/** The app's one SMTP simulator in demo mode, on the port of SMTP_URL. */
export function emailSimulator(port: number): Promise<EmailSimulator> {
  g.__kvittEmailSim ??= startEmailSimulator({ port });
  return g.__kvittEmailSim;
}

/** The running simulator, if this process started one. */
export function runningEmailSimulator(): Promise<EmailSimulator> | undefined {
  return g.__kvittEmailSim;
}
