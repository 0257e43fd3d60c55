/**
 * A team server's people (ARCHITECTURE.md §12): accounts with roles, their sessions and
 * the documents assigned to them, kept in the project's PostgreSQL database beside the
 * project's tables (`team_*`), through `pg` (asynchronous: this runs on the server's own
 * thread, not in the project's worker).
 *
 * Passwords are hashed with Argon2id (`@node-rs/argon2`, its defaults: RFC 9106's second
 * recommended option, m = 19 MiB, t = 2, p = 1). A session is a random 256-bit value whose
 * SHA-256 is stored, never the value itself; its CSRF value is a second random value the
 * page sends back in a header.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import pg from "pg";
import { QawlError } from "../../core/errors.ts";
import { isGoldLayer } from "../../core/layers.ts";
import { ROLES, type Role } from "../../core/team.ts";

/** How long a session lasts without being used, in milliseconds (12 hours). */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;

/** A person on the team. */
export interface Account {
  name: string;
  role: Role;
}

/** A signed-in session: the cookie's value and the CSRF value the page must send. */
export interface Session {
  token: string;
  csrf: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS team_accounts (
  name TEXT COLLATE "C" PRIMARY KEY,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'curator', 'annotator')),
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS team_sessions (
  token_sha256 TEXT PRIMARY KEY,
  account TEXT COLLATE "C" NOT NULL REFERENCES team_accounts (name) ON DELETE CASCADE,
  csrf TEXT NOT NULL,
  last_used TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS team_assignments (
  account TEXT COLLATE "C" NOT NULL REFERENCES team_accounts (name) ON DELETE CASCADE,
  document_id BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  PRIMARY KEY (account, document_id)
);
`;

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest("hex");

/** Whether two secrets are equal, in constant time. */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = createHash("sha256").update(given, "utf8").digest();
  const b = createHash("sha256").update(expected, "utf8").digest();
  return timingSafeEqual(a, b);
}

/** The accounts, sessions and assignments of one team project. */
export class TeamAccounts {
  readonly #pool: pg.Pool;

  private constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  /**
   * Connect, and make the team's tables when they are missing. The project's own tables
   * must be there first (open the project before).
   * @param url the project's `postgres://` URL
   */
  static async open(url: string): Promise<TeamAccounts> {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    pool.on("error", () => undefined);
    await pool.query(SCHEMA);
    return new TeamAccounts(pool);
  }

  /**
   * Add a person, or change the password and role of one already there.
   * @throws QawlError (`bad_input`) for a name that is not a layer name, a short password or an unknown role
   */
  async setAccount(name: string, password: string, role: string): Promise<void> {
    if (!/^[\p{L}\p{N}_.-]{1,64}$/u.test(name) || isGoldLayer(name)) {
      throw new QawlError(
        "bad_input",
        `account ${JSON.stringify(name)}: a name is 1–64 letters, digits, "_", "." or "-", and not "gold"`,
      );
    }
    if (!(ROLES as readonly string[]).includes(role)) {
      throw new QawlError("bad_input", `role ${JSON.stringify(role)}: choose ${ROLES.join(", ")}`);
    }
    if ([...password].length < 8)
      throw new QawlError("bad_input", `account ${name}: a password has 8 characters or more`);
    const passwordHash = await hash(password);
    await this.#pool.query(
      `INSERT INTO team_accounts (name, password_hash, role) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO UPDATE SET password_hash = excluded.password_hash, role = excluded.role`,
      [name, passwordHash, role],
    );
  }

  /** Every account with the number of documents assigned to it, by name. */
  async accounts(): Promise<(Account & { documents: number })[]> {
    const { rows } = await this.#pool.query<{ name: string; role: Role; documents: string }>(
      `SELECT a.name, a.role, count(d.document_id) AS documents FROM team_accounts a
       LEFT JOIN team_assignments d ON d.account = a.name GROUP BY a.name, a.role ORDER BY a.name`,
    );
    return rows.map((r) => ({ name: r.name, role: r.role, documents: Number(r.documents) }));
  }

  /**
   * Check a name and password; a new session when they match.
   * @returns null when the name is unknown or the password wrong (the same answer for both)
   */
  async signIn(name: string, password: string): Promise<(Session & Account) | null> {
    const { rows } = await this.#pool.query<{ password_hash: string; role: Role }>(
      "SELECT password_hash, role FROM team_accounts WHERE name = $1",
      [name],
    );
    const row = rows[0];
    // An unknown name costs a hash too, so that its answer takes as long as a wrong password's.
    dummyHash ??= hash(randomBytes(16).toString("hex"));
    const ok = await verify(row?.password_hash ?? (await dummyHash), password);
    if (row === undefined || !ok) return null;
    const token = randomBytes(32).toString("base64url");
    const csrf = randomBytes(32).toString("base64url");
    await this.#pool.query("INSERT INTO team_sessions (token_sha256, account, csrf) VALUES ($1, $2, $3)", [
      digest(token),
      name,
      csrf,
    ]);
    return { token, csrf, name, role: row.role };
  }

  /** The account and CSRF value of a session still alive (its idle time restarts), or null. */
  async session(token: string | undefined): Promise<(Account & { csrf: string }) | null> {
    if (token === undefined || token === "") return null;
    const { rows } = await this.#pool.query<{ name: string; role: Role; csrf: string }>(
      `UPDATE team_sessions s SET last_used = now() FROM team_accounts a
       WHERE s.token_sha256 = $1 AND a.name = s.account AND s.last_used > now() - $2 * interval '1 millisecond'
       RETURNING a.name, a.role, s.csrf`,
      [digest(token), SESSION_IDLE_MS],
    );
    return rows[0] ?? null;
  }

  /** End a session. */
  async signOut(token: string): Promise<void> {
    await this.#pool.query("DELETE FROM team_sessions WHERE token_sha256 = $1", [digest(token)]);
  }

  /**
   * Replace every assignment with `assignments`: an account not named has no document
   * afterwards. Only annotators are assigned (curators and admins see every document).
   * @throws QawlError (`bad_input`) naming an account that does not exist or is not an annotator
   */
  async assign(assignments: ReadonlyMap<string, readonly number[]>): Promise<void> {
    const roles = new Map((await this.accounts()).map((a) => [a.name, a.role]));
    for (const name of assignments.keys()) {
      const role = roles.get(name);
      if (role === undefined) {
        throw new QawlError("bad_input", `no account is called ${name} (add it with qawl team add-user)`);
      }
      if (role !== "annotator") {
        const article = role === "admin" ? "an" : "a";
        throw new QawlError("bad_input", `${name} is ${article} ${role}, who sees every document; assign annotators`);
      }
    }
    const client = await this.#pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("DELETE FROM team_assignments");
      for (const [name, documents] of assignments) {
        await client.query("INSERT INTO team_assignments (account, document_id) SELECT $1, unnest($2::bigint[])", [
          name,
          documents,
        ]);
      }
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK");
      throw e;
    } finally {
      client.release();
    }
  }

  /** The documents assigned to an account, in id order. */
  async assigned(name: string): Promise<number[]> {
    const { rows } = await this.#pool.query<{ document_id: string }>(
      "SELECT document_id FROM team_assignments WHERE account = $1 ORDER BY document_id",
      [name],
    );
    return rows.map((r) => Number(r.document_id));
  }

  /** Every document id of the project, in order (for assigning). */
  async documentIds(): Promise<number[]> {
    const { rows } = await this.#pool.query<{ id: string }>("SELECT id FROM documents ORDER BY id");
    return rows.map((r) => Number(r.id));
  }

  /** Close the connections. */
  async close(): Promise<void> {
    await this.#pool.end();
  }
}

/** A hash of no password, verified against when a name is unknown (made on first use). */
let dummyHash: Promise<string> | null = null;
