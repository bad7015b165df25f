/**
 * Demo people of the disputes journey (valid test personal numbers, listed in the README): each
 * end-to-end language has its own person, so the journeys never share a case or a BankID order.
 */
export const DEMO_DISPUTE_DEBTORS = [
  { key: "karin", personalNumber: "197005212381", givenName: "Karin", surname: "Ek", invoiceNumber: "HH-66120", principalOre: 249000 },
  { key: "oskar", personalNumber: "198309144569", givenName: "Oskar", surname: "Lund", invoiceNumber: "HH-66121", principalOre: 249000 },
] as const;

/** A case handler of the disputes journey. */
export const DEMO_DISPUTE_STAFF = { personalNumber: "196903031125", name: "Eva Strand", role: "agent" as const };
