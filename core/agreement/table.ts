/**
 * The agreement report as rows, one figure a row, for the CSV (RFC 4180, UTF-8 with a BOM,
 * CR LF, as the quotes table), the CLI's text and the Agreement view. `layer_b` is empty for
 * α, which is over all layers; `value` is empty where a figure is undefined.
 */
import { stringify } from "csv-stringify/sync";
import type { AgreementReport, ValueAgreement } from "./report.ts";

/** The figures a row can hold, in the order rows are written. */
export const AGREEMENT_MEASURES = [
  "f1_exact",
  "f1_overlap",
  "kappa_codepoints",
  "kappa_tokens",
  "alpha_codepoints",
  "alpha_tokens",
  "quote_type_agreement",
  "quote_type_kappa",
  "quote_cue_agreement",
  "quote_cue_kappa",
  "quote_speaker_agreement",
  "quote_speaker_kappa",
  "entity_link_agreement",
  "entity_link_kappa",
] as const;

/** One figure. */
export interface AgreementRow {
  measure: (typeof AGREEMENT_MEASURES)[number];
  /** Label name; empty for quote and entity-link figures (over all quote or name labels). */
  label: string;
  layer_a: string;
  /** Empty for α (all layers). */
  layer_b: string;
  value: number | null;
  /** Items behind the figure: spans of both layers (F1), matched items compared (type, cue, speaker, entity), or documents (κ, α). */
  n: number;
}

/** Every figure of the report as a row. */
export function agreementRows(report: AgreementReport): AgreementRow[] {
  const rows: AgreementRow[] = [];
  const all = report.layers.join("+");
  for (const l of report.labels) {
    for (const p of l.pairs) {
      const base = { label: l.label, layer_a: p.a, layer_b: p.b };
      rows.push({ ...base, measure: "f1_exact", value: p.exact.f1, n: p.exact.first + p.exact.second });
      rows.push({ ...base, measure: "f1_overlap", value: p.overlap.f1, n: p.overlap.first + p.overlap.second });
      rows.push({ ...base, measure: "kappa_codepoints", value: p.kappaCodePoints, n: p.documents });
      rows.push({ ...base, measure: "kappa_tokens", value: p.kappaTokens, n: p.documents });
    }
    const n = report.documents.length;
    rows.push({ measure: "alpha_codepoints", label: l.label, layer_a: all, layer_b: "", value: l.alphaCodePoints, n });
    rows.push({ measure: "alpha_tokens", label: l.label, layer_a: all, layer_b: "", value: l.alphaTokens, n });
  }
  const values = (
    a: string,
    b: string,
    v: ValueAgreement,
    measures: readonly [AgreementRow["measure"], AgreementRow["measure"]],
  ): AgreementRow[] => [
    { measure: measures[0], label: "", layer_a: a, layer_b: b, value: v.observed, n: v.compared },
    { measure: measures[1], label: "", layer_a: a, layer_b: b, value: v.kappa, n: v.compared },
  ];
  for (const q of report.quotes) {
    rows.push(...values(q.a, q.b, q.type, ["quote_type_agreement", "quote_type_kappa"]));
    rows.push(...values(q.a, q.b, q.cue, ["quote_cue_agreement", "quote_cue_kappa"]));
    rows.push(...values(q.a, q.b, q.speaker, ["quote_speaker_agreement", "quote_speaker_kappa"]));
  }
  for (const e of report.entities) {
    rows.push(...values(e.a, e.b, e.entity, ["entity_link_agreement", "entity_link_kappa"]));
  }
  const order = new Map(AGREEMENT_MEASURES.map((m, i) => [m, i]));
  return rows.sort((x, y) => (order.get(x.measure) ?? 0) - (order.get(y.measure) ?? 0));
}

/** The report's rows as CSV: columns measure, label, layer_a, layer_b, value, n. */
export function agreementCsv(report: AgreementReport): string {
  return stringify(
    agreementRows(report).map((r) => ({ ...r, value: r.value === null ? "" : String(r.value) })),
    {
      header: true,
      columns: ["measure", "label", "layer_a", "layer_b", "value", "n"],
      bom: true,
      record_delimiter: "\r\n",
      quoted_match: /[\r\n]/,
    },
  );
}
