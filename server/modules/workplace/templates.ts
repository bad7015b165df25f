import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { debtors, replyTemplates } from "../../db/schema";
import { todayInStockholm } from "../../domain/calendar";
import { DomainError } from "../../domain/errors";
import { fillTemplate, unknownFields } from "../../domain/reply-templates";
import { env } from "../../env";
import { recordAudit } from "../audit/record";
import { loadDebtorLedgers } from "../cases/load-ledgers";
import { auditedRead } from "./staff-read";

const money = (ore: number, locale: "sv" | "en") => new Intl.NumberFormat(locale === "sv" ? "sv-SE" : "en-GB", { style: "currency", currency: "SEK" }).format(ore / 100);
const day = (iso: string, locale: "sv" | "en") => new Intl.DateTimeFormat(locale === "sv" ? "sv-SE" : "en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${iso}T12:00:00Z`));

export async function listTemplates(db: Db, input: { staffId: string; includeInactive?: boolean }) {
  return auditedRead(
    db,
    input.staffId,
    async (tx) => {
      const rows = await tx.select().from(replyTemplates).orderBy(asc(replyTemplates.name));
      return rows.filter((r) => input.includeInactive || r.active).map((r) => ({ id: r.id, name: r.name, bodySv: r.bodySv, bodyEn: r.bodyEn, active: r.active, updatedAt: r.updatedAt.toISOString() }));
    },
    (rows) => ({ action: "templates.viewed", details: { items: rows.length } }),
  );
}

/** Adds a template or changes one (supervisors). Fields the case cannot fill are refused. */
export async function saveTemplate(db: Db, input: { staffId: string; id?: string; name: string; bodySv: string; bodyEn: string; active: boolean; now: Date }) {
  const unknown = [...new Set([...unknownFields(input.bodySv), ...unknownFields(input.bodyEn)])];
  if (unknown.length) throw new DomainError("template_unknown_field", undefined, { fields: unknown });
  return db.transaction(async (tx) => {
    const values = { name: input.name, bodySv: input.bodySv, bodyEn: input.bodyEn, active: input.active, updatedBy: input.staffId, updatedAt: input.now };
    let id = input.id;
    if (id) {
      const updated = await tx.update(replyTemplates).set(values).where(eq(replyTemplates.id, id)).returning({ id: replyTemplates.id });
      if (updated.length === 0) throw new DomainError("template_not_found");
    } else {
      const [row] = await tx.insert(replyTemplates).values(values).onConflictDoNothing().returning({ id: replyTemplates.id });
      if (!row) throw new DomainError("conflict_template_name");
      id = row.id;
    }
    await recordAudit(tx, { actorKind: "staff", actorId: input.staffId, action: input.id ? "template.changed" : "template.added", subjectKind: "reply_template", subjectId: id, details: { name: input.name, active: input.active } });
    return { templateId: id };
  });
}

/** A template filled in with one case's facts, in the debtor's language. Reading the case is audited. */
export async function renderTemplate(db: Db, input: { staffId: string; templateId: string; debtorId: string; caseId?: string | null; now: Date }) {
  return auditedRead(
    db,
    input.staffId,
    async (tx) => {
      const [template] = await tx.select().from(replyTemplates).where(eq(replyTemplates.id, input.templateId));
      if (!template) throw new DomainError("template_not_found");
      const [person] = await tx.select({ givenName: debtors.givenName, language: debtors.language }).from(debtors).where(eq(debtors.id, input.debtorId));
      if (!person) throw new DomainError("debtor_not_found");
      const ledgers = await loadDebtorLedgers(tx, { debtorId: input.debtorId, asOf: todayInStockholm(input.now) });
      const ledger = ledgers.find((l) => l.case.id === input.caseId) ?? (ledgers.length === 1 ? ledgers[0] : undefined);
      if (input.caseId && !ledger) throw new DomainError("case_not_found");
      const locale = person.language;
      const facts = {
        name: person.givenName,
        bankgiro: env().KVITT_BANKGIRO,
        ...(ledger
          ? { caseNumber: ledger.case.caseNumber, creditor: ledger.creditor.name, amountLeft: money(ledger.balance.leftOre, locale), dueDate: day(ledger.case.dueDate, locale), ocr: ledger.case.ocrReference }
          : {}),
      };
      return { templateId: template.id, language: locale, text: fillTemplate(locale === "sv" ? template.bodySv : template.bodyEn, facts) };
    },
    () => ({ action: "template.filled.viewed", subjectKind: "reply_template", subjectId: input.templateId, debtorId: input.debtorId, details: { caseId: input.caseId ?? null } }),
  );
}
