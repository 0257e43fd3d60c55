/**
 * The project's cue list (`cue_lemmas`), for the quote pre-annotator.
 * Part of the project store (db/project.ts); reads return rows of `db/rows.ts`.
 */
import type { CueLemma } from "../../core/preannotate/cues.ts";
import type { StoreContext } from "../store-context.ts";

/** The project's cue list: reads and writes. */
export class CuesTable {
  readonly #c: StoreContext;

  constructor(c: StoreContext) {
    this.#c = c;
  }

  /** The project's cue lemmas, in list order. */
  cueLemmas(): CueLemma[] {
    const rows = this.#c
      .q("SELECT lemma, kind, forms, participles, introducers FROM cue_lemmas ORDER BY position, id")
      .all() as { lemma: string; kind: CueLemma["kind"]; forms: string; participles: string; introducers: string }[];
    return rows.map((r) => ({
      lemma: r.lemma,
      kind: r.kind,
      forms: JSON.parse(r.forms) as string[],
      participles: JSON.parse(r.participles) as string[],
      introducers: JSON.parse(r.introducers) as string[],
    }));
  }

  /** Replace the cue list (recorded row by row when inside a `change`, so that undo puts the old list back). */
  replaceCueLemmas(lemmas: readonly CueLemma[]): void {
    const ids = this.#c.q("SELECT id FROM cue_lemmas ORDER BY id").all() as { id: number }[];
    const remove = this.#c.q("DELETE FROM cue_lemmas WHERE id = ?");
    for (const { id } of ids) {
      this.#c.track("cue_lemma", id, () => {
        remove.run(id);
        return undefined;
      });
    }
    const insert = this.#c.q(
      "INSERT INTO cue_lemmas (lemma, kind, forms, participles, introducers, position) VALUES (?, ?, ?, ?, ?, ?)",
    );
    lemmas.forEach((c, i) => {
      this.#c.track("cue_lemma", null, () =>
        Number(
          insert.run(
            c.lemma,
            c.kind,
            JSON.stringify(c.forms),
            JSON.stringify(c.participles),
            JSON.stringify(c.introducers),
            i,
          ).lastInsertRowid,
        ),
      );
    });
  }
}
