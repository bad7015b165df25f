/**
 * People of the "talk to us" demo and tests: each end-to-end journey that writes or books uses its
 * own person (and its own case handler), so journeys never sign in as the same person at once.
 */
export const TALK_DEMO_PEOPLE = [
  { key: "ulla", personalNumber: "198305172184", givenName: "Ulla", surname: "Ek", situation: "writes to us with a receipt" },
  { key: "tove", personalNumber: "199202284429", givenName: "Tove", surname: "Lund", situation: "asks us to call" },
] as const;

export const TALK_DEMO_STAFF = [{ personalNumber: "196909113117", name: "Karin Dahl", role: "agent" as const }];
