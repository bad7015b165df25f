import { SimulatedPhone } from "@/components/ui/simulated-phone";
import { DEMO_PEOPLE, simTexts } from "../sim-texts";

export const dynamic = "force-dynamic";

/** Where "BankID on this device" leads in demo mode (the real app's autostart link elsewhere). */
export default async function SimulatedBankIdAutostart({ searchParams }: { searchParams: Promise<{ autostarttoken?: string }> }) {
  const { autostarttoken } = await searchParams;
  return <SimulatedPhone people={DEMO_PEOPLE} texts={await simTexts()} autoStartToken={autostarttoken} />;
}
