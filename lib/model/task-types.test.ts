import { describe, expect, it } from "vitest";
import { taskQueryParams } from "@/lib/filters/task-query";
import { canonicalTaskType, knownTaskType } from "./task-types";

describe("task types", () => {
  it("matches the known TaskType names whatever their case", () => {
    expect(knownTaskType("procedure")).toBe("Procedure");
    expect(knownTaskType("TRANSCODE")).toBe("Transcode");
    expect(knownTaskType(" editmedia ")).toBe("EditMedia");
    expect(knownTaskType("ReduceMediaBitrate")).toBe("ReduceMediaBitrate");
  });

  it("leaves an unknown name as given, and says it is unknown", () => {
    expect(knownTaskType("Procedur")).toBeNull();
    expect(canonicalTaskType("MyNewType")).toBe("MyNewType");
  });

  it("is what the type filter reads, in the URL and the API alike", () => {
    expect(taskQueryParams.type.parse("procedure")).toBe("Procedure");
    expect(taskQueryParams.type.parse("splitMEDIA")).toBe("SplitMedia");
    expect(taskQueryParams.type.parse("SomethingNew")).toBe("SomethingNew");
    expect(taskQueryParams.type.parse("no spaces")).toBeNull();
  });
});
