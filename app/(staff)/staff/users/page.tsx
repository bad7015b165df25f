import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { errorMessage } from "@/components/staff/error-message";
import { Notice } from "@/components/staff/notice";
import { StaffFrame } from "@/components/staff/staff-frame";
import { button, card, input, label, secondaryButton } from "@/components/staff/styles";
import { api } from "@/server/api/server-caller";
import { requireStaff } from "@/server/auth/require";
import { staffMay, STAFF_ROLES } from "@/server/domain/permissions";
import { addStaffAction, updateStaffAction } from "../admin-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("workplace.users"))("title") };
}

/** Admins add staff by personal number, change roles and deactivate accounts. */
export default async function UsersPage({ searchParams }: { searchParams: Promise<{ done?: string; error?: string }> }) {
  const viewer = await requireStaff();
  if (!staffMay(viewer.role, "staff:manage")) redirect("/staff");
  const q = await searchParams;
  const t = await getTranslations("workplace.users");
  const s = await getTranslations("staff");
  const users = await (await api()).staff.users.list();
  return (
    <StaffFrame role={viewer.role} current="users">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <Notice done={q.done ? t(`done.${q.done === "added" ? "added" : "changed"}`) : null} error={await errorMessage(q.error)} />
      <ul className="grid gap-3 lg:grid-cols-2">
        {users.map((u) => (
          <li key={u.id} className={card}>
            <h2 className="text-lg font-semibold">
              {u.name} · {s(`role.${u.role}`)}
              {!u.active && ` · ${t("inactive")}`}
            </h2>
            {u.id !== viewer.subjectId && (
              <form action={updateStaffAction} className="flex flex-wrap items-end gap-2">
                <input type="hidden" name="staffUserId" value={u.id} />
                <div>
                  <label htmlFor={`role-${u.id}`} className={label}>
                    {t("role")}
                  </label>
                  <select id={`role-${u.id}`} name="role" defaultValue={u.role} className={input}>
                    {STAFF_ROLES.map((r) => (
                      <option key={r} value={r}>
                        {s(`role.${r}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <button type="submit" className={secondaryButton}>
                  {t("change", { name: u.name })}
                </button>
                <button type="submit" name="active" value={u.active ? "no" : "yes"} className={secondaryButton}>
                  {u.active ? t("deactivate", { name: u.name }) : t("activate", { name: u.name })}
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      <section aria-labelledby="add-title" className={card}>
        <h2 id="add-title" className="text-xl font-bold">
          {t("add")}
        </h2>
        <form action={addStaffAction} className="grid gap-2 sm:grid-cols-3 sm:items-end">
          <div>
            <label htmlFor="u-pnr" className={label}>
              {t("personalNumber")}
            </label>
            <input id="u-pnr" name="personalNumber" required inputMode="numeric" autoComplete="off" className={input} />
          </div>
          <div>
            <label htmlFor="u-name" className={label}>
              {t("name")}
            </label>
            <input id="u-name" name="name" required minLength={2} className={input} />
          </div>
          <div>
            <label htmlFor="u-role" className={label}>
              {t("role")}
            </label>
            <select id="u-role" name="role" className={input}>
              {STAFF_ROLES.map((r) => (
                <option key={r} value={r}>
                  {s(`role.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={`${button} sm:col-span-3`}>
            {t("submit")}
          </button>
        </form>
      </section>
    </StaffFrame>
  );
}
