import { describe, expect, it } from "vitest";
import type { Gateway } from "./gateway";
import { type AnswerRecorder, recordingGateway } from "./recording-gateway";
import type { UpstreamTaskPage } from "./response-shapes";

const page: UpstreamTaskPage = {
  TaskSet: [{ TaskId: "t1", TaskType: "Procedure", Status: "WAITING", FileId: "f", CreateTime: "2026-11-28T12:00:00Z", BeginProcessTime: "", FinishTime: "", SessionId: "", SessionContext: "" }],
  ScrollToken: "", RequestId: "r",
};
const detail = { TaskType: "Procedure", Status: "FINISH", CreateTime: "2026-11-28T12:00:00Z", BeginProcessTime: "", FinishTime: "", RequestId: "r" };
// A gateway sharing one answer between callers, as the real one does for a second.
const inner: Gateway = { describeTasks: async () => page, describeTaskDetail: async () => detail };

describe("recordingGateway", () => {
  it("tells the recorder every answer once, with the SubAppId asked for", async () => {
    const told: unknown[] = [];
    const recorder: AnswerRecorder = { tasks: (app, tasks) => void told.push([app, tasks.length]), detail: (app, id) => void told.push([app, id]) };
    const gateway = recordingGateway(inner, () => recorder);
    await gateway.describeTasks({ SubAppId: 5 });
    await gateway.describeTasks({ SubAppId: 5 });
    await gateway.describeTaskDetail({ TaskId: "t1", SubAppId: 5 });
    expect(told).toEqual([[5, 1], [5, "t1"]]);
  });

  it("answers the caller even when the recorder fails, and records nothing without one", async () => {
    const gateway = recordingGateway(inner, () => ({ tasks: () => { throw new Error("full"); }, detail: () => undefined }));
    await expect(gateway.describeTasks({})).resolves.toBe(page);
    await expect(recordingGateway(inner, () => undefined).describeTasks({})).resolves.toBe(page);
  });

  it("holds the caller while the recorder is behind", async () => {
    let release = () => {};
    const behind = new Promise<void>((resolve) => (release = resolve));
    const gateway = recordingGateway(inner, () => ({ tasks: () => behind, detail: () => undefined }));
    let answered = false;
    const call = gateway.describeTasks({}).then(() => (answered = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(answered).toBe(false);
    release();
    await call;
    expect(answered).toBe(true);
  });
});
