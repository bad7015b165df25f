/**
 * Writes a valid BgMax file of incoming Bankgiro payments, for load tests and for trying the
 * payment import by hand.
 *
 *   tsx scripts/gen-bgmax.ts --payments 100000 --out /tmp/x.bgmax [--references refs.txt]
 *     [--payee 5050-1055] [--date 2026-11-23] [--per-deposit 500] [--seed 42] [--test]
 *
 * With --references, payments use those OCR numbers (one a line, in turn); otherwise each gets a
 * random valid OCR number (Luhn, with a length digit).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { writeBgMax, type BgMaxFile, type BgMaxPayment, type BgMaxSection } from "../server/domain/bgmax";
import { isValidOcr, makeOcr } from "../server/domain/ocr";

const { values } = parseArgs({
  options: {
    payments: { type: "string", default: "1000" },
    out: { type: "string" },
    references: { type: "string" },
    payee: { type: "string", default: process.env.KVITT_BANKGIRO ?? "5050-1055" },
    date: { type: "string" },
    "per-deposit": { type: "string", default: "500" },
    seed: { type: "string" },
    test: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});

function usage(message?: string): never {
  if (message) console.error(message);
  console.error("usage: tsx scripts/gen-bgmax.ts --payments N --out FILE [--references refs.txt] [--payee 5050-1055] [--date YYYY-MM-DD] [--per-deposit N] [--seed N] [--test]");
  process.exit(message ? 2 : 0);
}

if (values.help) usage();
if (!values.out) usage("--out is required");
const count = Number(values.payments);
if (!Number.isSafeInteger(count) || count < 0) usage("--payments must be a whole number");
const perDeposit = Number(values["per-deposit"]);
if (!Number.isSafeInteger(perDeposit) || perDeposit < 1) usage("--per-deposit must be a positive whole number");
const payee = values.payee.replace(/\D/g, "");
if (!/^\d{7,8}$/.test(payee)) usage("--payee must be a bankgiro number such as 5050-1055");
const date = values.date ?? new Date().toISOString().slice(0, 10);
if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) usage("--date must be YYYY-MM-DD");

// mulberry32: a small seeded generator, so a given --seed always writes the same file.
let state = values.seed !== undefined ? Number(values.seed) >>> 0 : (Math.random() * 2 ** 32) >>> 0;
function random(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
}
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;

let references: string[] | null = null;
if (values.references) {
  references = readFileSync(values.references, "latin1")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const bad = references.find((r) => !isValidOcr(r));
  if (bad) usage(`not a valid OCR number in ${values.references}: ${bad}`);
  if (references.length === 0) usage(`${values.references} has no references`);
}

const givenNames = ["Anna", "Erik", "Maria", "Lars", "Karin", "Johan", "Sofia", "Anders", "Åsa", "Björn"];
const surnames = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Öberg", "Lindqvist"];
const streets = ["Storgatan", "Kyrkogatan", "Ringvägen", "Skolgatan", "Järnvägsgatan", "Östra Långgatan"];
const cities = ["Stockholm", "Göteborg", "Malmö", "Uppsala", "Västerås", "Örebro", "Linköping", "Umeå"];

let serial = int(1, 10_000_000);
function payment(i: number): BgMaxPayment {
  const reference = references ? references[i % references.length]! : makeOcr(String(int(10_000, 99_999_999)), { withLength: true });
  const p: BgMaxPayment = {
    kind: "payment",
    senderBankgiro: String(int(1_000_000, 99_999_999)),
    reference,
    referenceCode: 2,
    // Most debtors pay a few hundred kronor; some pay thousands.
    amountOre: random() < 0.9 ? int(100, 2_000) * 100 : int(10_000, 25_000_000),
    channel: pick([1, 1, 1, 2, 3]),
    serial: String(serial++).padStart(12, "0"),
    extraReferences: [],
    freeText: [],
  };
  if (random() < 0.3) {
    p.name = `${pick(givenNames)} ${pick(surnames)}`;
    p.address = `${pick(streets)} ${int(1, 120)}`;
    p.postcode = String(int(10_000, 98_999));
    p.city = pick(cities);
  }
  return p;
}

const sections: BgMaxSection[] = [];
for (let start = 0, depositSerial = int(1, 90_000); start < count; start += perDeposit, depositSerial++) {
  const payments = Array.from({ length: Math.min(perDeposit, count - start) }, (_, k) => payment(start + k));
  sections.push({
    payeeBankgiro: payee,
    currency: "SEK",
    deposit: {
      date,
      serial: String(depositSerial % 100_000).padStart(5, "0"),
      amountOre: payments.reduce((sum, p) => sum + p.amountOre, 0),
      count: payments.length,
      account: "5841000001009823",
    },
    payments,
  });
}

// Bankgirot writes its timestamp in Swedish time.
const now = new Date();
const local = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", dateStyle: "short", timeStyle: "medium" }).format(now);
const file: BgMaxFile = {
  timestamp: `${local.replace(" ", "T")}.${String(now.getMilliseconds()).padStart(3, "0")}000`,
  test: values.test,
  version: 1,
  sections,
};
const bytes = writeBgMax(file);
writeFileSync(values.out, bytes);
const total = sections.reduce((sum, s) => sum + s.deposit.amountOre, 0);
console.info(`${values.out}: ${count} payments in ${sections.length} deposits, ${(total / 100).toFixed(2)} SEK, ${bytes.length} bytes`);
