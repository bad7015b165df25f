/**
 * The demo agency's people. Personal numbers are valid test numbers (correct check digit) that the
 * README lists, so anyone can sign in with them in the simulated BankID app.
 */
export const DEMO_DEBTORS = [
  { key: "anna", personalNumber: "199003142388", givenName: "Anna", surname: "Lindqvist", situation: "one small case" },
  { key: "erik", personalNumber: "198511224571", givenName: "Erik", surname: "Johansson", situation: "cases from three creditors" },
  { key: "sara", personalNumber: "200506122845", givenName: "Sara", surname: "Nilsson", situation: "aged 21, lives from the 25th" },
  { key: "mohammed", personalNumber: "197809056133", givenName: "Mohammed", surname: "Ali", situation: "pays by instalment plan" },
  { key: "lena", personalNumber: "196212304429", givenName: "Lena", surname: "Berg", situation: "a disputed case" },
  { key: "johan", personalNumber: "199504173973", givenName: "Johan", surname: "Karlsson", situation: "close to a payment order" },
] as const;

/** A valid person with no cases at the agency: sees the kind "nothing here" page. */
export const DEMO_NOBODY = { personalNumber: "198802015126", givenName: "Nils", surname: "Persson" } as const;

export const DEMO_STAFF = [
  { personalNumber: "197508083354", name: "Maria Svensson", role: "agent" as const },
  { personalNumber: "200101012268", name: "Peter Holm", role: "supervisor" as const },
  { personalNumber: "197903212186", name: "Sofia Lind", role: "admin" as const },
];
