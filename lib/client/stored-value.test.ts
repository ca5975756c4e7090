import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { storedValue } from "./stored-value";

/** The browser's localStorage and storage events, as far as the module uses them. */
class MemoryStorage {
  items = new Map<string, string>();
  refuse = false;
  getItem(key: string): string | null {
    if (this.refuse) throw new DOMException("refused", "SecurityError");
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.refuse) throw new DOMException("quota", "QuotaExceededError");
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    if (this.refuse) throw new DOMException("refused", "SecurityError");
    this.items.delete(key);
  }
}

let storage: MemoryStorage;
let events: EventTarget;

function storageEvent(key: string | null): Event {
  return Object.assign(new Event("storage"), { key });
}

beforeEach(() => {
  storage = new MemoryStorage();
  events = new EventTarget();
  vi.stubGlobal("localStorage", storage);
  vi.stubGlobal("window", events);
});
afterEach(() => vi.unstubAllGlobals());

const parseCount = (text: string | null) => ({ count: text === null ? 0 : Number(JSON.parse(text)) });

describe("storedValue", () => {
  it("parses the stored text once per change, so React sees one object until it changes", () => {
    const parse = vi.fn(parseCount);
    const stored = storedValue("k", parse);
    const first = stored.read();
    expect(first).toEqual({ count: 0 });
    expect(stored.read()).toBe(first);
    expect(parse).toHaveBeenCalledTimes(1);
    storage.items.set("k", "3");
    expect(stored.read()).toEqual({ count: 3 });
    expect(parse).toHaveBeenCalledTimes(2);
  });

  it("writes JSON, removes on null, and tells its subscribers", () => {
    const stored = storedValue("k", parseCount);
    const listener = vi.fn();
    const unsubscribe = stored.subscribe(listener);
    expect(stored.write({ count: 5 })).toBe(true);
    expect(storage.items.get("k")).toBe('{"count":5}');
    expect(stored.write(null)).toBe(true);
    expect(storage.items.has("k")).toBe(false);
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    stored.write({ count: 1 });
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it("hears another tab writing its key or clearing the storage, and not other keys", () => {
    const stored = storedValue("k", parseCount);
    const listener = vi.fn();
    const unsubscribe = stored.subscribe(listener);
    events.dispatchEvent(storageEvent("other"));
    expect(listener).not.toHaveBeenCalled();
    events.dispatchEvent(storageEvent("k"));
    events.dispatchEvent(storageEvent(null));
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    events.dispatchEvent(storageEvent("k"));
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it("with storage refused: reads the default, a write says it was not kept and changes nothing", () => {
    storage.refuse = true;
    const stored = storedValue("k", parseCount);
    const listener = vi.fn();
    stored.subscribe(listener);
    expect(stored.read()).toEqual({ count: 0 });
    expect(stored.write({ count: 2 })).toBe(false);
    expect(stored.read()).toEqual({ count: 0 });
    expect(listener).not.toHaveBeenCalled();
  });

  it("with storage refused and keepUnsaved: the page reads what it wrote, though it was not kept", () => {
    storage.refuse = true;
    const stored = storedValue("k", parseCount, { keepUnsaved: true });
    const listener = vi.fn();
    stored.subscribe(listener);
    expect(stored.write({ count: 2 })).toBe(false);
    expect(stored.read()).toEqual({ count: 2 });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(stored.write(null)).toBe(false);
    expect(stored.read()).toEqual({ count: 0 });
  });
});
