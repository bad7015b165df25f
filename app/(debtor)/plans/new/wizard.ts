import { parseMoney } from "@/server/domain/money";

/** The answers of the plan questions, carried from page to page in the address (no personal data). */
export interface WizardParams {
  cases?: string;
  by?: string;
  monthly?: string;
  months?: string;
  day?: string;
  dayOther?: string;
  method?: string;
  replaces?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function caseIdsOf(params: WizardParams): string[] {
  return (params.cases ?? "").split(",").filter((id) => UUID.test(id)).slice(0, 20);
}

export type Answers = {
  caseIds: string[];
  monthlyOre: number | null;
  months: number | null;
  dueDay: number | null;
  method: "swish" | "card" | "bankgiro" | null;
  replaces: string | null;
};

/** Reads what has been answered so far; a value that does not parse counts as not answered. */
export function answersOf(params: WizardParams): Answers {
  const monthlyOre = params.by === "monthly" && params.monthly ? parseMoney(params.monthly) : null;
  const months = params.by === "months" && params.months && /^\d{1,3}$/.test(params.months.trim()) ? Number(params.months) : null;
  const dayText = params.day === "other" ? params.dayOther : params.day;
  const dueDay = dayText && /^\d{1,2}$/.test(dayText.trim()) && Number(dayText) >= 1 && Number(dayText) <= 28 ? Number(dayText) : null;
  const method = params.method === "swish" || params.method === "card" || params.method === "bankgiro" ? params.method : null;
  const replaces = params.replaces && UUID.test(params.replaces) ? params.replaces : null;
  return { caseIds: caseIdsOf(params), monthlyOre: monthlyOre && monthlyOre > 0 ? monthlyOre : null, months: months && months > 0 ? months : null, dueDay, method, replaces };
}

/** The address of a step with the answers given so far (and no `submit` flag). */
export function stepHref(step: "" | "amount" | "day" | "method" | "check" | "request", params: WizardParams): string {
  const query = new URLSearchParams();
  for (const key of ["cases", "by", "monthly", "months", "day", "dayOther", "method", "replaces"] as const) {
    const value = params[key];
    if (value) query.set(key, value);
  }
  const path = step ? `/plans/new/${step}` : "/plans/new";
  const q = query.toString();
  return q ? `${path}?${q}` : path;
}
