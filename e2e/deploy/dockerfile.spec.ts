import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { expect, test } from "@playwright/test";
import { parseCopy, parseDockerfile } from "./dockerfile";

/**
 * Docker is not on every machine, so this test reads the Dockerfile and does what it says without
 * Docker: it lays out the runtime stage's file system in a temporary directory (the production
 * dependencies of this install, the build the end-to-end run uses — made by the build stage's
 * own `npx next build` — and the files the stage copies), runs the stage's RUN steps, then runs the
 * compose file's migration step and the image's CMD as the image's USER against a fresh PostgreSQL
 * database, waits for readiness and stops it with SIGTERM as `docker stop` does.
 */

const root = process.cwd();
const adminUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject).listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The top-level packages `npm ci --omit=dev` would install, hard-linked into `dest`. */
function productionNodeModules(dest: string) {
  const listed = spawnSync("npm", ["ls", "--omit=dev", "--all", "--parseable"], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const top = new Set<string>();
  for (const line of listed.stdout.split("\n")) {
    const rel = path.relative(path.join(root, "node_modules"), line.trim());
    if (!line.trim() || rel.startsWith("..") || rel === "") continue;
    const parts = rel.split(path.sep);
    top.add(parts[0]!.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!);
  }
  expect(top.size, "production dependencies found").toBeGreaterThan(10);
  const byParent = new Map<string, string[]>();
  for (const name of top) {
    const parent = path.dirname(path.join(dest, name));
    byParent.set(parent, [...(byParent.get(parent) ?? []), path.join(root, "node_modules", name)]);
  }
  for (const [parent, sources] of byParent) {
    mkdirSync(parent, { recursive: true });
    execFileSync("cp", ["-al", ...sources.filter((s) => existsSync(s)), parent]);
  }
  return top;
}

function parseEnv(args: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of args.matchAll(/(\w+)=("[^"]*"|\S+)/g)) out[match[1]!] = match[2]!.replace(/^"|"$/g, "");
  return out;
}

test.describe("the Dockerfile", () => {
  test.describe.configure({ timeout: 240_000 });

  test("is multi-stage, runs as an unprivileged user and starts as npm start does", () => {
    const stages = parseDockerfile(path.join(root, "Dockerfile"));
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const runtime = stages.at(-1)!;
    const user = runtime.instructions.filter((i) => i.keyword === "USER").at(-1);
    expect(user, "the runtime stage names a USER").toBeTruthy();
    const [uid] = user!.args.split(":");
    expect(uid).toMatch(/^\d+$/);
    expect(Number(uid)).toBeGreaterThan(0);
    // `npm start`'s command itself (npm would not pass SIGTERM on to the server).
    const start = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: { start: string } }).scripts.start;
    expect(runtime.instructions.find((i) => i.keyword === "CMD")?.exec).toEqual(start.split(" "));
    expect(runtime.instructions.find((i) => i.keyword === "HEALTHCHECK")?.args).toContain("/api/health/ready");
    // No secret is baked into the image.
    for (const env of runtime.instructions.filter((i) => i.keyword === "ENV")) {
      expect(env.args).not.toMatch(/SECRET|KEY|PASSWORD|DATABASE_URL/);
    }
    const compose = readFileSync(path.join(root, "compose.yaml"), "utf8");
    expect(compose).toContain('command: ["npm", "run", "migrate"]');
    expect(compose).toMatch(/condition: service_completed_successfully/);
  });

  test("its runtime stage migrates a new database, starts as that user, is ready, and stops gracefully on SIGTERM", async () => {
    const reachable = await postgresAnswers();
    test.skip(!reachable, `no PostgreSQL at ${new URL(adminUrl).host}: the image runs only on PostgreSQL`);
    expect(existsSync(path.join(root, ".next/BUILD_ID")), "the build stage's output (npx next build)").toBe(true);

    const stages = parseDockerfile(path.join(root, "Dockerfile"));
    const runtime = stages.at(-1)!;
    const image = mkdtempSync(path.join(os.tmpdir(), "kvitt-image-"));
    chmodSync(image, 0o755);
    const database = `${process.env.KVITT_TEST_DB_PREFIX ?? "kvitt_image"}_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${database}`);
    let server: ChildProcess | undefined;
    try {
      let workdir = "/";
      let user = "";
      const env: Record<string, string> = {};
      const cmd = runtime.instructions.find((i) => i.keyword === "CMD")!.exec!;
      for (const step of runtime.instructions) {
        const here = path.join(image, workdir);
        if (step.keyword === "WORKDIR") {
          workdir = path.posix.resolve(workdir, step.args);
          mkdirSync(path.join(image, workdir), { recursive: true });
        } else if (step.keyword === "ENV") {
          Object.assign(env, parseEnv(step.args));
        } else if (step.keyword === "COPY") {
          const { from, sources, dest } = parseCopy(step.args);
          expect(from, "the runtime stage copies only from earlier stages").toBeTruthy();
          for (const source of sources) {
            const target = sources.length > 1 || dest.endsWith("/") ? path.join(here, dest, path.basename(source)) : path.join(here, dest);
            if (from === "deps" && path.basename(source) === "node_modules") {
              productionNodeModules(target);
              continue;
            }
            // The build stage is this worktree after `COPY . .` and `npx next build`.
            const inBuild = path.join(root, path.posix.relative("/app", source));
            expect(existsSync(inBuild), `${source} exists in the build stage`).toBe(true);
            cpSync(inBuild, target, { recursive: true, filter: (src) => !src.startsWith(path.join(root, ".next/cache")) });
          }
        } else if (step.keyword === "RUN") {
          execFileSync("sh", ["-c", step.args], { cwd: here, stdio: "pipe" });
        } else if (step.keyword === "USER") {
          user = step.args;
        }
      }
      const app = path.join(image, workdir);
      const [uid, gid = uid] = user.split(":");
      const runAs = (args: string[]) =>
        process.getuid?.() === 0 ? ["setpriv", `--reuid=${uid}`, `--regid=${gid}`, "--clear-groups", "--", ...args] : args;

      // What a deployment provides: settings, and certificates mounted where compose mounts them.
      const secrets = path.join(image, "run/secrets/kvitt");
      mkdirSync(secrets, { recursive: true });
      for (const file of ["bankid-client.p12", "bankid-ca.pem", "swish-client.pem", "swish-client.key", "swish-ca.pem"]) {
        writeFileSync(path.join(secrets, file), "placeholder\n");
      }
      const port = process.env.KVITT_IMAGE_PORT ? Number(process.env.KVITT_IMAGE_PORT) : await freePort();
      const databaseUrl = new URL(adminUrl);
      databaseUrl.pathname = `/${database}`;
      const deployment = {
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        NODE_ENV: "production" as const,
        ...env,
        // The image's npm cache is /tmp/.npm; here /tmp is the machine's, so the stage's own tmp.
        NPM_CONFIG_CACHE: path.join(image, "tmp/.npm"),
        HOME: path.join(image, "tmp"),
        PORT: String(port),
        DATABASE_URL: databaseUrl.toString(),
        // Reached over the network (TLS at the load balancer): cookies must be Secure.
        PUBLIC_BASE_URL: "https://kvitt.example.se",
        AUTH_SECRET: randomBytes(32).toString("hex"),
        KVITT_PNR_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
        KVITT_PNR_HASH_KEY: randomBytes(32).toString("hex"),
        BANKID_BASE_URL: "https://appapi2.test.bankid.com/rp/v6.0/",
        BANKID_CLIENT_PFX_PATH: path.join(secrets, "bankid-client.p12"),
        BANKID_CLIENT_PASSPHRASE: "placeholder",
        BANKID_CA_PATH: path.join(secrets, "bankid-ca.pem"),
        SWISH_BASE_URL: "https://mss.cpc.getswish.net/swish-cpcapi/",
        SWISH_PAYEE_ALIAS: "1231181189",
        // The message channels' settings (no message is sent while the test runs).
        SMS_BASE_URL: "http://127.0.0.1:9/sms",
        SMS_USERNAME: "kvitt",
        SMS_PASSWORD: "unused",
        SMTP_URL: "smtp://127.0.0.1:9",
        EMAIL_FROM: "Kvitt <noreply@example.se>",
        KIVRA_BASE_URL: "https://sender.api.kivra.com/",
        KIVRA_TOKEN_URL: "https://sender.api.kivra.com/v1/auth",
        KIVRA_CLIENT_ID: "kvitt",
        KIVRA_CLIENT_SECRET: "unused",
        KIVRA_TENANT_KEY: "kvitt-tenant",
        KIVRA_WEBHOOK_SECRET: randomBytes(16).toString("hex"),
        SWISH_CLIENT_CERT_PATH: path.join(secrets, "swish-client.pem"),
        SWISH_CLIENT_KEY_PATH: path.join(secrets, "swish-client.key"),
        SWISH_CA_PATH: path.join(secrets, "swish-ca.pem"),
        STRIPE_SECRET_KEY: "sk_test_placeholder",
        STRIPE_WEBHOOK_SECRET: "whsec_placeholder",
        KVITT_BANKGIRO: "5050-1055",
      };
      mkdirSync(deployment.HOME!, { recursive: true });
      if (process.getuid?.() === 0) execFileSync("chown", ["-R", `${uid}:${gid}`, deployment.HOME!]);

      // The migration step, as compose runs it before the app.
      const [migrateCmd, ...migrateArgs] = runAs(["npm", "run", "migrate"]);
      const migrated = spawnSync(migrateCmd!, migrateArgs, { cwd: app, env: deployment, encoding: "utf8", timeout: 60_000 });
      expect(migrated.status, migrated.stderr + migrated.stdout).toBe(0);
      expect(migrated.stdout).toMatch(/Migrations: \d+ applied/);
      const tables = await admin.query(`select 1`);
      expect(tables.rowCount).toBe(1);

      // The image's CMD, as its USER.
      const [command, ...args] = runAs(cmd);
      let output = "";
      const child = spawn(command!, args, { cwd: app, env: deployment, stdio: ["ignore", "pipe", "pipe"], detached: true });
      server = child;
      child.stdout.on("data", (chunk) => (output += chunk));
      child.stderr.on("data", (chunk) => (output += chunk));
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

      const base = `http://127.0.0.1:${port}`;
      let ready: unknown;
      let last = "";
      for (let i = 0; i < 240 && !ready; i++) {
        await new Promise((r) => setTimeout(r, 500));
        const res = await fetch(`${base}/api/health/ready`).catch(() => null);
        if (res) last = `${res.status} ${await res.clone().text()}`;
        if (res?.ok) ready = await res.json();
        if (child.exitCode !== null) break;
      }
      expect(ready, `${output}\nlast readiness answer: ${last}`).toEqual({ status: "ready", database: "ok", jobs: "running" });
      if (process.getuid?.() === 0) {
        const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
        expect(status).toMatch(new RegExp(`^Uid:\\s+${uid}\\s`, "m"));
      }
      const page = await fetch(`${base}/help`);
      expect(page.status).toBe(200);
      expect(page.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
      // Simulators and demo data are not in a deployment.
      expect((await fetch(`${base}/api/sim/bankid/control/orders`)).status).toBe(404);
      const demoLink = await fetch(`${base}/l/demo-anna`, { redirect: "manual" });
      expect(demoLink.headers.get("location") ?? "").toContain("reason=link");

      const lang = await fetch(`${base}/api/lang`, { method: "POST", body: new URLSearchParams({ lang: "en" }), redirect: "manual" });
      expect(lang.headers.get("set-cookie")).toMatch(/; Secure/i);
      const csrf = await fetch(`${base}/api/auth/csrf`);
      expect(csrf.headers.get("set-cookie")).toMatch(/^__Host-authjs\.csrf-token=.*; Secure/i);

      child.kill("SIGTERM");
      const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r("still running"), 40_000))]);
      expect(code, output).toBe(0);
      expect(output).toContain("Stopped.");
      // Nothing of the server is left behind (npm passed the signal on; node finished and exited).
      expect(() => process.kill(-child.pid!, 0)).toThrow();
    } finally {
      if (server?.pid && server.exitCode === null) process.kill(-server.pid, "SIGKILL");
      await admin.query(`drop database if exists ${database} with (force)`).catch(() => undefined);
      await admin.end();
      rmSync(image, { recursive: true, force: true });
    }
  });
});
