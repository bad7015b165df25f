import { z } from "zod";
import { updateStaff } from "../../../modules/workplace/staff-users";
import { staffProcedure } from "../../trpc";
import { staffRole } from "./workplace-schemas";

/** Changes a member of staff's role, or deactivates them (admins). */
export const usersUpdate = staffProcedure("staff:manage")
  .input(z.object({ staffUserId: z.string().uuid(), role: staffRole.optional(), active: z.boolean().optional() }))
  .output(z.object({ staffUserId: z.string().uuid(), role: staffRole, active: z.boolean() }))
  .mutation(({ ctx, input }) => updateStaff(ctx.db, { staffId: ctx.staffId, ...input }));
