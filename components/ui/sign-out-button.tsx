import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/server/auth/actions";

export async function SignOutButton({ area }: { area: "debtor" | "staff" }) {
  const t = await getTranslations("common");
  return (
    <form action={signOutAction}>
      <input type="hidden" name="area" value={area} />
      <button type="submit" className="min-h-11 px-3 rounded-md text-brand-700 underline underline-offset-4 hover:bg-brand-50">
        {t("signOut")}
      </button>
    </form>
  );
}
