import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { api } from "@/server/api/server-caller";

/** The overview's way to a person, saying how many of our replies are waiting to be read. */
export async function TalkLink() {
  const t = await getTranslations("talk");
  const { unread } = await (await api()).debtor.talk.unread();
  return (
    <p>
      <Link href="/contact" className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline underline-offset-4">
        {unread > 0 ? t("overview.linkUnread", { count: unread }) : t("overview.link")}
      </Link>
    </p>
  );
}
