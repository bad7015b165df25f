import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { staffMay, type StaffRole } from "@/server/domain/permissions";

const link = "inline-flex min-h-11 items-center rounded-md px-2 text-brand-700 underline underline-offset-4";

/**
 * The staff pages' frame: wider than the debtor's single column (desktop first), with the
 * workplace's links. Each link shows only to those whose role may use it.
 */
export async function StaffFrame({ role, current, children }: { role: StaffRole; current: string; children: React.ReactNode }) {
  const t = await getTranslations("workplace.nav");
  const links = [
    { href: "/staff", key: "queue", show: true },
    { href: "/staff/search", key: "search", show: true },
    { href: "/staff/talk", key: "talk", show: true },
    { href: "/staff/disputes", key: "disputes", show: true },
    { href: "/staff/payments", key: "payments", show: true },
    { href: "/staff/plans", key: "plans", show: true },
    { href: "/staff/payments/import", key: "import", show: true },
    { href: "/staff/templates", key: "templates", show: true },
    { href: "/staff/policies", key: "policies", show: true },
    { href: "/staff/insights", key: "insights", show: staffMay(role, "insights:read") },
    { href: "/staff/audit", key: "audit", show: staffMay(role, "audit:read") },
    { href: "/staff/users", key: "users", show: staffMay(role, "staff:manage") },
  ] as const;
  return (
    <div className="relative left-1/2 w-[min(76rem,calc(100vw-2rem))] -translate-x-1/2 space-y-6">
      <nav aria-label={t("label")}>
        <ul className="flex flex-wrap gap-x-2 gap-y-1 border-b border-line pb-2">
          {links
            .filter((l) => l.show)
            .map((l) => (
              <li key={l.key}>
                <Link href={l.href} className={`${link} ${current === l.key ? "font-bold no-underline" : ""}`} aria-current={current === l.key ? "page" : undefined}>
                  {t(l.key)}
                </Link>
              </li>
            ))}
        </ul>
      </nav>
      {children}
    </div>
  );
}
