/** The person of the messages journey (`e2e/debtor/reach.spec.ts`): her own, so no other journey meets her. */
export const REACH_DEMO_PERSON = { personalNumber: "199308192245", givenName: "Vera", surname: "Sund" } as const;
