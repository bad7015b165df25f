import { readFileSync } from "node:fs";

export interface Instruction {
  keyword: string;
  /** The arguments as written (line continuations joined). */
  args: string;
  /** The exec form (`["npm", "start"]`) parsed, else null. */
  exec: string[] | null;
}

export interface Stage {
  base: string;
  name: string | null;
  instructions: Instruction[];
}

/** Parses a Dockerfile into its stages: comments dropped, continuations joined, exec forms read. */
export function parseDockerfile(path: string): Stage[] {
  const lines = readFileSync(path, "utf8").split("\n");
  const logical: string[] = [];
  let current = "";
  for (const raw of lines) {
    const line = raw.trim();
    if (!current && (line === "" || line.startsWith("#"))) continue;
    if (line.startsWith("#")) continue;
    if (line.endsWith("\\")) {
      current += `${line.slice(0, -1).trim()} `;
      continue;
    }
    logical.push((current + line).trim());
    current = "";
  }
  if (current) logical.push(current.trim());

  const stages: Stage[] = [];
  for (const line of logical) {
    const [, keyword, args] = /^(\S+)\s*(.*)$/.exec(line)!;
    const upper = keyword!.toUpperCase();
    if (upper === "FROM") {
      const [, base, name] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args!)!;
      stages.push({ base: base!, name: name ?? null, instructions: [] });
      continue;
    }
    if (stages.length === 0) throw new Error(`${upper} before FROM`);
    let exec: string[] | null = null;
    const json = upper === "HEALTHCHECK" ? args!.replace(/^(?:--\S+\s+)*CMD\s+/, "") : args!;
    if (json.startsWith("[")) exec = JSON.parse(json) as string[];
    stages.at(-1)!.instructions.push({ keyword: upper, args: args!, exec });
  }
  return stages;
}

/** `COPY [--from=x] [--chown=…] src… dest` → its parts. */
export function parseCopy(args: string): { from: string | null; sources: string[]; dest: string } {
  const words = args.split(/\s+/);
  let from: string | null = null;
  const rest: string[] = [];
  for (const word of words) {
    if (word.startsWith("--from=")) from = word.slice("--from=".length);
    else if (!word.startsWith("--")) rest.push(word);
  }
  return { from, sources: rest.slice(0, -1), dest: rest.at(-1)! };
}
