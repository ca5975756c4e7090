import { describe, expect, it } from "vitest";
import { parseUsers } from "./users";

const HASH_2B = "$2b$04$stntrrB7YT5Ba8O0b/L6weJJOXtr4RCztT1oPCQwZFLOEf9uE8aV.";
const HASH_2Y = "$2y$04$4r8.ntCrA1uOcgbseKbW2uqPoi8ikV8eqMjojJxZO3f0ae/FEdk7W";

describe("parseUsers (DASHBOARD_USERS)", () => {
  it("reads htpasswd's $2y$ and bcrypt's $2b$ hashes", () => {
    const users = parseUsers(`alice:${HASH_2B}, bob:${HASH_2Y}`);
    expect([...users.keys()]).toEqual(["alice", "bob"]);
    expect(users.get("bob")).toBe(HASH_2Y);
  });

  it.each([
    ["alice", "entry 1"],
    [`alice:{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=`, "bcrypt"],
    [`alice:$apr1$abc$def`, "bcrypt"],
    [`:${HASH_2B}`, "entry 1"],
    [`al ice:${HASH_2B}`, "user name"],
    [`alice:${HASH_2B},alice:${HASH_2Y}`, "listed twice"],
  ])("refuses %s, naming the variable", (text, why) => {
    expect(() => parseUsers(text)).toThrow(/^DASHBOARD_USERS /);
    expect(() => parseUsers(text)).toThrow(why);
  });

  it("never repeats a hash in its error", () => {
    const broken = `${HASH_2B.slice(0, 40)}`;
    expect(() => parseUsers(`alice:${broken}`)).not.toThrow(broken);
  });
});
