/**
 * Write transactions and who makes them: every write of the store runs in `transaction`,
 * which collects the objects it touched (`ChangeCollector`) and, at commit, appends one
 * record to the change log (db/change-log.ts) by the current actor.
 */
import type { ChangedType } from "../core/change-feed.ts";
import { ChangeCollector, appendChange } from "./change-log.ts";
import type { Connection } from "./connection.ts";
import type { Prepare } from "./statements.ts";

/** Who the next writes are by. */
export interface Actor {
  annotator: string;
  /** A browser tab's id, `desktop`, `cli`, or `local`. */
  client: string;
}

/** The write transactions of one connection. */
export class WriteTransactions {
  readonly #db: Connection;
  readonly #q: Prepare;
  /** What the write transaction under way touched (null outside a transaction). */
  #feed: ChangeCollector | null = null;
  #actor: Actor = { annotator: "unknown", client: "local" };

  constructor(db: Connection, q: Prepare) {
    this.#db = db;
    this.#q = q;
  }

  /** Who the following writes are by. */
  get actor(): Actor {
    return this.#actor;
  }

  set actor(actor: Actor) {
    this.#actor = actor;
  }

  /** Whether a write transaction is under way. */
  get active(): boolean {
    return this.#feed !== null;
  }

  /**
   * Run `fn` in one transaction: all of its writes land, or none. A transaction that
   * created, updated or deleted anything appends one record to the change log (one
   * revision), by the current actor; nested calls join the outer transaction.
   */
  run<T>(fn: () => T): T {
    if (this.#feed !== null) return this.#db.transaction(fn);
    return this.#db.transaction(() => {
      const feed = new ChangeCollector();
      this.#feed = feed;
      try {
        const result = fn();
        if (feed.size > 0) {
          appendChange(this.#q, new Date().toISOString(), this.#actor.annotator, this.#actor.client, feed.list());
        }
        return result;
      } finally {
        this.#feed = null;
      }
    });
  }

  /** Note an object a write touched, for the change log (outside a transaction, or `type` null: nothing). */
  note(kind: "created" | "updated" | "deleted", type: ChangedType | null, id: number): void {
    if (type !== null) this.#feed?.note(kind, type, id);
  }
}
