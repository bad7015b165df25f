/**
 * BankID's recommended user messages (RFA codes) for each state. The texts themselves live in the
 * message catalogues (messages/*.json, namespace "bankid").
 */
export type RfaCode =
  | "RFA1" | "RFA2" | "RFA3" | "RFA4" | "RFA5" | "RFA6" | "RFA8" | "RFA9" | "RFA13"
  | "RFA14A" | "RFA14B" | "RFA15A" | "RFA15B" | "RFA16" | "RFA17A" | "RFA17B"
  | "RFA18" | "RFA19" | "RFA20" | "RFA21" | "RFA22" | "RFA23";

export function rfaFor(
  state: { status: "pending" | "failed" | "complete"; hintCode?: string; errorCode?: string },
  ctx: { sameDevice: boolean; qr: boolean },
): RfaCode {
  if (state.errorCode) {
    switch (state.errorCode) {
      case "alreadyInProgress":
        return "RFA4";
      case "requestTimeout":
      case "maintenance":
      case "internalError":
        return "RFA5";
      default:
        return "RFA22";
    }
  }
  if (state.status === "pending") {
    switch (state.hintCode) {
      case "outstandingTransaction":
      case "noClient":
        return ctx.qr ? "RFA1" : "RFA13";
      case "started":
        return ctx.sameDevice ? "RFA14B" : "RFA15B";
      case "userMrtd":
        return "RFA23";
      case "userSign":
      case "userCallConfirm":
        return "RFA9";
      default:
        return "RFA21";
    }
  }
  if (state.status === "failed") {
    switch (state.hintCode) {
      case "expiredTransaction":
        return "RFA8";
      case "certificateErr":
        return "RFA16";
      case "userCancel":
      case "userDeclinedCall":
        return "RFA6";
      case "cancelled":
        return "RFA3";
      case "startFailed":
        return ctx.qr ? "RFA17B" : "RFA17A";
      case "requestTimeout":
      case "maintenance":
      case "internalError":
        return "RFA5";
      case "alreadyInProgress":
        return "RFA4";
      default:
        return "RFA22";
    }
  }
  return "RFA21";
}
