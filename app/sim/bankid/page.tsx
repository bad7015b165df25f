import { SimulatedPhone } from "@/components/ui/simulated-phone";
import { DEMO_PEOPLE, simTexts } from "./sim-texts";

export const dynamic = "force-dynamic";

export default async function SimulatedBankIdApp() {
  return <SimulatedPhone people={DEMO_PEOPLE} texts={await simTexts()} />;
}
