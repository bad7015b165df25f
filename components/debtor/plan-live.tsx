"use client";

import { useEffect, useState } from "react";
import { trpc } from "@/components/trpc";
import { money } from "@/components/ui/format";
import type { Locale } from "@/i18n/config";
import { parseMoney } from "@/server/domain/money";

/**
 * While the person types an amount a month or a number of months, shows the other one, worked
 * out by the server from the same rules as the plan itself. Announced politely, once it settles.
 */
export function PlanLive({
  formId,
  caseIds,
  replacesPlanId,
  locale,
  texts,
}: {
  formId: string;
  caseIds: string[];
  replacesPlanId?: string | null;
  locale: Locale;
  texts: { monthsOne: string; monthsMany: string; monthly: string };
}) {
  const [line, setLine] = useState("");
  useEffect(() => {
    const form = document.getElementById(formId) as HTMLFormElement | null;
    if (!form) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let latest = 0;
    const update = () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const data = new FormData(form);
        const by = data.get("by");
        const monthlyOre = by === "monthly" ? parseMoney(String(data.get("monthly") ?? "")) : null;
        const monthsText = String(data.get("months") ?? "").trim();
        const months = by === "months" && /^\d{1,3}$/.test(monthsText) ? Number(monthsText) : null;
        if (!(monthlyOre && monthlyOre > 0) && !(months && months > 0 && months <= 120)) return setLine("");
        const call = ++latest;
        try {
          const preview = await trpc.debtor.plans.preview.query({ caseIds, monthlyOre: monthlyOre ?? null, months: months ?? null, dueDay: 26, method: "bankgiro", replacesPlanId: replacesPlanId ?? null });
          if (call !== latest) return;
          setLine(by === "monthly" ? (preview.months === 1 ? texts.monthsOne : texts.monthsMany.replace("{n}", String(preview.months))) : texts.monthly.replace("{amount}", money(preview.monthlyOre, locale)));
        } catch {
          if (call === latest) setLine("");
        }
      }, 300);
    };
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    update();
    return () => {
      clearTimeout(timer);
      form.removeEventListener("input", update);
      form.removeEventListener("change", update);
    };
  }, [formId, caseIds, replacesPlanId, locale, texts]);
  return (
    <p aria-live="polite" className="min-h-7 text-lg font-semibold">
      {line}
    </p>
  );
}
