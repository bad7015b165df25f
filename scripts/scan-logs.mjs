// Looks for every demo personal number, in every common way of writing one, in the logs of a test
// run (`npm test` keeps each step's output in .data/test-logs/). Personal numbers must never be
// logged: finding one fails the run, naming the file, line and format but not the number.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

/** The 12-digit personal numbers in the demo seed files (valid check digit only). */
export function demoPersonalNumbers(seedDir = path.join(root, "server/db/seed")) {
  const found = new Map();
  for (const file of readdirSync(seedDir).filter((f) => f.endsWith(".ts"))) {
    const text = readFileSync(path.join(seedDir, file), "utf8");
    for (const match of text.matchAll(/(?<![\d])((?:19|20)\d{10})(?![\d])/g)) {
      if (luhnValid(match[1].slice(2))) found.set(match[1], file);
    }
  }
  return [...found.keys()];
}

function luhnValid(ten) {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = Number(ten[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

/** Every common way of writing one personal number (12 or 10 digits, with -, + or a space). */
export function spellings(pnr) {
  const [century, short, serial] = [pnr.slice(0, 2), pnr.slice(2, 8), pnr.slice(8)];
  const long = century + short;
  return [
    { format: "YYYYMMDDNNNN", text: `${long}${serial}` },
    { format: "YYYYMMDD-NNNN", text: `${long}-${serial}` },
    { format: "YYYYMMDD NNNN", text: `${long} ${serial}` },
    { format: "YYMMDD-NNNN", text: `${short}-${serial}` },
    { format: "YYMMDD+NNNN", text: `${short}+${serial}` },
    { format: "YYMMDDNNNN", text: `${short}${serial}` },
    { format: "YYMMDD NNNN", text: `${short} ${serial}` },
  ];
}

/** Where in `text` any of `numbers` is written (not as part of a longer number). */
export function findPersonalNumbers(text, numbers) {
  const patterns = numbers.flatMap((pnr, index) =>
    spellings(pnr).map(({ format, text: spelled }) => ({ index, format, regex: new RegExp(`(?<![\\d])${spelled.replace(/[+]/g, "\\+")}(?![\\d])`) })),
  );
  const hits = [];
  text.split("\n").forEach((line, i) => {
    for (const { index, format, regex } of patterns) if (regex.test(line)) hits.push({ line: i + 1, person: index, format });
  });
  return hits;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = path.resolve(process.argv[2] ?? path.join(root, ".data/test-logs"));
  const numbers = demoPersonalNumbers();
  const files = readdirSync(dir).filter((f) => f.endsWith(".log"));
  let bytes = 0;
  let found = 0;
  for (const file of files) {
    const text = readFileSync(path.join(dir, file), "utf8");
    bytes += text.length;
    for (const hit of findPersonalNumbers(text, numbers)) {
      found += 1;
      console.error(`  ${file}:${hit.line}: demo person #${hit.person + 1}'s personal number, written ${hit.format}`);
    }
  }
  const summary = `${numbers.length} demo personal numbers × 7 spellings in ${files.length} logs (${(bytes / 1024).toFixed(0)} KB)`;
  if (found > 0) {
    console.error(`✘ personal numbers in the logs: ${found} (${summary})`);
    process.exit(1);
  }
  if (numbers.length < 5 || files.length === 0) {
    console.error(`✘ nothing to check: ${summary}`);
    process.exit(1);
  }
  console.info(`✔ no personal number in the logs: ${summary}`);
}
