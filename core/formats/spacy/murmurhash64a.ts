/**
 * MurmurHash64A (Austin Appleby, public domain; `MurmurHash2.cpp` of SMHasher), the hash
 * spaCy's `StringStore` gives every string: `spacy/strings.pyx` `hash_string(s)` is
 * `hash64(s.encode("utf8"), len, 1)`, and murmurhash's `mrmr.pyx` `hash64` calls
 * `MurmurHash64A(key, length, seed)`. The 8-byte blocks are read little-endian, as on the
 * x86-64 and ARM64 machines spaCy runs on. Computed with BigInt, modulo 2^64.
 */
import { SPACY_SYMBOLS } from "./spacy-symbols.ts";

const MASK = (1n << 64n) - 1n;
const M = 0xc6a4a7935bd1e995n;
const R = 47n;

/** MurmurHash64A of `bytes` with `seed`, an unsigned 64-bit integer. */
export function murmurHash64A(bytes: Uint8Array, seed: bigint): bigint {
  const len = bytes.length;
  let h = (seed ^ ((BigInt(len) * M) & MASK)) & MASK;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const blocks = Math.floor(len / 8);
  for (let i = 0; i < blocks; i++) {
    let k = view.getBigUint64(i * 8, true);
    k = (k * M) & MASK;
    k ^= k >> R;
    k = (k * M) & MASK;
    h ^= k;
    h = (h * M) & MASK;
  }
  const tail = blocks * 8;
  const rest = len & 7;
  if (rest > 0) {
    for (let i = rest - 1; i >= 0; i--) h ^= BigInt(bytes[tail + i] ?? 0) << BigInt(8 * i);
    h = (h * M) & MASK;
  }
  h ^= h >> R;
  h = (h * M) & MASK;
  h ^= h >> R;
  return h;
}

const utf8 = new TextEncoder();
const symbols = new Map(SPACY_SYMBOLS.map((s, i) => [s, BigInt(i)]));

/**
 * The id spaCy's `StringStore` gives `text` (`nlp.vocab.strings[text]`, `strings.pyx`
 * `get_string_id`): a fixed symbol's index (`spacy-symbols.ts`: `""` 0, `ORG` 383, `LOC`
 * 385), otherwise MurmurHash64A of its UTF-8 bytes with seed 1.
 */
export function spacyHash(text: string): bigint {
  return symbols.get(text) ?? murmurHash64A(utf8.encode(text), 1n);
}
