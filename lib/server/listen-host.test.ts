import { describe, expect, it } from "vitest";
import { listenHost } from "./listen-host";

describe("listenHost", () => {
  it("listens on loopback only with live credentials and no sign-in", () => {
    expect(listenHost(undefined, "live", "none")).toBe("127.0.0.1");
  });

  it("listens everywhere when sign-in is on, or against the emulator", () => {
    expect(listenHost(undefined, "live", "oidc")).toBeUndefined();
    expect(listenHost(undefined, "emulator", "none")).toBeUndefined();
  });

  it("HOST is an explicit choice, kept", () => {
    expect(listenHost("0.0.0.0", "live", "none")).toBe("0.0.0.0");
  });
});
