import { enforceRateLimit } from "../rate-limit/enforce";
import { and, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { cases, debtors } from "../../db/schema";
import { todayInStockholm } from "../../domain/calendar";
import { maskPersonnummer } from "../../domain/personnummer";
import { parseSearch } from "../../domain/staff-search";
import { env } from "../../env";
import { personalNumberHash } from "../../security/personal-number";
import { debtorHasSupportNeed } from "../holds/paused";
import { auditedRead, hashQuery } from "./staff-read";

export const SEARCH_LIMIT = 20;

/** "19851122-****" from the birth date: the person is recognised, the number is not shown. */
export function maskedNumberOf(birthDate: string): string {
  return maskPersonnummer(`${birthDate.replace(/-/g, "")}0000`);
}

/**
 * One search box for people: personal number (by its keyed hash, never by decrypting a row),
 * case number, OCR number, invoice number, phone, e-mail or name. Each kind is an index lookup.
 * The search is audited with the query hashed and the people it found.
 */
export async function searchDebtors(db: Db, input: { staffId: string; query: string; now: Date }) {
  await enforceRateLimit(db, "staffSearch", input.staffId, input.now);
  const terms = parseSearch(input.query, todayInStockholm(input.now));
  return auditedRead(
    db,
    input.staffId,
    async (tx) => {
      const byCase = new Map<string, { caseNumber: string; matchedBy: "case_number" | "ocr" | "invoice" }>();
      if (terms.reference) {
        const ref = terms.reference;
        const rows = await tx
          .select({ debtorId: cases.debtorId, caseNumber: cases.caseNumber, ocr: cases.ocrReference })
          .from(cases)
          .where(or(eq(cases.caseNumber, ref), eq(cases.ocrReference, ref), sql`upper(${cases.invoiceNumber}) = ${ref}`))
          .limit(SEARCH_LIMIT);
        for (const r of rows) byCase.set(r.debtorId, { caseNumber: r.caseNumber, matchedBy: r.caseNumber === ref ? "case_number" : r.ocr === ref ? "ocr" : "invoice" });
      }
      const conditions: SQL[] = [];
      if (terms.personalNumber) conditions.push(eq(debtors.personalNumberHash, personalNumberHash(terms.personalNumber, env().KVITT_PNR_HASH_KEY)));
      if (terms.email) conditions.push(sql`lower(${debtors.email}) = ${terms.email}`);
      if (terms.phones) conditions.push(inArray(debtors.phone, terms.phones));
      if (terms.names?.length === 1) {
        const n = `${escapeLike(terms.names[0]!)}%`;
        conditions.push(or(sql`lower(${debtors.surname}) like ${n}`, sql`lower(${debtors.givenName}) like ${n}`)!);
      } else if (terms.names && terms.names.length > 1) {
        conditions.push(and(sql`lower(${debtors.givenName}) like ${`${escapeLike(terms.names[0]!)}%`}`, sql`lower(${debtors.surname}) like ${`${escapeLike(terms.names.at(-1)!)}%`}`)!);
      }
      if (byCase.size > 0) conditions.push(inArray(debtors.id, [...byCase.keys()]));
      if (conditions.length === 0) return [];
      const rows = await tx
        .select({
          id: debtors.id,
          givenName: debtors.givenName,
          surname: debtors.surname,
          birthDate: debtors.birthDate,
          city: debtors.city,
          pnrMatch: terms.personalNumber ? sql<boolean>`${debtors.personalNumberHash} = ${personalNumberHash(terms.personalNumber, env().KVITT_PNR_HASH_KEY)}` : sql<boolean>`false`,
          // Named in full: a query on one table renders its columns bare, and inside a subquery a
          // bare "id" would be the subquery's own.
          supportNeed: debtorHasSupportNeed(sql`"debtors"."id"`).mapWith(Boolean),
          caseCount: sql<number>`(select count(*) from ${cases} where ${cases.debtorId} = "debtors"."id")`.mapWith(Number),
        })
        .from(debtors)
        .where(or(...conditions))
        // By the lower-case names the indexes hold, so the planner takes the matching rows from them
        // and sorts those, rather than walking every debtor in surname order.
        .orderBy(sql`lower(${debtors.surname})`, sql`lower(${debtors.givenName})`, debtors.id)
        .limit(SEARCH_LIMIT);
      return rows.map((r) => {
        const hit = byCase.get(r.id);
        const matchedBy = r.pnrMatch ? "personal_number" : hit ? hit.matchedBy : terms.email ? "email" : terms.phones ? "phone" : "name";
        return {
          id: r.id,
          name: `${r.givenName} ${r.surname}`,
          maskedPersonalNumber: maskedNumberOf(r.birthDate),
          city: r.city,
          caseCount: r.caseCount,
          supportNeed: Boolean(r.supportNeed),
          matchedBy: matchedBy as "personal_number" | "case_number" | "ocr" | "invoice" | "email" | "phone" | "name",
          caseNumber: hit?.caseNumber ?? null,
        };
      });
    },
    (results) => ({ action: "search.viewed", details: { queryHash: hashQuery(input.query), results: results.map((r) => r.id) } }),
  );
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
