import { createCallerFactory, createTRPCRouter } from "./trpc";
import { authRouter } from "./routers/auth/router";
import { debtorRouter } from "./routers/debtor/router";
import { staffRouter } from "./routers/staff/router";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  debtor: debtorRouter,
  staff: staffRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
