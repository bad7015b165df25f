import { getTranslations } from "next-intl/server";
import type { DemoPerson, SimulatedPhoneTexts } from "@/components/ui/simulated-phone";
import { DEMO_DISPUTE_DEBTORS, DEMO_DISPUTE_STAFF } from "@/server/db/seed/demo-dispute-people";
import { DEMO_FAST_PEOPLE } from "@/server/db/seed/demo-fast";
import { DEMO_DEBTORS, DEMO_NOBODY, DEMO_STAFF } from "@/server/db/seed/demo-people";
import { REACH_DEMO_PERSON } from "@/server/db/seed/demo-reach-people";
import { TALK_DEMO_PEOPLE, TALK_DEMO_STAFF } from "@/server/db/seed/demo-talk-people";

export async function simTexts(): Promise<SimulatedPhoneTexts> {
  const t = await getTranslations("sim.bankid");
  const keys = ["title", "lead", "none", "refresh", "scanLabel", "scan", "orderAuth", "orderSign", "shows", "choose", "other", "otherHint", "identify", "sign", "cancel", "done", "cancelled", "invalid", "notFound", "back"] as const;
  return Object.fromEntries(keys.map((k) => [k, t(k)])) as unknown as SimulatedPhoneTexts;
}

export const DEMO_PEOPLE: DemoPerson[] = [
  ...DEMO_DEBTORS.map((d) => ({ personalNumber: d.personalNumber, name: `${d.givenName} ${d.surname}` })),
  ...DEMO_FAST_PEOPLE.map((d) => ({ personalNumber: d.personalNumber, name: `${d.givenName} ${d.surname}` })),
  { personalNumber: DEMO_NOBODY.personalNumber, name: `${DEMO_NOBODY.givenName} ${DEMO_NOBODY.surname}` },
  ...DEMO_STAFF.map((s) => ({ personalNumber: s.personalNumber, name: s.name })),
  ...DEMO_DISPUTE_DEBTORS.map((d) => ({ personalNumber: d.personalNumber, name: `${d.givenName} ${d.surname}` })),
  { personalNumber: DEMO_DISPUTE_STAFF.personalNumber, name: DEMO_DISPUTE_STAFF.name },
  ...TALK_DEMO_PEOPLE.map((d) => ({ personalNumber: d.personalNumber, name: `${d.givenName} ${d.surname}` })),
  ...TALK_DEMO_STAFF.map((s) => ({ personalNumber: s.personalNumber, name: s.name })),
  { personalNumber: REACH_DEMO_PERSON.personalNumber, name: `${REACH_DEMO_PERSON.givenName} ${REACH_DEMO_PERSON.surname}` },
];
