/**
 * A value this browser keeps in localStorage under one key, readable by React through
 * useSyncExternalStore: `read` parses the stored text once per change of it (so React sees the
 * same object until it changes), `subscribe` hears writes from this tab and from others, and
 * `write` stores a value (null removes it) and tells every subscriber.
 *
 * Storage may be refused (a privacy mode, a full quota): `read` then gives what `parse(null)`
 * gives, and a refused `write` returns false. With `keepUnsaved`, the refused value is still what
 * this page reads until the next write, so the change shows here and is only not kept.
 */
export interface StoredValue<T> {
  subscribe(listener: () => void): () => void;
  read(): T;
  write(value: T | null): boolean;
}

export function storedValue<T>(key: string, parse: (text: string | null) => T, options: { keepUnsaved?: boolean } = {}): StoredValue<T> {
  const listeners = new Set<() => void>();
  let cached: { text: string | null; value: T } | undefined;

  function read(): T {
    let text: string | null = null;
    try {
      text = localStorage.getItem(key);
    } catch {
      // Storage refused: nothing kept.
    }
    if (cached === undefined || text !== cached.text) cached = { text, value: parse(text) };
    return cached.value;
  }

  function subscribe(listener: () => void): () => void {
    listeners.add(listener);
    // Another tab writing this key, or clearing the whole storage (key null).
    const onStorage = (event: StorageEvent) => {
      if (event.key === key || event.key === null) listener();
    };
    window.addEventListener("storage", onStorage);
    return () => {
      listeners.delete(listener);
      window.removeEventListener("storage", onStorage);
    };
  }

  function write(value: T | null): boolean {
    let kept = true;
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, JSON.stringify(value));
    } catch {
      kept = false;
      if (options.keepUnsaved) cached = { text: cached?.text ?? null, value: value ?? parse(null) };
    }
    if (kept || options.keepUnsaved) for (const notify of listeners) notify();
    return kept;
  }

  return { subscribe, read, write };
}
