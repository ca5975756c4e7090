import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { createBasicVerifier, FAILURES_BEFORE_LOCKOUT, MAX_CONCURRENT_CHECKS, NAME_FAILURES_BEFORE_LOCKOUT, readBasicHeader } from "./basic";
import { parseUsers } from "./users";

// alice-pass (cost 4, fast enough for tests), and bob-pass as htpasswd -B writes it ($2y$).
const users = parseUsers("alice:$2b$04$stntrrB7YT5Ba8O0b/L6weJJOXtr4RCztT1oPCQwZFLOEf9uE8aV.,bob:$2y$04$4r8.ntCrA1uOcgbseKbW2uqPoi8ikV8eqMjojJxZO3f0ae/FEdk7W");
const basic = (name: string, password: string) => `Basic ${Buffer.from(`${name}:${password}`).toString("base64")}`;

describe("basic sign-in", () => {
  it("reads the Authorization header", () => {
    expect(readBasicHeader(basic("alice", "pa:ss"))).toEqual({ name: "alice", password: "pa:ss" });
    expect(readBasicHeader("Bearer x")).toBeUndefined();
    expect(readBasicHeader("Basic !!!")).toBeUndefined();
    expect(readBasicHeader(`Basic ${Buffer.from("nocolon").toString("base64")}`)).toBeUndefined();
  });

  it("signs in with the right password, for $2b$ and $2y$ hashes alike", async () => {
    const verifier = createBasicVerifier(users);
    expect(await verifier.verify(basic("alice", "alice-pass"), "10.0.0.1")).toEqual({ name: "alice" });
    expect(await verifier.verify(basic("bob", "bob-pass"), "10.0.0.1")).toEqual({ name: "bob" });
    // Remembered: the second time costs no bcrypt, and says the same.
    expect(await verifier.verify(basic("alice", "alice-pass"), "10.0.0.1")).toEqual({ name: "alice" });
  });

  it("refuses a wrong password, an unknown user, and nothing at all", async () => {
    const verifier = createBasicVerifier(users);
    expect(await verifier.verify(basic("alice", "alice-pass!"), "10.0.0.2")).toBe("wrong");
    expect(await verifier.verify(basic("mallory", "alice-pass"), "10.0.0.3")).toBe("wrong");
    expect(await verifier.verify(undefined, "10.0.0.2")).toBe("none");
    expect(await verifier.verify("Basic", "10.0.0.2")).toBe("wrong");
  });

  it("locks a user name out after repeated failures, even with the right password from elsewhere", async () => {
    const verifier = createBasicVerifier(users);
    for (let i = 0; i < NAME_FAILURES_BEFORE_LOCKOUT; i++) expect(await verifier.verify(basic("bob", `guess${i}`), `10.1.0.${i}`)).toBe("wrong");
    const locked = await verifier.verify(basic("bob", "bob-pass"), "10.2.0.1").catch((error: unknown) => error);
    expect(locked).toBeInstanceOf(ApiError);
    expect(locked).toMatchObject({ code: "RateLimited", status: 429 });
    expect((locked as ApiError).retryAfterSeconds).toBeGreaterThan(0);
    expect(String((locked as ApiError).message)).not.toContain("bob-pass");
    // Another user is not locked out by bob's failures.
    expect(await verifier.verify(basic("alice", "alice-pass"), "10.2.0.1")).toEqual({ name: "alice" });
  });

  it("a browser already signed in stays signed in while its name is locked out", async () => {
    const verifier = createBasicVerifier(users);
    expect(await verifier.verify(basic("alice", "alice-pass"), "10.4.0.1")).toEqual({ name: "alice" });
    for (let i = 0; i < NAME_FAILURES_BEFORE_LOCKOUT; i++) await verifier.verify(basic("alice", `guess${i}`), `10.5.0.${i}`);
    expect(await verifier.verify(basic("alice", "alice-pass"), "10.4.0.1")).toEqual({ name: "alice" });
  });

  it("runs a few bcrypt checks at once; more wait their turn as a 429", async () => {
    const verifier = createBasicVerifier(users);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) =>
      verifier.verify(basic(`guesser${i}`, "x"), `10.6.0.${i}`).catch((error: unknown) => error)));
    expect(results.filter((result) => result === "wrong")).toHaveLength(MAX_CONCURRENT_CHECKS);
    expect(results.filter((result) => result instanceof ApiError && result.code === "RateLimited")).toHaveLength(10 - MAX_CONCURRENT_CHECKS);
    // The same pair sent on several requests at once is checked once.
    const same = await Promise.all(Array.from({ length: 10 }, () => verifier.verify(basic("bob", "bob-pass"), "10.6.2.1")));
    expect(same.every((result) => typeof result === "object" && result.name === "bob")).toBe(true);
    // Once they are done, the next is checked.
    expect(await verifier.verify(basic("alice", "alice-pass"), "10.6.1.1")).toEqual({ name: "alice" });
  });

  it("locks an address out after repeated failures across user names", async () => {
    const verifier = createBasicVerifier(users);
    for (let i = 0; i < FAILURES_BEFORE_LOCKOUT; i++) await verifier.verify(basic(`user${i}`, "x"), "10.3.0.1");
    await expect(verifier.verify(basic("alice", "alice-pass"), "10.3.0.1")).rejects.toMatchObject({ code: "RateLimited" });
    expect(await verifier.verify(basic("alice", "alice-pass"), "10.3.0.2")).toEqual({ name: "alice" });
  });
});
