import { describe, expect, it } from "vitest";
import type { AlertEvent } from "./alert-event";
import { accepted, messageFor } from "./message-formats";

const red: AlertEvent = { subAppId: 1500000001, state: "red", previous: "green", reasons: ["3 tasks running over 1h (1 over 2h)", "Failure rate 25% in the last hour (5 of 20 known)"], link: "https://dash.example/oncall?subAppId=1500000001", at: "2026-12-03T08:00:00.000Z" };
const recovered: AlertEvent = { ...red, state: "green", previous: "red", reasons: [] };

describe("chat message formats", () => {
  it("writes each receiver's documented shape, with the state, the reasons and the link", () => {
    const slack = messageFor("slack", red) as { text: string };
    expect(slack.text).toMatch(/^\*🔴 VOD tasks of app 1500000001 are red \(was green\)\*/);
    expect(slack.text).toContain("• 3 tasks running over 1h (1 over 2h)");
    expect(slack.text).toContain(`<${red.link}|Open the on-call view>`);

    expect(messageFor("wecom", red)).toEqual({ msgtype: "markdown", markdown: { content: expect.stringContaining(`[Open the on-call view](${red.link})`) } });
    expect((messageFor("wecom", red) as { markdown: { content: string } }).markdown.content).toContain("> • Failure rate 25%");

    expect(messageFor("feishu", red)).toEqual({ msg_type: "text", content: { text: expect.stringContaining(red.link) } });
    expect(messageFor("json", red)).toMatchObject({ ...red, title: expect.stringContaining("red") });
  });

  it("says a recovery in words of its own", () => {
    expect((messageFor("slack", recovered) as { text: string }).text).toMatch(/^\*🟢 VOD tasks of app 1500000001 are back to green \(was red\)\*/);
    expect((messageFor("feishu", recovered) as { content: { text: string } }).content.text).not.toContain("•");
  });

  it("counts only 2xx as taken, and for WeCom and Feishu only a zero code in the body", () => {
    expect(accepted("json", 204, "")).toBe(true);
    expect(accepted("slack", 404, "no_service")).toBe(false);
    expect(accepted("wecom", 200, '{"errcode":93000,"errmsg":"invalid webhook url"}')).toBe(false);
    expect(accepted("wecom", 200, '{"errcode":0,"errmsg":"ok"}')).toBe(true);
    expect(accepted("feishu", 200, '{"code":19021,"msg":"sign match fail"}')).toBe(false);
    expect(accepted("feishu", 200, '{"StatusCode":0,"StatusMessage":"success"}')).toBe(true);
    expect(accepted("feishu", 200, "not json")).toBe(false);
  });
});
