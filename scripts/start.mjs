// `npm start`: a real deployment. Refuses to start until every required setting is present.
import { existsSync } from "node:fs";

const REQUIRED = [
  "DATABASE_URL",
  "PUBLIC_BASE_URL",
  "AUTH_SECRET",
  "KVITT_PNR_ENCRYPTION_KEY",
  "KVITT_PNR_HASH_KEY",
  "BANKID_BASE_URL",
  "BANKID_CLIENT_PFX_PATH",
  "BANKID_CLIENT_PASSPHRASE",
  "BANKID_CA_PATH",
  "SWISH_BASE_URL",
  "SWISH_PAYEE_ALIAS",
  "SWISH_CLIENT_CERT_PATH",
  "SWISH_CLIENT_KEY_PATH",
  "SWISH_CA_PATH",
  "STRIPE_SECRET_KEY",
  "STRIPE_WEBHOOK_SECRET",
  "KVITT_BANKGIRO",
  "SMS_BASE_URL",
  "SMS_USERNAME",
  "SMS_PASSWORD",
  "SMTP_URL",
  "EMAIL_FROM",
  "KIVRA_BASE_URL",
  "KIVRA_TOKEN_URL",
  "KIVRA_CLIENT_ID",
  "KIVRA_CLIENT_SECRET",
  "KIVRA_TENANT_KEY",
  "KIVRA_WEBHOOK_SECRET",
];

const problems = REQUIRED.filter((name) => !process.env[name]).map((name) => `  ${name} is not set`);
for (const name of ["BANKID_CLIENT_PFX_PATH", "BANKID_CA_PATH", "SWISH_CLIENT_CERT_PATH", "SWISH_CLIENT_KEY_PATH", "SWISH_CA_PATH"]) {
  const file = process.env[name];
  if (file && !existsSync(file)) problems.push(`  ${name}: no file at ${file}`);
}
if (process.env.KVITT_DEMO === "1") problems.push("  KVITT_DEMO=1 is for `npm run demo` and `npm run dev`, never a deployment");
if (!existsSync(".next/BUILD_ID")) problems.push("  no build: run `npm run build` first");

if (problems.length > 0) {
  console.error(`Kvitt will not start. Missing or wrong configuration:\n${problems.join("\n")}\n\nSee the configuration table in README.md.`);
  process.exit(1);
}

// The server runs in this same process, so SIGTERM reaches it directly and shutdown is graceful.
process.env.KVITT_DEMO = "0";
process.env.NEXT_TELEMETRY_DISABLED = "1";
await import("./serve.mjs");
