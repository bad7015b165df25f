import { createTRPCRouter } from "../../trpc";
import { bankidCancel } from "./bankid-cancel";
import { bankidPoll } from "./bankid-poll";
import { bankidStart } from "./bankid-start";

export const authRouter = createTRPCRouter({
  bankid: createTRPCRouter({ start: bankidStart, poll: bankidPoll, cancel: bankidCancel }),
});
