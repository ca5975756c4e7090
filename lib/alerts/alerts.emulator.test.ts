import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAlertEnv } from "@/lib/config/alert-env";
import { getOncall } from "@/lib/oncall/get-oncall";
import { startEmulator, type RunningEmulator } from "@/lib/emulator/server";
import { startWebhookReceiver, type WebhookReceiver } from "@/lib/testing/webhook-receiver";
import { startAlerts } from "./start-alerts";

// The round trip: the server judges the on-call state itself (no screen open), an upstream outage
// turns an app red and its end green again, and each receiver hears of each change exactly once,
// in its own format, whether another receiver answers 500 for a while or never answers at all.

const APP = 1500000001;
let emulator: RunningEmulator;
let json: WebhookReceiver;
let slack: WebhookReceiver;
let flaky: WebhookReceiver;
let hanging: WebhookReceiver;
let follower: WebhookReceiver;

async function setFaults(faults: object): Promise<void> {
  const response = await fetch(`${emulator.url}/__emulator/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(faults) });
  expect(response.ok).toBe(true);
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: 11, subApps: [APP], tasksPerHour: 600 });
  process.env.VOD_ENDPOINT = emulator.url;
  process.env.VOD_LOG = "silent";
  [json, slack, flaky, hanging, follower] = await Promise.all([
    startWebhookReceiver(),
    startWebhookReceiver(),
    startWebhookReceiver((attempt) => (attempt % 2 === 1 ? { status: 500 } : { status: 200 })),
    startWebhookReceiver(() => "hang"),
    startWebhookReceiver(),
  ]);
});

afterAll(async () => {
  await Promise.all([json, slack, flaky, hanging, follower].map((receiver) => receiver.close()));
  await emulator.close();
});

describe("alerts", () => {
  it("tells every receiver once when an app turns red during an outage and once when it recovers", async () => {
    const alerts = readAlertEnv({
      ALERT_WEBHOOKS: [`json:${json.url}`, `slack:${slack.url}`, `json:${flaky.url}`, `json:${hanging.url}`].join(" "),
      // Thresholds no ordinary moment of the workload reaches: only the outage can change the state.
      ALERT_QUERY: "waitSlo=72h&runSlo=72h&failRate=100&growth=10000&refresh=5s",
    }, [APP])!;
    const running = startAlerts({ alerts, subAppIds: [APP], dashboardUrl: new URL("https://vod-dash.example"), checkEveryMs: 250, delivery: { backoffMs: 100, attemptTimeoutMs: 500, maxAttempts: 3 } });
    // A follower replica's alerts follow the same state and tell nobody: the collector does.
    const followerAlerts = readAlertEnv({ ALERT_WEBHOOKS: `json:${follower.url}`, ALERT_QUERY: "waitSlo=72h&runSlo=72h&failRate=100&growth=10000&refresh=5s" }, [APP])!;
    const asFollower = startAlerts({ alerts: followerAlerts, subAppIds: [APP], dashboardUrl: new URL("https://vod-dash.example"), checkEveryMs: 250, mayAnnounce: () => false });
    try {
      // The mirror fills and the app settles; nothing is announced for an app first seen green.
      await expect.poll(async () => (await getOncall(alerts.query, [APP])).apps[0], { timeout: 30_000 }).toMatchObject({ loading: false, state: "green" });
      await new Promise((resolve) => setTimeout(resolve, 500));
      const before = json.received.length;

      await setFaults({ outage: true });
      await expect.poll(() => json.received.length, { timeout: 15_000 }).toBe(before + 1);
      expect(json.received.at(-1)).toMatchObject({ subAppId: APP, state: "red", reasons: [expect.stringMatching(/^Data is stale: upstream failing/)],
        link: `https://vod-dash.example/oncall?waitSlo=72h&runSlo=72h&failRate=100&growth=10000&refresh=5s&subAppId=${APP}` });

      await setFaults({});
      await expect.poll(() => json.received.length, { timeout: 15_000 }).toBe(before + 2);
      expect(json.received.at(-1)).toMatchObject({ subAppId: APP, state: "green", previous: "red", reasons: [] });

      // Never repeated for an unchanged state.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(json.received).toHaveLength(before + 2);
      expect(slack.received.slice(before)).toEqual([
        { text: expect.stringMatching(/^\*🔴 VOD tasks of app 1500000001 are red/) },
        { text: expect.stringMatching(/^\*🟢 VOD tasks of app 1500000001 are back to green \(was red\)/) },
      ]);
      // The receiver that failed every first attempt got both after a retry.
      await expect.poll(() => flaky.received.slice(-2).map((message) => (message as { state: string }).state), { timeout: 5_000 }).toEqual(["red", "green"]);
      expect(hanging.received).toHaveLength(0);
      expect(follower.received).toHaveLength(0);
    } finally {
      asFollower.stop();
      running.stop();
    }
  }, 60_000);
});
