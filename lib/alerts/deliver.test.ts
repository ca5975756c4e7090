import { afterEach, describe, expect, it } from "vitest";
import { startWebhookReceiver, type WebhookReceiver } from "@/lib/testing/webhook-receiver";
import type { AlertEvent } from "./alert-event";
import { createDelivery } from "./deliver";

const receivers: WebhookReceiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

async function receiver(answer?: Parameters<typeof startWebhookReceiver>[0]) {
  const started = await startWebhookReceiver(answer);
  receivers.push(started);
  return started;
}

const event = (state: AlertEvent["state"]): AlertEvent => ({ subAppId: 1500000001, state, previous: null, reasons: ["Data is stale: upstream failing (InternalError)"], link: "http://dash.example/oncall?subAppId=1500000001", at: "2026-12-03T08:00:00.000Z" });

describe("alert delivery", () => {
  it("retries a failing receiver with backoff until it takes the message, once", async () => {
    const flaky = await receiver((attempt) => (attempt <= 2 ? { status: 500 } : { status: 200 }));
    const delivery = createDelivery([{ kind: "json", url: new URL(flaky.url) }], { backoffMs: 50 });
    delivery.send(event("red"));
    await delivery.settled();
    expect(flaky.attempts).toBe(3);
    expect(flaky.received).toEqual([expect.objectContaining({ state: "red", subAppId: 1500000001 })]);
  });

  it("never makes the caller wait, and a hanging receiver delays nobody else's messages", async () => {
    const hanging = await receiver(() => "hang");
    const healthy = await receiver();
    const delivery = createDelivery([{ kind: "json", url: new URL(hanging.url) }, { kind: "slack", url: new URL(healthy.url) }], { attemptTimeoutMs: 300, backoffMs: 50, maxAttempts: 2 });
    const started = performance.now();
    delivery.send(event("red"));
    delivery.send(event("green"));
    expect(performance.now() - started).toBeLessThan(20);
    await expect.poll(() => healthy.received.length, { timeout: 1_000 }).toBe(2);
    expect(hanging.received).toHaveLength(0);
    await delivery.settled();
    expect(hanging.attempts).toBe(4); // two messages, two attempts each, then given up
  });

  it("reads WeCom's and Feishu's refusals from the body of an HTTP 200", async () => {
    const wecom = await receiver((attempt) => (attempt === 1 ? { status: 200, body: '{"errcode":45009,"errmsg":"api freq out of limit"}' } : { status: 200, body: '{"errcode":0,"errmsg":"ok"}' }));
    const feishu = await receiver((attempt) => (attempt === 1 ? { status: 200, body: '{"code":9499,"msg":"Bad Request"}' } : { status: 200, body: '{"code":0,"msg":"success"}' }));
    const delivery = createDelivery([{ kind: "wecom", url: new URL(wecom.url) }, { kind: "feishu", url: new URL(feishu.url) }], { backoffMs: 20 });
    delivery.send(event("amber"));
    await delivery.settled();
    expect([wecom.attempts, feishu.attempts]).toEqual([2, 2]);
  });
});
