/** The facts a reply template may name, written as {caseNumber} and so on. */
export const TEMPLATE_FIELDS = ["name", "caseNumber", "creditor", "amountLeft", "dueDate", "ocr", "bankgiro"] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

/** Fills a template's {fields}; a field it does not know is left as written, so a typo shows. */
export function fillTemplate(body: string, facts: Partial<Record<TemplateField, string>>): string {
  return body.replace(/\{(\w+)\}/g, (whole, field: string) => {
    const value = (facts as Record<string, string | undefined>)[field];
    return value === undefined ? whole : value;
  });
}

/** Fields a template names that are not facts we have: shown to the supervisor before saving. */
export function unknownFields(body: string): string[] {
  return [...new Set([...body.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].filter((f) => !(TEMPLATE_FIELDS as readonly string[]).includes(f));
}
