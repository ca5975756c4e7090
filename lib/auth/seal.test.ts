import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { clearCookie, flowCookie, readCookie, sessionCookie, setCookie } from "./cookies";
import { seal, sealKey, unseal } from "./seal";
import { createSessions } from "./session";

const secret = randomBytes(32);

describe("sealed values", () => {
  const key = sealKey(secret, "session");

  it("opens what it sealed until it expires", () => {
    const text = seal({ name: "alice" }, key, 2_000);
    expect(text).not.toContain("alice");
    expect(unseal(text, key, 1_999)).toEqual({ name: "alice" });
    expect(unseal(text, key, 2_000)).toBeUndefined();
  });

  it("refuses an altered, foreign, truncated or made-up value", () => {
    const text = seal({ name: "alice" }, key, 2_000);
    const flipped = text.slice(0, 20) + (text[20] === "A" ? "B" : "A") + text.slice(21);
    expect(unseal(flipped, key, 0)).toBeUndefined();
    expect(unseal(text, sealKey(secret, "sign-in flow"), 0)).toBeUndefined();
    expect(unseal(text, sealKey(randomBytes(32), "session"), 0)).toBeUndefined();
    expect(unseal(text.slice(0, 30), key, 0)).toBeUndefined();
    for (const junk of ["", "x", "a.b.c", "%00", "A".repeat(5_000), Buffer.from('{"v":{"name":"alice"},"e":9e15}').toString("base64url")]) {
      expect(unseal(junk, key, 0)).toBeUndefined();
    }
  });
});

describe("cookies", () => {
  it("the session cookie is HttpOnly, SameSite=Lax, and Secure with the __Host- prefix over https", () => {
    const https = setCookie(sessionCookie(true), "v", 60);
    expect(https).toBe("__Host-vod_session=v; Path=/; Max-Age=60; HttpOnly; SameSite=Lax; Secure");
    const http = setCookie(sessionCookie(false), "v", 60);
    expect(http).toBe("vod_session=v; Path=/; Max-Age=60; HttpOnly; SameSite=Lax");
    expect(clearCookie(sessionCookie(false))).toContain("Max-Age=0");
  });

  it("the sign-in flow's cookie goes only to the callback", () => {
    expect(setCookie(flowCookie(true), "v", 600)).toBe("__Secure-vod_signin=v; Path=/auth/callback; Max-Age=600; HttpOnly; SameSite=Lax; Secure");
  });

  it("reads one cookie, and none when it is planted twice", () => {
    expect(readCookie("a=1; vod_session=xyz; b=2", "vod_session")).toBe("xyz");
    expect(readCookie("vod_session=1; vod_session=2", "vod_session")).toBeUndefined();
    expect(readCookie("xvod_session=1", "vod_session")).toBeUndefined();
    expect(readCookie(undefined, "vod_session")).toBeUndefined();
  });

  it("a session reads back its name, and not once expired or forged", () => {
    const sessions = createSessions(secret, false, 60);
    const header = sessions.issue("alice@example.com", 0).split(";")[0];
    expect(sessions.read(header, 59_000)).toBe("alice@example.com");
    expect(sessions.read(header, 60_000)).toBeUndefined();
    expect(sessions.read("vod_session=forged", 0)).toBeUndefined();
    expect(createSessions(randomBytes(32), false, 60).read(header, 0)).toBeUndefined();
  });
});
