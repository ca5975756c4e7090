/** A user of `basic` sign-in: a name and the bcrypt hash of its password (htpasswd's bcrypt form). */
export type Users = ReadonlyMap<string, string>;

/** htpasswd -B writes `$2y$`; bcrypt libraries write `$2b$` (and older ones `$2a$`): the same algorithm. */
const BCRYPT_HASH = /^\$2[aby]\$(0[4-9]|[12]\d|3[01])\$[./A-Za-z0-9]{53}$/;

/**
 * Reads DASHBOARD_USERS, `user:hash[,user:hash...]`. Errors name the entry by its position and
 * its user, never by its hash.
 */
export function parseUsers(text: string): Users {
  const users = new Map<string, string>();
  text.split(",").map((entry) => entry.trim()).forEach((entry, index) => {
    const colon = entry.indexOf(":");
    const name = colon > 0 ? entry.slice(0, colon).trim() : "";
    const where = `entry ${index + 1}${name ? ` (${name})` : ""}`;
    if (!name) throw new Error(`DASHBOARD_USERS ${where} must be user:bcrypt-hash`);
    if (!/^[^\s:,]{1,128}$/.test(name)) throw new Error(`DASHBOARD_USERS ${where}: a user name must have no spaces, colons or commas`);
    if (!BCRYPT_HASH.test(entry.slice(colon + 1).trim())) {
      throw new Error(`DASHBOARD_USERS ${where} must have a bcrypt hash ($2y$ or $2b$), as htpasswd -nbB writes it`);
    }
    if (users.has(name)) throw new Error(`DASHBOARD_USERS ${where}: the user is listed twice`);
    users.set(name, entry.slice(colon + 1).trim());
  });
  return users;
}
