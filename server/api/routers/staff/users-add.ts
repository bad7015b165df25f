import { z } from "zod";
import { addStaff } from "../../../modules/workplace/staff-users";
import { staffProcedure } from "../../trpc";
import { staffRole } from "./workplace-schemas";

/** Adds a member of staff by personal number (admins). */
export const usersAdd = staffProcedure("staff:manage")
  .input(z.object({ personalNumber: z.string().trim().min(10).max(13), name: z.string().trim().min(2).max(100), role: staffRole }))
  .output(z.object({ staffUserId: z.string().uuid() }))
  .mutation(({ ctx, input }) => addStaff(ctx.db, { staffId: ctx.staffId, ...input, now: ctx.now }));
