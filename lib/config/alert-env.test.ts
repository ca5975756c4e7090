import { describe, expect, it } from "vitest";
import { logEvent, setLogSink } from "@/lib/log";
import { readAlertEnv } from "./alert-env";

const APPS = [1500000001, 1500000002];

describe("ALERT_WEBHOOKS and ALERT_QUERY", () => {
  it("reads kind:URL entries separated by spaces, and the thresholds as in /oncall's URL", () => {
    const env = readAlertEnv({
      ALERT_WEBHOOKS: "slack:https://hooks.slack.com/services/T0/B0/XYZ  wecom:https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc-123 feishu:https://open.feishu.cn/open-apis/bot/v2/hook/0f0f json:http://127.0.0.1:9/alerts",
      ALERT_QUERY: "waitSlo=10m&runSlo=1h&failRate=20",
    }, APPS);
    expect(env?.receivers.map((receiver) => receiver.kind)).toEqual(["slack", "wecom", "feishu", "json"]);
    expect(env?.query).toMatchObject({ waitSlo: 600, runSlo: 3_600, failRate: 20, growth: 25 });
  });

  it("is off without webhooks, yet still refuses a bad ALERT_QUERY", () => {
    expect(readAlertEnv({}, APPS)).toBeUndefined();
    expect(() => readAlertEnv({ ALERT_QUERY: "waitSlo=forever" }, APPS)).toThrow(/ALERT_QUERY waitSlo/);
    expect(() => readAlertEnv({ ALERT_WEBHOOKS: "json:http://x.example/", ALERT_QUERY: "subAppId=42" }, APPS)).toThrow(/ALERT_QUERY subAppId/);
  });

  it("names a bad entry by its position and kind, never by its URL, and keeps the URLs out of the log", () => {
    const secretUrl = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=very-secret-key";
    expect(() => readAlertEnv({ ALERT_WEBHOOKS: `json:http://ok.example/ teams:${secretUrl}` }, APPS)).toThrow(/ALERT_WEBHOOKS entry 2 must be kind:URL/);
    expect(() => readAlertEnv({ ALERT_WEBHOOKS: "wecom:not a url?key=very-secret-key" }, APPS)).toThrow(/entry 1 \(wecom\) is not a URL$/);
    expect(() => readAlertEnv({ ALERT_WEBHOOKS: "wecom:ftp://host/very-secret-key" }, APPS)).toThrow(/^((?!very-secret-key).)*$/);
    readAlertEnv({ ALERT_WEBHOOKS: `wecom:${secretUrl}` }, APPS);
    const lines: string[] = [];
    const restore = setLogSink((line) => lines.push(line));
    const previous = process.env.VOD_LOG;
    delete process.env.VOD_LOG;
    logEvent("warn", "a library printed its request", { url: secretUrl, query: "?key=very-secret-key" });
    process.env.VOD_LOG = previous;
    restore();
    expect(lines.join("\n")).not.toContain("very-secret-key");
  });
});
