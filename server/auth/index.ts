import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "../db";
import { env } from "../env";
import { cookiesSecureFor } from "../security/cookies";
import { BANKID_BINDING_COOKIE } from "../modules/bankid-login/binding";
import { completeBankIdSignIn } from "../modules/bankid-login/complete-sign-in";

declare module "next-auth" {
  interface Session {
    sid?: string;
  }
}

class BankIdSignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

function readCookie(header: string | null, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

/**
 * Auth.js owns the cookie (encrypted JWT, httpOnly, SameSite=Lax) and its CSRF protection. The JWT
 * holds only an opaque session id; the session itself lives in the database, where idle and
 * absolute expiry are enforced and sign-out deletes it.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const config = env();
  return {
    secret: config.AUTH_SECRET,
    trustHost: true,
    // Secure (and `__Secure-` named) everywhere but loopback, whatever the proxy in front says.
    useSecureCookies: cookiesSecureFor(config.PUBLIC_BASE_URL),
    session: { strategy: "jwt", maxAge: config.SESSION_MAX_HOURS * 3600 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      Credentials({
        id: "bankid",
        credentials: { orderId: {}, purpose: {} },
        async authorize(credentials, request) {
          const input = z.object({ orderId: z.string().uuid(), purpose: z.enum(["debtor", "staff"]) }).safeParse(credentials);
          if (!input.success) throw new BankIdSignInRefused("invalid");
          const binding = readCookie(request.headers.get("cookie"), BANKID_BINDING_COOKIE);
          if (!binding) throw new BankIdSignInRefused("binding");
          const result = await completeBankIdSignIn(await getDb(), {
            orderId: input.data.orderId,
            purpose: input.data.purpose,
            binding,
            now: new Date(),
          });
          if (!result.ok) throw new BankIdSignInRefused(result.reason);
          return { id: result.sessionId };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user?.id) token.sid = user.id;
        return token;
      },
      session({ session, token }) {
        session.sid = typeof token.sid === "string" ? token.sid : undefined;
        // Nothing personal reaches the browser through the session endpoint.
        session.user = { id: "", name: null, email: "", image: null } as never;
        return session;
      },
    },
  };
});
