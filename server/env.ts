import { z } from "zod";

/**
 * All configuration, read once. In demo mode (KVITT_DEMO=1: `npm run demo`, `npm run dev`, tests)
 * everything has a safe local default and the simulators are used; otherwise every secret and
 * endpoint must be given, and `npm start` refuses to start without them.
 */

const schema = z.object({
  KVITT_DEMO: z.enum(["0", "1"]).default("0"),
  DATABASE_URL: z.string().url().optional(),
  KVITT_DATA_DIR: z.string().default(".data/pglite"),
  PUBLIC_BASE_URL: z.string().url(),
  AUTH_SECRET: z.string().min(32),
  KVITT_PNR_ENCRYPTION_KEY: z.string().regex(/^[0-9a-f]{64}$/, "64 hex characters (32 bytes)"),
  KVITT_PNR_KEY_ID: z.string().regex(/^[a-z0-9]{1,16}$/, "1–16 lower-case letters or digits").default("v1"),
  KVITT_PNR_OLD_KEYS: z.string().default(""),
  KVITT_PNR_HASH_KEY: z.string().min(32),
  BANKID_BASE_URL: z.string().url(),
  BANKID_CLIENT_PFX_PATH: z.string().optional(),
  BANKID_CLIENT_PASSPHRASE: z.string().optional(),
  BANKID_CA_PATH: z.string().optional(),
  SWISH_BASE_URL: z.string().url(),
  SWISH_PAYEE_ALIAS: z.string().regex(/^123\d{7}$/),
  SWISH_CLIENT_CERT_PATH: z.string().optional(),
  SWISH_CLIENT_KEY_PATH: z.string().optional(),
  SWISH_CA_PATH: z.string().optional(),
  STRIPE_API_URL: z.string().url().optional(),
  STRIPE_SECRET_KEY: z.string().min(1),
  STRIPE_WEBHOOK_SECRET: z.string().min(1),
  KVITT_BANKGIRO: z.string().regex(/^\d{3,4}-\d{4}$/),
  SMS_BASE_URL: z.string().url(),
  SMS_USERNAME: z.string().min(1),
  SMS_PASSWORD: z.string().min(1),
  SMS_FROM: z.string().regex(/^(\+\d{8,15}|[A-Za-z][A-Za-z0-9]{1,10})$/, "a number or up to 11 letters").default("Kvitt"),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "smtp://… or smtps://…"),
  EMAIL_FROM: z.string().min(3),
  KIVRA_BASE_URL: z.string().url(),
  KIVRA_TOKEN_URL: z.string().url(),
  KIVRA_CLIENT_ID: z.string().min(1),
  KIVRA_CLIENT_SECRET: z.string().min(1),
  KIVRA_TENANT_KEY: z.string().min(1),
  KIVRA_WEBHOOK_SECRET: z.string().min(16),
  KVITT_PRINT_DIR: z.string().default(".data/print"),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(15),
  LOGIN_RATE_LIMIT_PER_IP: z.coerce.number().int().positive().default(20),
  LOGIN_RATE_LIMIT_PER_BROWSER: z.coerce.number().int().positive().default(8),
  SESSION_MAX_HOURS: z.coerce.number().int().positive().default(4),
});

export type Env = z.infer<typeof schema>;

function demoDefaults(port: string): Partial<Record<keyof Env, string>> {
  const base = `http://localhost:${port}`;
  return {
    PUBLIC_BASE_URL: base,
    AUTH_SECRET: "demo-only-auth-secret-not-for-production-000000",
    KVITT_PNR_ENCRYPTION_KEY: "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
    KVITT_PNR_HASH_KEY: "demo-only-personal-number-hash-key-0000",
    BANKID_BASE_URL: `${base}/api/sim/bankid/rp/v6.0/`,
    SWISH_BASE_URL: `${base}/api/sim/swish/swish-cpcapi/`,
    SWISH_PAYEE_ALIAS: "1231181189",
    STRIPE_API_URL: `${base}/api/sim/card/`,
    STRIPE_SECRET_KEY: "sk_test_kvitt_demo",
    STRIPE_WEBHOOK_SECRET: "whsec_kvitt_demo",
    KVITT_BANKGIRO: "5050-1055",
    SMS_BASE_URL: `${base}/api/sim/sms/a1/`,
    SMS_USERNAME: "u_kvitt_demo",
    SMS_PASSWORD: "demo-46elks-secret",
    // The SMTP simulator listens beside the app, on the app's port + 1100 (3000 → 4100).
    SMTP_URL: `smtp://127.0.0.1:${Number(port) + 1100}`,
    EMAIL_FROM: "Kvitt <hej@kvitt.example>",
    KIVRA_BASE_URL: `${base}/api/sim/kivra/`,
    KIVRA_TOKEN_URL: `${base}/api/sim/kivra/oauth2/token`,
    KIVRA_CLIENT_ID: "kvitt-demo",
    KIVRA_CLIENT_SECRET: "demo-kivra-secret",
    KIVRA_TENANT_KEY: "kvitt-demo-tenant",
    KIVRA_WEBHOOK_SECRET: "demo-kivra-webhook-secret",
  };
}

/** Production settings that must be present; listed by `npm start` when missing. */
export const REQUIRED_IN_PRODUCTION = [
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
] as const;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const source: Record<string, string | undefined> = { ...process.env };
  if (isDemo()) {
    for (const [key, value] of Object.entries(demoDefaults(process.env.PORT ?? "3000"))) {
      if (!source[key]) source[key] = value;
    }
  }
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n  ");
    throw new Error(`Kvitt is not configured:\n  ${problems}`);
  }
  cached = parsed.data;
  return cached;
}

export function isDemo(): boolean {
  return process.env.KVITT_DEMO === "1";
}
