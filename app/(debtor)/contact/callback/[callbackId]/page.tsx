import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { dayWithWeekday, linkClass, noticeClass, secondaryButton, TalkFrame, windowText } from "@/components/debtor/talk-parts";
import type { Locale } from "@/i18n/config";
import { api, orNotFound } from "@/server/api/server-caller";
import { requirePerson } from "@/server/auth/require";
import { cancelCallbackAction } from "../../actions";

type Props = { params: Promise<{ callbackId: string }>; searchParams: Promise<{ booked?: string; cancelled?: string; error?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("talk"))("callback.confirmTitle") };
}

/** A callback request: when we will ring and on which number, and a way to cancel it. */
export default async function CallbackConfirmation({ params, searchParams }: Props) {
  const viewer = await requirePerson();
  if (!viewer.subjectId) redirect("/no-cases");
  const { callbackId } = await params;
  if (!z.string().uuid().safeParse(callbackId).success) notFound();
  const c = await orNotFound((await api()).debtor.callbacks.get({ callbackId }));
  const t = await getTranslations("talk");
  const locale = (await getLocale()) as Locale;
  const query = await searchParams;
  const when = { day: dayWithWeekday(c.day, locale), window: windowText(c.startHour, c.endHour), phone: c.phone };
  const heading = c.status === "cancelled" ? t("callback.cancelledHeading") : c.status === "done" ? t("callback.doneHeading") : t("callback.bookedHeading");

  return (
    <TalkFrame back="/contact" backLabel={t("back")} heading={heading}>
      {query.booked && c.status === "requested" && (
        <p role="status" className={`${noticeClass} font-semibold`}>
          {t("callback.thanks")}
        </p>
      )}
      {query.cancelled && c.status === "cancelled" && (
        <p role="status" className={`${noticeClass} font-semibold`}>
          {t("callback.cancelledNotice")}
        </p>
      )}
      {query.error && (
        <p role="alert" className="rounded-lg border-4 border-error p-4 font-semibold">
          {t("callback.cannotCancel")}
        </p>
      )}
      <p className="text-lg">{c.status === "cancelled" ? t("callback.wasBooked", when) : c.status === "done" ? t("callback.wasCalled", when) : t("callback.weWillCall", when)}</p>
      <dl className="divide-y divide-line border-y border-line">
        {[
          [t("callback.dayLabel"), when.day],
          [t("callback.windowLabel"), when.window],
          [t("callback.phoneLabel"), c.phone],
          [t("callback.topicLabel"), c.topic],
          ...(c.caseNumber ? [[t("callback.case"), c.caseNumber]] : []),
        ].map(([label, value]) => (
          <div key={label} className="flex justify-between gap-4 py-2">
            <dt className="text-muted">{label}</dt>
            <dd className="text-right break-words">{value}</dd>
          </div>
        ))}
      </dl>
      {c.status === "requested" && (
        <>
          <p>{t("callback.whatNext")}</p>
          <form action={cancelCallbackAction}>
            <input type="hidden" name="callbackId" value={c.id} />
            <button type="submit" className={secondaryButton}>
              {t("callback.cancel")}
            </button>
          </form>
        </>
      )}
      <p>
        <Link href="/contact" className={linkClass}>
          {t("callback.toContact")}
        </Link>
      </p>
    </TalkFrame>
  );
}
