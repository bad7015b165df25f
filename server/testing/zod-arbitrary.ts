import fc from "fast-check";
import type { z } from "zod";

/**
 * Strings an attacker or a confused browser sends: very long, control characters, SQL and HTML
 * fragments, format strings, odd Unicode, numbers and ids in the wrong shape.
 */
export const HOSTILE_STRINGS: readonly string[] = [
  "",
  " ",
  "a".repeat(100_000),
  "å".repeat(20_000),
  "\u0000",
  "abc\u0000def",
  "\u0007\u0008\u001b[31m\r\n\t",
  "'; drop table debtors; --",
  "' or '1'='1",
  "1; select pg_sleep(5)",
  "$1",
  "\\",
  "%s%n%x",
  "${process.env}",
  "{{7*7}}",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "../../../../etc/passwd",
  "\u202eevil",
  "\ud800",
  "𝕂𝕧𝕚𝕥𝕥 🧾",
  "NaN",
  "-1",
  "1e308",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "not-a-uuid",
  "2026-02-30",
  "9999-12-31",
  "19121212-1212",
  "__proto__",
  "constructor",
];

const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ unit: "grapheme", maxLength: 60 }),
);

/** A value of any type at all: what a hand-made request may carry instead of the expected one. */
const wrongType = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -0, Infinity, Number.NaN),
  hostileString,
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.integer(), { maxKeys: 3 }),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}}') as unknown),
);

interface Options {
  /** Ids worth trying (the viewer's own, someone else's), so calls reach past "not found". */
  ids: readonly string[];
}

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/**
 * Values for a zod schema: mostly well-formed (so calls reach the code behind the parser), with
 * hostile strings, boundary numbers and values of the wrong type mixed in at every level.
 */
export function zodArbitrary(schema: z.ZodType | undefined, options: Options): fc.Arbitrary<unknown> {
  if (!schema) return fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: wrongType });
  return fc.oneof({ weight: 6, arbitrary: shaped(schema, options) }, { weight: 1, arbitrary: wrongType });
}

function shaped(schema: z.ZodType, options: Options): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const s = schema as unknown as Record<string, unknown>;
  switch (def.type) {
    case "object": {
      const shape = def.shape as Record<string, z.ZodType>;
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, value] of Object.entries(shape)) record[key] = zodArbitrary(value, options);
      return fc.oneof(
        { weight: 8, arbitrary: fc.record(record) },
        // A field left out, or one that is not in the schema.
        { weight: 1, arbitrary: fc.record(record, { requiredKeys: [] }) },
        { weight: 1, arbitrary: fc.record(record).map((r) => Object.assign(JSON.parse('{"__proto__": {"admin": true}}') as object, r, { extra: "<b>x</b>" })) },
      );
    }
    case "string": {
      const valid: fc.Arbitrary<string>[] = [];
      if (s.format === "uuid") valid.push(fc.constantFrom(...options.ids), fc.uuid({ version: 4 }));
      else if (s.format === "regex") {
        const check = (def.checks as { _zod: { def: { pattern?: RegExp } } }[] | undefined)?.find((c) => c._zod.def.pattern);
        if (check?._zod.def.pattern) valid.push(fc.stringMatching(check._zod.def.pattern));
      } else {
        const maxLength = typeof s.maxLength === "number" ? s.maxLength : 200;
        const minLength = typeof s.minLength === "number" ? s.minLength : 0;
        valid.push(fc.string({ minLength, maxLength: Math.min(maxLength, 300) }), fc.constantFrom("Hej", "2026-12-10", "070-123 45 67", "Holmberg", "1111111116"));
      }
      return fc.oneof(...valid, hostileString);
    }
    case "number": {
      const min = typeof s.minValue === "number" && Number.isFinite(s.minValue) ? s.minValue : -1_000_000_000;
      const max = typeof s.maxValue === "number" && Number.isFinite(s.maxValue) ? s.maxValue : 1_000_000_000;
      const inRange = s.isInt ? fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31 - 1) }) : fc.double({ min, max, noNaN: true });
      return fc.oneof({ weight: 3, arbitrary: inRange }, { weight: 1, arbitrary: fc.constantFrom(0, -1, 1, 0.5, 2 ** 31, 2 ** 53, -(2 ** 53), Number.MAX_SAFE_INTEGER, 1e308) });
    }
    case "bigint":
      return fc.bigInt();
    case "boolean":
      return fc.boolean();
    case "date":
      return fc.date({ min: new Date("1900-01-01"), max: new Date("2200-01-01"), noInvalidDate: false });
    case "enum":
      return fc.constantFrom(...Object.values(def.entries as Record<string, string | number>));
    case "literal":
      return fc.constantFrom(...(def.values as unknown[]));
    case "union":
      return fc.oneof(...(def.options as z.ZodType[]).map((o) => zodArbitrary(o, options)));
    case "intersection":
      return fc.tuple(shaped(def.left as z.ZodType, options), shaped(def.right as z.ZodType, options)).map(([a, b]) => (typeof a === "object" && typeof b === "object" ? { ...a, ...b } : a));
    case "array": {
      const maxLength = (def.checks as { _zod: { def: { check: string; maximum?: number } } }[] | undefined)?.find((c) => c._zod.def.check === "max_length")?._zod.def.maximum ?? 5;
      return fc.array(zodArbitrary(def.element as z.ZodType, options), { maxLength: Math.min(maxLength + 1, 6) });
    }
    case "record":
      return fc.dictionary(fc.string({ maxLength: 10 }), zodArbitrary(def.valueType as z.ZodType, options), { maxKeys: 4 });
    case "nullable":
      return fc.oneof(fc.constant(null), shaped(def.innerType as z.ZodType, options));
    case "optional":
      return fc.oneof(fc.constant(undefined), shaped(def.innerType as z.ZodType, options));
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
      return shaped(def.innerType as z.ZodType, options);
    case "pipe":
      return shaped(def.in as z.ZodType, options);
    case "lazy":
      return shaped((def.getter as () => z.ZodType)(), options);
    case "custom":
      // The only custom schemas of the API are files' bytes.
      return fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.constant(new TextEncoder().encode("%PDF-1.7 <script>")), wrongType);
    default:
      return wrongType;
  }
}
