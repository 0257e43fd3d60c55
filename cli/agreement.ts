/**
 * `qawl agreement`: how far the project's layers agree (`core/agreement/report.ts`), as a
 * table, as JSON (`--json`: every figure a number, or null where undefined) or as CSV
 * (`--csv FILE`, `core/agreement/table.ts`).
 */
import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { agreementCsv } from "../core/agreement/table.ts";
import type { AgreementReport, ValueAgreement } from "../core/agreement/report.ts";
import { QawlError } from "../core/errors.ts";
import { openProject } from "../main/project.ts";
import {
  annotatorName,
  call,
  describeFsError,
  parseIds,
  parseNames,
  plural,
  withProject,
  type Lines,
  type ProjectOptions,
} from "./common.ts";

const fixed = (x: number | null, digits = 3) => (x === null ? "—" : x.toFixed(digits));

function values(name: string, v: ValueAgreement): string {
  return `${name} ${String(v.agreed)}/${String(v.compared)} (κ ${fixed(v.kappa)})`;
}

/** The report as lines of text: one a label and pair, then quotes and names per pair. */
export function agreementLines(report: AgreementReport): string[] {
  const lines = [
    `layers: ${report.layers.join(", ")} · ${plural(report.documents.length, "document")} annotated by two or more`,
  ];
  if (report.documents.length === 0) return [...lines, "no document was annotated by two of these layers"];
  const header = ["label", "pair", "F1 exact", "F1 overlap", "κ code points", "κ tokens", "α code points", "α tokens"];
  const rows = report.labels.flatMap((l) =>
    l.pairs.map((p) => [
      l.label,
      `${p.a}–${p.b}`,
      fixed(p.exact.f1),
      fixed(p.overlap.f1),
      fixed(p.kappaCodePoints),
      fixed(p.kappaTokens),
      fixed(l.alphaCodePoints),
      fixed(l.alphaTokens),
    ]),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  for (const r of [header, ...rows])
    lines.push(
      r
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join("  ")
        .trimEnd(),
    );
  for (const q of report.quotes) {
    lines.push(
      `quotes ${q.a}–${q.b}: ${String(q.matched)} matched; ${values("type", q.type)}; ${values("cue", q.cue)}; ${values("speaker", q.speaker)}`,
    );
  }
  for (const e of report.entities) {
    lines.push(`names ${e.a}–${e.b}: ${String(e.matched)} matched; ${values("entity", e.entity)}`);
  }
  return lines;
}

/** Add `qawl agreement` to the command tree. */
export function addAgreementCommand(cmd: Command, io: Lines): void {
  withProject(cmd.command("agreement"))
    .description(
      "how far the annotators' layers agree: span F1, Cohen's κ and Krippendorff's α per label, and quotes' type, cue and speaker",
    )
    .option("--documents <ids>", "only these documents (comma-separated ids)", parseIds)
    .option(
      "--layers <names>",
      "only these layers (annotator names, comma-separated; default: all but gold)",
      parseNames,
    )
    .option("--json", "print the report as JSON")
    .option("--csv <file>", "also write every figure to a CSV file")
    .action(
      async (opts: ProjectOptions & { documents?: number[]; layers?: string[]; json?: boolean; csv?: string }) => {
        const project = openProject({
          project: opts.project,
          mustExist: true,
          context: { annotator: annotatorName(opts), client: () => "cli" },
        });
        let report: AgreementReport;
        try {
          report = await call(project, "agreement", {
            ...(opts.documents !== undefined ? { documentIds: opts.documents } : {}),
            ...(opts.layers !== undefined ? { layers: opts.layers } : {}),
          });
        } finally {
          project.store.close();
        }
        if (opts.csv !== undefined) {
          try {
            writeFileSync(opts.csv, agreementCsv(report));
          } catch (e) {
            throw new QawlError("bad_input", `${opts.csv}: cannot write the CSV: ${describeFsError(e)}`);
          }
          io.err(`wrote ${opts.csv}`);
        }
        if (opts.json === true) io.out(JSON.stringify(report, null, 2));
        else for (const line of agreementLines(report)) io.out(line);
      },
    );
}
