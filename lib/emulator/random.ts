// Seeded randomness. Every generated value is a pure function of (seed, some position), so the same
// seed always gives the same workload no matter when the emulator starts or how often it is asked.

/** mulberry32: tiny, fast, good enough for synthetic workloads. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes any number of 32-bit integers into one well-spread 32-bit hash (murmur3 finaliser). */
export function hash32(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    h ^= Math.imul((p | 0) ^ ((p / 4294967296) | 0), 0x85ebca6b);
    h = Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const MASK24 = 0xffffff;
const TWO24 = 0x1000000;

/**
 * A keyed bijection on 48-bit integers (4-round Feistel over 24-bit halves). Task IDs carry the
 * scrambled value so they look random yet decode back to the task's position without a lookup table.
 */
export function scramble48(x: number, key: number): number {
  let l = Math.floor(x / TWO24) & MASK24;
  let r = x % TWO24;
  for (let i = 0; i < 4; i++) {
    const nl = r;
    r = (l ^ (hash32(r, key, i) & MASK24)) >>> 0;
    l = nl;
  }
  return l * TWO24 + r;
}

export function unscramble48(y: number, key: number): number {
  let l = Math.floor(y / TWO24) & MASK24;
  let r = y % TWO24;
  for (let i = 3; i >= 0; i--) {
    const pr = l;
    l = (r ^ (hash32(l, key, i) & MASK24)) >>> 0;
    r = pr;
  }
  return l * TWO24 + r;
}

/** Log-normal sample with the given median: the long right tail real processing times have. */
export function logNormal(rand: () => number, median: number, sigma: number): number {
  const u1 = Math.max(rand(), 1e-12);
  const u2 = rand();
  const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  return median * Math.exp(sigma * z);
}

/** Poisson sample; normal approximation above 50, where the exact method gets slow. */
export function poisson(rand: () => number, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda > 50) {
    const u1 = Math.max(rand(), 1e-12);
    const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * rand());
    return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * z));
  }
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rand();
  while (p > limit) {
    k++;
    p *= rand();
  }
  return k;
}

/** Picks an index from cumulative weights (last entry = total). */
export function pickWeighted(rand: () => number, cumulative: readonly number[]): number {
  const x = rand() * cumulative[cumulative.length - 1];
  for (let i = 0; i < cumulative.length; i++) if (x < cumulative[i]) return i;
  return cumulative.length - 1;
}
