import { BlockList, isIP } from "node:net";

/** An IPv4 address as Node reports it on a dual-stack socket (`::ffff:10.0.0.1`), as plain IPv4. */
export function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1] : address;
}

export interface AddressSet {
  has(address: string): boolean;
}

/**
 * Reads a comma-separated list of CIDRs (`10.0.0.0/8`, `::1/128`; a bare address is one host).
 * `name` is the variable, for the error, which repeats the faulty entry (addresses are no secret).
 */
export function parseCidrs(text: string, name: string): AddressSet {
  const list = new BlockList();
  for (const entry of text.split(",").map((part) => part.trim()).filter(Boolean)) {
    const [address, prefixText, extra] = entry.split("/");
    const family = isIP(address);
    const max = family === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
    if (!family || extra !== undefined || !(prefix >= 0 && prefix <= max)) {
      throw new Error(`${name}: "${entry}" is not an address or CIDR such as 10.0.0.0/8 or ::1/128`);
    }
    list.addSubnet(address, prefix, family === 4 ? "ipv4" : "ipv6");
  }
  return {
    has(address: string): boolean {
      const plain = plainAddress(address);
      const family = isIP(plain);
      return family !== 0 && list.check(plain, family === 4 ? "ipv4" : "ipv6");
    },
  };
}
