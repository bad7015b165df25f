import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { simulatedInbox } from "@/server/modules/outreach/sim-inbox";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sim.inbox"))("title") };
}

/** Links in a text, clickable; everything else as text. */
function Linked({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/\S+)/g);
  return (
    <>
      {parts.map((part, i) =>
        /^https?:\/\//.test(part) ? (
          <a key={i} href={part} className="break-all font-semibold text-brand-700 underline">
            {part}
          </a>
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </>
  );
}

/**
 * What the simulated channels delivered, as the person would see it: the SMS on a phone, the
 * e-mail, the Kivra letter and the paper letter as PDFs. Demo mode only.
 */
export default async function SimulatedInbox() {
  const t = await getTranslations("sim.inbox");
  const items = await simulatedInbox();
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <p className="rounded-md bg-brand-50 px-3 py-2 text-sm font-semibold">{t("badge")}</p>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="text-lg">{t("lead")}</p>
      {items.length === 0 ? (
        <p className="text-lg">{t("none")}</p>
      ) : (
        <ol className="space-y-4">
          {items.map((item, i) => (
            <li key={i} className="space-y-2 rounded-2xl border-2 border-line p-4">
              <p className="text-sm text-muted">
                {t(`channel.${item.channel}`)} · {t("to")} {item.to} · {new Date(item.at).toLocaleString("sv-SE", { timeZone: "Europe/Stockholm" })}
              </p>
              {item.subject && item.channel !== "paper" && <h2 className="text-xl font-semibold">{item.subject}</h2>}
              {item.channel === "sms" ? (
                <p className="max-w-xs rounded-2xl rounded-bl-sm bg-brand-50 p-3">
                  <Linked text={item.text} />
                </p>
              ) : item.text ? (
                <p className="whitespace-pre-line">
                  <Linked text={item.text} />
                </p>
              ) : null}
              {item.file && (
                <p>
                  <a href={item.file} className="font-semibold text-brand-700 underline">
                    {t("openPdf")}
                  </a>
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
