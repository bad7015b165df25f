// Imports a Bankgirot BgMax file of incoming payments into the portal's database.
//   npm run import:bgmax -- <file> [--allow-test-file]
// Uses DATABASE_URL when set, else the embedded database in KVITT_DATA_DIR (default .data/pglite;
// stop the portal first: an embedded database is open in one process at a time).
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { migrateDatabase, openDatabase } from "../server/db/client";
import { DomainError } from "../server/domain/errors";
import { formatMoney } from "../server/domain/money";
import { env, isDemo } from "../server/env";
import { importBgMax } from "../server/modules/payments/import-bgmax";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { "allow-test-file": { type: "boolean", default: false } } });

async function main() {
  const path = positionals[0];
  if (!path) {
    console.error("usage: npm run import:bgmax -- <file> [--allow-test-file]");
    process.exit(2);
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    console.error(`Cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  // Without a database address this is the demo's embedded database, with the demo's settings.
  if (!process.env.DATABASE_URL) process.env.KVITT_DEMO ??= "1";
  const config = isDemo()
    ? env()
    : { DATABASE_URL: process.env.DATABASE_URL, KVITT_DATA_DIR: "", KVITT_BANKGIRO: process.env.KVITT_BANKGIRO ?? "" };
  if (!/^\d{3,4}-\d{4}$/.test(config.KVITT_BANKGIRO)) {
    console.error("Set KVITT_BANKGIRO to the agency's bankgiro number, e.g. 5050-1055.");
    process.exit(2);
  }
  let handle;
  try {
    handle = await openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: config.KVITT_DATA_DIR });
    await migrateDatabase(handle);
  } catch (error) {
    console.error(`Cannot open the database: ${error instanceof Error ? error.message : String(error)}`);
    if (!config.DATABASE_URL) console.error(`(The embedded database in ${config.KVITT_DATA_DIR} can be open in one process at a time: stop the portal first.)`);
    process.exit(1);
  }
  const started = performance.now();
  try {
    const s = await importBgMax(handle.db, { bytes, payeeBankgiro: config.KVITT_BANKGIRO, importedBy: "cli", actor: { kind: "system", id: "cli" }, allowTestFile: values["allow-test-file"] });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (s.alreadyImported) console.log(`This file (written ${s.fileTimestamp}) was imported before. Nothing changed.`);
    else {
      console.log(`Imported the file written ${s.fileTimestamp} in ${seconds} s: ${s.payments} payments, ${formatMoney(s.totalOre, "en")}.`);
      console.log(`  booked ${s.booked} (${formatMoney(s.bookedOre, "en")}), of which ${s.overpaid} paid too much`);
      console.log(`  for staff: ${s.unmatched} unmatched (${formatMoney(s.unmatchedOre, "en")}), ${s.deductions} deductions`);
      console.log(`  already booked from an earlier file: ${s.duplicates}`);
    }
  } catch (error) {
    if (error instanceof DomainError) {
      console.error(`The file was refused and nothing was written. ${error.message}`);
      process.exit(1);
    }
    throw error;
  } finally {
    await handle.close();
  }
}

void main();
