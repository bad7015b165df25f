import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import type { IsoDate } from "../../domain/calendar";

/**
 * The day's print batch: every letter of the day in one PDF (`<dir>/batch-<date>.pdf`), in the
 * order they were made, with a list of the letters beside it. Run once the day's letters are done.
 */
export async function buildPrintBatch(dir: string, day: IsoDate): Promise<{ file: string; letters: number } | null> {
  const folder = path.join(dir, day);
  const names = (await readdir(folder).catch(() => [] as string[])).filter((n) => n.endsWith(".pdf")).sort();
  if (names.length === 0) return null;
  const batch = await PDFDocument.create();
  batch.setTitle(`Kvitt print batch ${day}`);
  for (const name of names) {
    const letter = await PDFDocument.load(await readFile(path.join(folder, name)));
    for (const page of await batch.copyPages(letter, letter.getPageIndices())) batch.addPage(page);
  }
  const file = path.join(dir, `batch-${day}.pdf`);
  await writeFile(file, await batch.save());
  await writeFile(path.join(dir, `batch-${day}.txt`), `${names.map((n) => n.replace(/\.pdf$/, "")).join("\n")}\n`);
  return { file, letters: names.length };
}
