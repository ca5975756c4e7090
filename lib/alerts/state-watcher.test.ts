import { describe, expect, it } from "vitest";
import type { OncallApp, OncallResponse, OncallState } from "@/lib/oncall/types";
import type { AlertEvent } from "./alert-event";
import { createStateWatcher } from "./state-watcher";

const app = (state: OncallState, extra: Partial<OncallApp> = {}) =>
  ({ subAppId: 7, state, reasons: state === "green" ? [] : [{ level: state, kind: "waiting", text: `why ${state}` }], stale: false, loading: false, ...extra }) as OncallApp;

function watcherOver(answers: (OncallApp | Error)[]) {
  const announced: AlertEvent[] = [];
  let next = 0;
  const watcher = createStateWatcher({
    evaluate: async () => {
      const answer = answers[next++];
      if (answer instanceof Error) throw answer;
      return { apps: [answer] } as OncallResponse;
    },
    announce: (event) => announced.push(event),
    linkFor: (id) => `https://dash.example/oncall?subAppId=${id}`,
  });
  return { announced, check: () => watcher.check() };
}

describe("the on-call state watcher", () => {
  it("announces each change once, a first sight only when it is not green, and waits out the first read", async () => {
    const { announced, check } = watcherOver([app("amber", { loading: true }), app("green"), app("green"), app("amber"), app("amber"), new Error("upstream down"), app("red"), app("green")]);
    for (let i = 0; i < 8; i++) await check();
    expect(announced.map((event) => [event.previous, event.state])).toEqual([["green", "amber"], ["amber", "red"], ["red", "green"]]);
    expect(announced[1]).toMatchObject({ reasons: ["why red"], link: "https://dash.example/oncall?subAppId=7" });
    expect(announced[2].reasons).toEqual([]);
  });

  it("announces an app that is already red when the server starts", async () => {
    const { announced, check } = watcherOver([app("red", { stale: true, loading: true })]);
    await check();
    expect(announced).toMatchObject([{ previous: null, state: "red" }]);
  });
});
