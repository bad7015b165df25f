import { readdir } from "node:fs/promises";
import path from "node:path";
import { env } from "../../env";
import { runningEmailSimulator } from "../../integrations/email/simulator";
import { kivraSimulator } from "../../integrations/kivra/simulator";
import { smsSimulator } from "../../integrations/sms/simulator";

export interface InboxItem {
  channel: "sms" | "email" | "kivra" | "paper";
  at: string;
  to: string;
  subject: string;
  text: string;
  /** A file to open (the Kivra letter's PDF, the paper letter). */
  file: string | null;
}

/** What each simulated channel holds, newest first: demo mode only. */
export async function simulatedInbox(): Promise<InboxItem[]> {
  const items: InboxItem[] = [];
  for (const sms of smsSimulator().messages) items.push({ channel: "sms", at: sms.created, to: sms.to, subject: "", text: sms.message, file: null });
  const mail = await runningEmailSimulator();
  for (const m of mail?.received ?? []) items.push({ channel: "email", at: m.receivedAt, to: m.to.join(", "), subject: m.subject, text: m.text, file: null });
  for (const c of kivraSimulator().contents) items.push({ channel: "kivra", at: c.receivedAt, to: "Kivra", subject: c.subject, text: "", file: `/sim/inbox/kivra/${c.key}` });
  const dir = env().KVITT_PRINT_DIR;
  for (const day of (await readdir(dir).catch(() => [] as string[])).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))) {
    for (const name of (await readdir(path.join(dir, day)).catch(() => [] as string[])).filter((n) => n.endsWith(".pdf"))) {
      items.push({ channel: "paper", at: `${day}T12:00:00.000Z`, to: day, subject: name.replace(/\.pdf$/, ""), text: "", file: `/sim/inbox/paper/${day}/${name.replace(/\.pdf$/, "")}` });
    }
  }
  return items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
