import { z } from "zod";
import { listStaff } from "../../../modules/workplace/staff-users";
import { staffProcedure } from "../../trpc";
import { staffRole } from "./workplace-schemas";

export const usersList = staffProcedure("staff:manage")
  .output(z.array(z.object({ id: z.string().uuid(), name: z.string(), role: staffRole, active: z.boolean(), createdAt: z.string() })))
  .query(({ ctx }) => listStaff(ctx.db, { staffId: ctx.staffId }));
