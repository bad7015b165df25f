import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { errorMessage } from "@/components/staff/error-message";
import { Notice } from "@/components/staff/notice";
import { StaffFrame } from "@/components/staff/staff-frame";
import { button, card, input, label } from "@/components/staff/styles";
import { api } from "@/server/api/server-caller";
import { requireStaff } from "@/server/auth/require";
import { staffMay } from "@/server/domain/permissions";
import { TEMPLATE_FIELDS } from "@/server/domain/reply-templates";
import { saveTemplateAction } from "../admin-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("workplace.templates"))("title") };
}

function TemplateFields({ t, prefix, tpl }: { t: Awaited<ReturnType<typeof getTranslations>>; prefix: string; tpl?: { id: string; name: string; bodySv: string; bodyEn: string; active: boolean } }) {
  return (
    <>
      {tpl && <input type="hidden" name="id" value={tpl.id} />}
      <label htmlFor={`${prefix}-name`} className={label}>
        {t("name")}
      </label>
      <input id={`${prefix}-name`} name="name" defaultValue={tpl?.name} required minLength={2} maxLength={80} className={input} />
      <label htmlFor={`${prefix}-sv`} className={label}>
        {t("bodySv")}
      </label>
      <textarea id={`${prefix}-sv`} name="bodySv" defaultValue={tpl?.bodySv} required rows={5} lang="sv" className="block w-full rounded-md border-2 border-ink bg-paper p-2" />
      <label htmlFor={`${prefix}-en`} className={label}>
        {t("bodyEn")}
      </label>
      <textarea id={`${prefix}-en`} name="bodyEn" defaultValue={tpl?.bodyEn} required rows={5} lang="en" className="block w-full rounded-md border-2 border-ink bg-paper p-2" />
      <div className="flex min-h-11 items-center gap-2">
        <input id={`${prefix}-active`} name="active" type="checkbox" defaultChecked={tpl?.active ?? true} className="size-5" />
        <label htmlFor={`${prefix}-active`}>{t("active")}</label>
      </div>
    </>
  );
}

/** Reply templates in both languages; supervisors add and change them. */
export default async function TemplatesPage({ searchParams }: { searchParams: Promise<{ done?: string; error?: string }> }) {
  const viewer = await requireStaff();
  const q = await searchParams;
  const t = await getTranslations("workplace.templates");
  const canWrite = staffMay(viewer.role, "templates:write");
  const templates = await (await api()).staff.templates.list({ includeInactive: canWrite });
  return (
    <StaffFrame role={viewer.role} current="templates">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("lead", { fields: TEMPLATE_FIELDS.map((f) => `{${f}}`).join(", ") })}</p>
      <Notice done={q.done ? t("saved") : null} error={await errorMessage(q.error)} />
      <ul className="space-y-4">
        {templates.map((tpl) => (
          <li key={tpl.id} className={card}>
            <h2 className="text-lg font-semibold">
              {tpl.name}
              {!tpl.active && ` (${t("inactive")})`}
            </h2>
            {canWrite ? (
              <form action={saveTemplateAction} className="space-y-2">
                <TemplateFields t={t} prefix={tpl.id} tpl={tpl} />
                <button type="submit" className={button}>
                  {t("save")}
                </button>
              </form>
            ) : (
              <div className="grid gap-3 lg:grid-cols-2">
                <p lang="sv" className="whitespace-pre-line">{tpl.bodySv}</p>
                <p lang="en" className="whitespace-pre-line">{tpl.bodyEn}</p>
              </div>
            )}
          </li>
        ))}
      </ul>
      {canWrite && (
        <section aria-labelledby="new-title" className={card}>
          <h2 id="new-title" className="text-xl font-bold">
            {t("new")}
          </h2>
          <form action={saveTemplateAction} className="space-y-2">
            <TemplateFields t={t} prefix="new" />
            <button type="submit" className={button}>
              {t("add")}
            </button>
          </form>
        </section>
      )}
    </StaffFrame>
  );
}
