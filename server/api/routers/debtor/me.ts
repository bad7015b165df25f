import { z } from "zod";
import { personProcedure } from "../../trpc";

/** Who is signed in, as far as the pages need to know: a first name and whether there are cases. */
export const me = personProcedure
  .output(z.object({ displayName: z.string(), hasCases: z.boolean() }))
  .query(({ ctx }) => ({ displayName: ctx.viewer.displayName, hasCases: ctx.viewer.subjectId !== null }));
