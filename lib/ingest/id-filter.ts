/**
 * A Bloom filter over "org\0id" keys: `mightContain` is false only for keys never added. The
 * ingest writer asks it first and queries ClickHouse only for the keys it might contain (about 1%
 * of new events plus the real retries), which turns the per-flush id check from a scan of every
 * stored id into a primary-key lookup of a few. Pure: no I/O.
 */
export class IdFilter {
  private readonly bits: Uint32Array;
  private readonly mask: number;
  private added = 0;

  /** Sized for `capacity` keys at about 1% false positives (10 bits and 7 probes per key). */
  constructor(readonly capacity: number) {
    const wanted = Math.max(1 << 20, capacity * 10);
    let size = 1 << 20;
    while (size < wanted) size *= 2;
    this.bits = new Uint32Array(size / 32);
    this.mask = size - 1;
  }

  get count(): number {
    return this.added;
  }

  /** Past its capacity the false-positive rate climbs (only costing lookups, never correctness). */
  get overfull(): boolean {
    return this.added > this.capacity;
  }

  /** Idempotent: adding a key twice counts it once (up to false positives). */
  add(key: string): void {
    const [h1, h2] = hashes(key);
    let fresh = false;
    for (let i = 0; i < PROBES; i++) {
      const bit = (h1 + Math.imul(i, h2)) & this.mask;
      const word = bit >>> 5;
      const m = 1 << (bit & 31);
      if ((this.bits[word] & m) === 0) {
        fresh = true;
        this.bits[word] |= m;
      }
    }
    if (fresh) this.added++;
  }

  mightContain(key: string): boolean {
    const [h1, h2] = hashes(key);
    for (let i = 0; i < PROBES; i++) {
      const bit = (h1 + Math.imul(i, h2)) & this.mask;
      if ((this.bits[bit >>> 5] & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}

const PROBES = 7;
const pair: [number, number] = [0, 0];

/** Two independent 32-bit FNV-1a-style hashes (double hashing gives the 7 probes). */
function hashes(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  a ^= a >>> 16;
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 13;
  b = Math.imul(b ^ (b >>> 16), 0xc2b2ae35);
  pair[0] = a >>> 0;
  pair[1] = (b | 1) >>> 0; // odd, so the probes cycle through the whole table
  return pair;
}
