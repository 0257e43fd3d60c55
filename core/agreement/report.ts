/**
 * The agreement report (docs/guidelines.md, "Agreement"): for every label and every pair of
 * layers, span F1 (exact and overlap) and Cohen's κ on code points and on tokens, with
 * Krippendorff's α (nominal) over all layers; for quotes both layers marked, agreement on
 * the quote's type, its cue and its speaker's entity; for names, on the entity they are
 * linked to. Each label is scored on its own, so nested and overlapping spans all count.
 * A figure that is undefined (no unit, no span) is null, never NaN, so the JSON holds it.
 */
import { cohenKappa, krippendorffAlphaNominal, type Coding } from "./coefficients.ts";
import { exactMatch, overlapMatch, overlapPairs, type SpanScore } from "./span-match.ts";
import { layerUnits, type AnnotatedSpan, type LayeredDocument, type UnitKind } from "./units.ts";

/** A span of a layer, with what the attribute and link figures compare. */
export interface LayerSpan extends AnnotatedSpan {
  id: number;
  /** The label's kind (`quote`, `speaker`, `cue`, `entity`). */
  kind: string;
  attributes: Readonly<Record<string, string>>;
  entityId: number | null;
  /** `text[start:end]` (fragments joined by a space). */
  text: string;
}

/** A relation of a layer: from a quote to its speaker or cue span, or to an entity. */
export interface LayerRelation {
  type: string;
  fromSpanId: number;
  toSpanId: number | null;
  toEntityId: number | null;
}

/** A document and the layers that annotated it (at least one span each). */
export interface AgreementDocument extends LayeredDocument {
  title: string;
}

/** Span F1 as the report gives it: null where a figure is undefined. */
export interface SpanFigures {
  matched: number;
  first: number;
  second: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

/** One label, one pair of layers. */
export interface PairAgreement {
  a: string;
  b: string;
  /** Documents both annotated. */
  documents: number;
  exact: SpanFigures;
  overlap: SpanFigures;
  /** Cohen's κ with every non-whitespace code point as a unit. */
  kappaCodePoints: number | null;
  /** Cohen's κ with every token as a unit (`tokenRanges`). */
  kappaTokens: number | null;
}

/** One label over all layers. */
export interface LabelAgreement {
  label: string;
  kind: string;
  pairs: PairAgreement[];
  /** Krippendorff's α (nominal), code points as units. */
  alphaCodePoints: number | null;
  /** Krippendorff's α (nominal), tokens as units. */
  alphaTokens: number | null;
}

/** Agreement on one value of matched items (a quote's type, cue, speaker; a name's entity). */
export interface ValueAgreement {
  /** Matched items compared. */
  compared: number;
  /** Of them, those with the same value. */
  agreed: number;
  /** agreed / compared. */
  observed: number | null;
  /** Cohen's κ over the compared items. */
  kappa: number | null;
}

/** Quotes both layers of a pair marked (overlap-matched), and what they agree on. */
export interface QuoteAgreement {
  a: string;
  b: string;
  matched: number;
  type: ValueAgreement;
  cue: ValueAgreement;
  /** The speaker's entity (a carried-over speaker's entity, or the speaker span's), else its text. */
  speaker: ValueAgreement;
}

/** Names (and speakers) both layers marked with the same label, and their linked entity. */
export interface EntityLinkAgreement {
  a: string;
  b: string;
  matched: number;
  /** Compared where at least one side is linked. */
  entity: ValueAgreement;
}

/** The whole report. */
export interface AgreementReport {
  /** Layers compared, in order. */
  layers: string[];
  /** Documents two or more of them annotated. */
  documents: { id: number; title: string; layers: string[] }[];
  labels: LabelAgreement[];
  quotes: QuoteAgreement[];
  entities: EntityLinkAgreement[];
}

/** What the report is computed from. */
export interface AgreementInput {
  layers: readonly string[];
  /** Labels in schema order, with their kinds. */
  labels: readonly { name: string; kind: string }[];
  documents: readonly AgreementDocument[];
  spans: readonly LayerSpan[];
  relations: readonly LayerRelation[];
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

function figures(s: SpanScore): SpanFigures {
  return {
    matched: s.matched,
    first: s.first,
    second: s.second,
    precision: finite(s.precision),
    recall: finite(s.recall),
    f1: finite(s.f1),
  };
}

/** Agreement on values of matched items: `values` holds one [a's, b's] pair per item. */
export function valueAgreement(values: readonly (readonly [string, string])[]): ValueAgreement {
  const codings: Coding[] = values.flatMap(([x, y], i) => [
    { annotator: "a", unit: String(i), value: x },
    { annotator: "b", unit: String(i), value: y },
  ]);
  const agreed = values.filter(([x, y]) => x === y).length;
  return {
    compared: values.length,
    agreed,
    observed: values.length === 0 ? null : agreed / values.length,
    kappa: values.length === 0 ? null : finite(cohenKappa(codings, "a", "b")),
  };
}

/** Every pair of layers, in the order given. */
function pairsOf(layers: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  layers.forEach((a, i) => {
    for (const b of layers.slice(i + 1)) out.push([a, b]);
  });
  return out;
}

/**
 * The agreement report of `input` (see the module's comment for what each figure is).
 * Pairs with no document in common are left out.
 */
export function agreementReport(input: AgreementInput): AgreementReport {
  const documents = input.documents
    .map((d) => ({ ...d, layers: d.layers.filter((l) => input.layers.includes(l)) }))
    .filter((d) => d.layers.length >= 2);
  const docIds = new Set(documents.map((d) => d.id));
  const spans = input.spans.filter((s) => docIds.has(s.documentId));
  const byId = new Map(spans.map((s) => [s.id, s]));
  const pairs = pairsOf(input.layers)
    .map(([a, b]) => ({
      a,
      b,
      docs: documents
        .filter((d) => d.layers.includes(a) && d.layers.includes(b))
        .map((d) => ({ ...d, layers: [a, b] })),
    }))
    .filter((p) => p.docs.length > 0);

  const units = (docs: readonly LayeredDocument[], label: string, kind: UnitKind) =>
    layerUnits(docs, spans, label, kind);
  // A label no layer used is left out: its κ and α would be NLTK's 1 (p_e = 1), which reads
  // as perfect agreement on nothing.
  const used = new Set(spans.map((s) => s.label));
  const labels: LabelAgreement[] = input.labels
    .filter(({ name }) => used.has(name))
    .map(({ name, kind }) => {
      const only = (docs: readonly LayeredDocument[]) => {
        const ids = new Set(docs.map((d) => d.id));
        return spans.filter((s) => ids.has(s.documentId));
      };
      return {
        label: name,
        kind,
        pairs: pairs.map(({ a, b, docs }) => ({
          a,
          b,
          documents: docs.length,
          exact: figures(exactMatch(only(docs), name, a, b)),
          overlap: figures(overlapMatch(only(docs), name, a, b)),
          kappaCodePoints: finite(cohenKappa(units(docs, name, "codepoint"), a, b)),
          kappaTokens: finite(cohenKappa(units(docs, name, "token"), a, b)),
        })),
        alphaCodePoints: finite(krippendorffAlphaNominal(units(documents, name, "codepoint"))),
        alphaTokens: finite(krippendorffAlphaNominal(units(documents, name, "token"))),
      };
    });

  const relationFrom = (spanId: number, type: string) =>
    input.relations.find((r) => r.fromSpanId === spanId && r.type === type);
  const cueOf = (quote: LayerSpan): string => {
    const r = relationFrom(quote.id, "cue");
    const cue = r?.toSpanId === null || r === undefined ? undefined : byId.get(r.toSpanId);
    return cue === undefined ? "none" : cue.fragments.map((f) => `${String(f.start)}-${String(f.end)}`).join(",");
  };
  const speakerOf = (quote: LayerSpan): string => {
    const r = relationFrom(quote.id, "attributed_to");
    if (r === undefined) return "none";
    if (r.toEntityId !== null) return `entity:${String(r.toEntityId)}`;
    const speaker = r.toSpanId === null ? undefined : byId.get(r.toSpanId);
    if (speaker === undefined) return "none";
    return speaker.entityId !== null ? `entity:${String(speaker.entityId)}` : `text:${speaker.text}`;
  };
  const matchedOf = (a: string, b: string, docs: readonly LayeredDocument[], keep: (s: LayerSpan) => boolean) => {
    const ids = new Set(docs.map((d) => d.id));
    const out: [LayerSpan, LayerSpan][] = [];
    for (const { name } of input.labels) {
      const first = spans.filter((s) => s.annotator === a && s.label === name && ids.has(s.documentId) && keep(s));
      const second = spans.filter((s) => s.annotator === b && s.label === name && ids.has(s.documentId) && keep(s));
      for (const { i, j } of overlapPairs(first, second)) {
        const x = first[i];
        const y = second[j];
        if (x !== undefined && y !== undefined) out.push([x, y]);
      }
    }
    return out;
  };

  const quotes: QuoteAgreement[] = pairs.map(({ a, b, docs }) => {
    const matched = matchedOf(a, b, docs, (s) => s.kind === "quote");
    return {
      a,
      b,
      matched: matched.length,
      type: valueAgreement(matched.map(([x, y]) => [x.attributes["type"] ?? "none", y.attributes["type"] ?? "none"])),
      cue: valueAgreement(matched.map(([x, y]) => [cueOf(x), cueOf(y)])),
      speaker: valueAgreement(matched.map(([x, y]) => [speakerOf(x), speakerOf(y)])),
    };
  });
  const entityOf = (s: LayerSpan) => (s.entityId === null ? "none" : `entity:${String(s.entityId)}`);
  const entities: EntityLinkAgreement[] = pairs.map(({ a, b, docs }) => {
    const matched = matchedOf(a, b, docs, (s) => s.kind === "entity" || s.kind === "speaker");
    const linked = matched.filter(([x, y]) => x.entityId !== null || y.entityId !== null);
    return {
      a,
      b,
      matched: matched.length,
      entity: valueAgreement(linked.map(([x, y]) => [entityOf(x), entityOf(y)])),
    };
  });

  return {
    layers: [...input.layers],
    documents: documents.map((d) => ({ id: d.id, title: d.title, layers: [...d.layers] })),
    labels,
    quotes,
    entities,
  };
}
