/**
 * A short stable name for an agent's session or tool use (hex, 26 characters): two 53-bit string hashes with
 * different seeds (cyrb53). Not for secrecy: it only keeps ids short and free of the agent's own wording, and, unlike
 * node:crypto, costs the hook nothing to load (about 10 ms of a hook's start).
 */
export function shortHash(value: string): string {
  return cyrb53(value, 0x9e3779b9).toString(16).padStart(14, '0').slice(-13) + cyrb53(value, 0x85ebca6b).toString(16).padStart(14, '0').slice(-13);
}

function cyrb53(value: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
