import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { CardWebhookError, verifyWebhook } from "./client";
import { parseStripeForm } from "./simulator";

const SECRET = "whsec_test_secret";
const body = JSON.stringify({ id: "evt_1", object: "event", type: "checkout.session.completed", data: { object: { id: "cs_test_1" } } });

describe("parseStripeForm", () => {
  it("reads the SDK's bracketed form encoding into objects and arrays", () => {
    const form =
      "mode=payment&line_items[0][quantity]=1&line_items[0][price_data][currency]=sek&line_items[0][price_data][unit_amount]=45050" +
      "&line_items[0][price_data][product_data][name]=Betalning%20%C3%A4rende&line_items[1][quantity]=2&metadata[caseId]=c_1&metadata[note]=" +
      "&allowed_payment_method_types[0]=card&expand[]=line_items";
    expect(parseStripeForm(form)).toEqual({
      mode: "payment",
      line_items: [
        { quantity: "1", price_data: { currency: "sek", unit_amount: "45050", product_data: { name: "Betalning ärende" } } },
        { quantity: "2" },
      ],
      metadata: { caseId: "c_1", note: "" },
      allowed_payment_method_types: ["card"],
      expand: ["line_items"],
    });
  });
});

describe("verifyWebhook", () => {
  it("accepts Stripe's own signature", () => {
    const header = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: SECRET });
    expect(verifyWebhook(body, header, SECRET).type).toBe("checkout.session.completed");
    expect(verifyWebhook(Buffer.from(body), header, SECRET).id).toBe("evt_1");
  });

  it("refuses a missing, forged, stale or tampered signature", () => {
    const header = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: SECRET });
    expect(() => verifyWebhook(body, null, SECRET)).toThrow(CardWebhookError);
    expect(() => verifyWebhook(body, header, "whsec_other")).toThrow(CardWebhookError);
    expect(() => verifyWebhook(body.replace("cs_test_1", "cs_test_2"), header, SECRET)).toThrow(/No signatures found matching/);
    expect(() => verifyWebhook(body, `t=${Math.floor(Date.now() / 1000)},v1=${"0".repeat(64)}`, SECRET)).toThrow(CardWebhookError);
    const old = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: SECRET, timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(() => verifyWebhook(body, old, SECRET)).toThrow(/tolerance/);
  });
});
