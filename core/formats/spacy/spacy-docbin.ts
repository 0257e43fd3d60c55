/**
 * spaCy's binary `.spacy` file (a `DocBin`, https://spacy.io/api/docbin), written as spaCy
 * 3.x's `spacy/tokens/_serialize.py` `DocBin.to_bytes` writes it: zlib-compressed msgpack of
 * `{"version": "0.1", "attrs", "tokens", "spaces", "lengths", "strings", "cats", "flags",
 * "span_groups", "user_data"}`, where
 *
 * - `attrs` are the attribute ids of the token columns: ORTH 65, ENT_IOB 77, ENT_TYPE 78,
 *   ENT_KB_ID 452 (`spacy/attrs.pxd`);
 * - `tokens` is a C-order uint64 array (little-endian), one row a token, one column an
 *   attribute; strings are held as their `StringStore` hashes (`murmurhash64a.ts`), and
 *   ENT_IOB counts as in `Token.iob_strings()`: 1 I, 2 O, 3 B;
 * - `spaces` one byte a token (numpy bool), `lengths` int32 tokens per document;
 * - `strings` every string the hashes stand for, sorted by code point;
 * - `span_groups` one entry a document: a msgpack list of span groups (the layout
 *   `SpanGroups.from_bytes` reads as its first version), each `SpanGroup.to_bytes` —
 *   msgpack `{"name", "attrs", "spans"}`, each span `struct.pack(">QQQllll", id, kb_id,
 *   label, start, end, start_char, end_char)` (tokens and code points);
 * - `user_data` one msgpack map a document, which `DocBin.get_docs` puts into
 *   `Doc.user_data` (msgpack arrays come back as tuples).
 */
import { encode } from "@msgpack/msgpack";
import { zlibSync } from "fflate";
import { codePointLength } from "../../text/offsets.ts";
import { spacyHash } from "./murmurhash64a.ts";

const ORTH = 65;
const ENT_IOB = 77;
const ENT_TYPE = 78;
const ENT_KB_ID = 452;
const IOB_I = 1n;
const IOB_O = 2n;
const IOB_B = 3n;

/** A span of a DocBin document, in code points, end-exclusive. */
export interface DocBinSpan {
  start: number;
  end: number;
  label: string;
  /** The span's `kb_id_` (empty: none). */
  kbId: string;
  /** The span's `id_` (empty: none). */
  id: string;
}

/** One document: spaCy words and spaces (`spacy-words.ts`), its entities and span groups. */
export interface DocBinDoc {
  words: readonly string[];
  spaces: readonly boolean[];
  /** Code point offset of each word. */
  starts: readonly number[];
  /** `Doc.ents`: flat, non-overlapping, on word boundaries. */
  ents: readonly DocBinSpan[];
  /** `Doc.spans[name]`, every span on word boundaries. */
  spanGroups: Readonly<Record<string, readonly DocBinSpan[]>>;
  /** Goes into `Doc.user_data` (msgpack-encodable: no undefined, no BigInt). */
  userData: Record<string, unknown>;
}

/**
 * Write documents as a `.spacy` DocBin.
 * @throws Error when a span does not start and end on word boundaries (a bug of the caller)
 */
export function writeDocBin(docs: readonly DocBinDoc[]): Uint8Array {
  const strings = new Set<string>([""]);
  const hash = (s: string): bigint => {
    strings.add(s);
    return spacyHash(s);
  };
  const rows: bigint[] = [];
  const spaces: number[] = [];
  const lengths: number[] = [];
  const groups: Uint8Array[] = [];
  for (const doc of docs) {
    const n = doc.words.length;
    const first = new Map<number, number>();
    const after = new Map<number, number>();
    doc.words.forEach((w, i) => {
      const start = doc.starts[i] ?? 0;
      first.set(start, i);
      after.set(start + codePointLength(w), i + 1);
    });
    const tokens = (s: DocBinSpan): [number, number] => {
      const a = first.get(s.start);
      const b = after.get(s.end);
      if (a === undefined || b === undefined || b <= a)
        throw new Error(`span ${String(s.start)}-${String(s.end)} is not on word boundaries`);
      return [a, b];
    };
    const iob = new Array<bigint>(n).fill(IOB_O);
    const type = new Array<bigint>(n).fill(0n);
    const kb = new Array<bigint>(n).fill(0n);
    for (const e of doc.ents) {
      const [a, b] = tokens(e);
      for (let i = a; i < b; i++) {
        iob[i] = i === a ? IOB_B : IOB_I;
        type[i] = hash(e.label);
        kb[i] = hash(e.kbId);
      }
    }
    doc.words.forEach((w, i) => {
      rows.push(hash(w), iob[i] ?? IOB_O, type[i] ?? 0n, kb[i] ?? 0n);
      spaces.push(doc.spaces[i] === true ? 1 : 0);
    });
    lengths.push(n);
    const list = Object.entries(doc.spanGroups).map(([name, spans]) =>
      encode({
        name,
        attrs: {},
        spans: spans.map((s) => {
          const [a, b] = tokens(s);
          const bytes = new Uint8Array(40);
          const v = new DataView(bytes.buffer);
          v.setBigUint64(0, hash(s.id), false);
          v.setBigUint64(8, hash(s.kbId), false);
          v.setBigUint64(16, hash(s.label), false);
          v.setInt32(24, a, false);
          v.setInt32(28, b, false);
          v.setInt32(32, s.start, false);
          v.setInt32(36, s.end, false);
          return bytes;
        }),
      }),
    );
    groups.push(encode(list));
  }
  const tokenBytes = new Uint8Array(rows.length * 8);
  const tv = new DataView(tokenBytes.buffer);
  rows.forEach((r, i) => {
    tv.setBigUint64(i * 8, r, true);
  });
  const lengthBytes = new Uint8Array(lengths.length * 4);
  const lv = new DataView(lengthBytes.buffer);
  lengths.forEach((l, i) => {
    lv.setInt32(i * 4, l, true);
  });
  const msg = {
    version: "0.1",
    attrs: [ORTH, ENT_IOB, ENT_TYPE, ENT_KB_ID],
    tokens: tokenBytes,
    spaces: Uint8Array.from(spaces),
    lengths: lengthBytes,
    strings: [...strings].sort(byCodePoint),
    cats: docs.map(() => ({})),
    flags: docs.map(() => ({ has_unknown_spaces: false })),
    span_groups: groups,
    user_data: docs.map((d) => encode(d.userData)),
  };
  return zlibSync(encode(msg));
}

/** Python's string order: by code point (JavaScript's `<` compares UTF-16 units). */
function byCodePoint(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const c = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0);
    if (c !== 0) return c;
  }
  return x.length - y.length;
}
