import { getTranslations } from "next-intl/server";

/** A staff page's error code as a sentence the person can act on; an unknown code reads as "try again". */
export async function errorMessage(code: string | undefined): Promise<string | null> {
  if (!code) return null;
  const e = await getTranslations("workplace.errors");
  return /^[a-z_]+$/.test(code) && e.has(code) ? e(code) : e("unknown");
}
