import { z } from "zod";
import { EXPERIMENT_KINDS } from "../../../domain/experiments";
import { isoDate } from "./workplace-schemas";

/** The dashboard's filters, from a plain GET form: letters sent from–to, one creditor or all. */
export const insightFilters = z
  .object({ from: isoDate.optional(), to: isoDate.optional(), creditorId: z.string().uuid().optional() })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "from after to", path: ["from"] });

export const rateSchema = z.object({ k: z.number().int(), n: z.number().int(), rate: z.number(), low: z.number(), high: z.number(), tooFew: z.boolean() });
const meanSchema = z.object({ n: z.number().int(), mean: z.number(), low: z.number(), high: z.number(), tooFew: z.boolean() });
const groupRow = z.object({ key: z.string(), cases: z.number().int(), d5: rateSchema, d14: rateSchema, d30: rateSchema });

export const dashboardSchema = z.object({
  filters: z.object({ from: z.string(), to: z.string(), creditorId: z.string().nullable() }),
  refreshedAt: z.string().nullable(),
  creditors: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
  total: groupRow,
  byChannel: z.array(groupRow),
  byDueGroup: z.array(groupRow),
  byAgeBand: z.array(groupRow),
  youngByDueGroup: z.array(groupRow),
  byCreditor: z.array(groupRow),
  funnel: z.object({ cases: z.number().int(), paid: rateSchema, inPlan: rateSchema, disputed: rateSchema, onHold: rateSchema, enforcement: rateSchema }),
  plans: z.object({ kept: rateSchema, lapsed: z.number().int() }),
  replies: z.object({ threads: z.number().int(), answered: z.number().int(), onTime: rateSchema, hours: meanSchema }),
});

export const experimentKind = z.enum(EXPERIMENT_KINDS);
export const arm = z.enum(["a", "b"]);

export const experimentSchema = z.object({
  id: z.string().uuid(),
  creditorId: z.string().uuid(),
  creditorName: z.string(),
  kind: experimentKind,
  armA: z.string(),
  armB: z.string(),
  status: z.enum(["running", "stopped"]),
  startedAt: z.string(),
  startedBy: z.string().nullable(),
  stoppedAt: z.string().nullable(),
  stoppedBy: z.string().nullable(),
  winner: arm.nullable(),
  policyVersion: z.number().int().nullable(),
  a: z.object({ cases: z.number().int(), paid14: rateSchema }),
  b: z.object({ cases: z.number().int(), paid14: rateSchema }),
  difference: z.object({ difference: z.number(), low: z.number(), high: z.number(), tooFew: z.boolean() }),
  verdict: z.enum(["too_few", "not_yet", "first_higher", "second_higher"]),
  leader: arm,
});
