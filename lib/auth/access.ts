/** Which SubAppIds an identity may see: every one, or these. */
export type AppScope = "all" | ReadonlySet<number>;

/** DASHBOARD_ACCESS read: identity (lower case) or `*` → its scope. Undefined: everyone sees all. */
export type AccessRules = ReadonlyMap<string, AppScope> | undefined;

/**
 * Reads DASHBOARD_ACCESS: `identity=id[+id...]` pairs separated by `;`, `*` for every app, and
 * identity `*` for everyone signed in (`alice@example.com=*;*=1500000001`). Identities compare
 * without regard to case, as e-mail addresses do in practice.
 */
export function parseAccess(text: string): AccessRules {
  const rules = new Map<string, AppScope>();
  text.split(";").map((pair) => pair.trim()).filter(Boolean).forEach((pair, index) => {
    const where = `DASHBOARD_ACCESS pair ${index + 1}`;
    const equals = pair.lastIndexOf("=");
    const identity = equals > 0 ? pair.slice(0, equals).trim().toLowerCase() : "";
    const apps = equals > 0 ? pair.slice(equals + 1).trim() : "";
    if (!identity || !apps) throw new Error(`${where} must be identity=SubAppId[+SubAppId...] or identity=*`);
    // The messages name the pair by its place, never the identity: start-up errors reach the log.
    if (rules.has(identity)) throw new Error(`${where}: its identity is listed twice`);
    if (apps === "*") {
      rules.set(identity, "all");
      return;
    }
    const ids = apps.split("+").map((id) => id.trim());
    if (!ids.every((id) => /^\d{1,16}$/.test(id))) throw new Error(`${where}: SubAppIds must be numbers joined by +, or *`);
    rules.set(identity, new Set(ids.map(Number)));
  });
  if (rules.size === 0) throw new Error("DASHBOARD_ACCESS must hold at least one identity=SubAppIds pair");
  return rules;
}

/** The apps an identity may see: its own entry and the `*` entry together; neither: none. */
export function scopeOf(identity: string, rules: AccessRules): AppScope {
  if (!rules) return "all";
  const own = rules.get(identity.toLowerCase());
  const everyone = rules.get("*");
  if (own === "all" || everyone === "all") return "all";
  return new Set([...(own ?? []), ...(everyone ?? [])]);
}

export function maySee(scope: AppScope, subAppId: number): boolean {
  return scope === "all" || scope.has(subAppId);
}
