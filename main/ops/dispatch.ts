/**
 * The single entry every host uses: look up an operation by name, validate its input
 * against the contract's schema, run it, and wrap the outcome in a reply envelope.
 * Nothing reaches an operation unvalidated, whatever the transport.
 */
import { mayCall, type Access } from "../../core/team.ts";
import { inputSchemas, type OperationOutputs, type OperationTable, type Reply } from "../../core/contract.ts";
import { QawlError } from "../../core/errors.ts";
import { inputRefusal } from "../../core/input-errors.ts";
import { OPERATION_NAMES, type OperationName } from "../../core/operation-names.ts";

/** Whether `name` is an operation of the contract. */
export function isOperationName(name: unknown): name is OperationName {
  return typeof name === "string" && (OPERATION_NAMES as readonly string[]).includes(name);
}

/**
 * Run operation `name` with an untrusted `input`.
 * @param access who is calling on a team server, whose role must allow the operation
 *   (core/team.ts); null elsewhere
 * @returns `{ok: true, value}` (with `changes` and `history` after a write), or `{ok: false, error: {code, message, detail?}}` with code
 *   `unknown_operation`, `bad_input`, `not_found`, `conflict`, `forbidden` or `internal` (`detail`: the
 *   refusal as data, when it has one); never rejects
 */
export async function dispatch(
  table: OperationTable,
  name: unknown,
  input: unknown,
  access: Access | null = null,
): Promise<Reply<OperationOutputs[OperationName]>> {
  if (!isOperationName(name)) {
    return {
      ok: false,
      error: { code: "unknown_operation", message: `no operation is called ${JSON.stringify(name)}` },
    };
  }
  if (access !== null && !mayCall(access.role, name)) {
    const article = access.role === "annotator" ? "an" : "a";
    return {
      ok: false,
      error: {
        code: "forbidden",
        message: `${access.annotator} is ${article} ${access.role} and may not call ${name}`,
        detail: { kind: "team.role", operation: name, role: access.role },
      },
    };
  }
  // The value is kept in the issue so that a refusal can say how long it is.
  const parsed = inputSchemas[name].safeParse(input, { reportInput: true });
  if (!parsed.success) {
    const { message, detail } = inputRefusal(name, parsed.error.issues[0]);
    return {
      ok: false,
      error: detail === null ? { code: "bad_input", message } : { code: "bad_input", message, detail },
    };
  }
  try {
    const run = table[name] as (
      input: unknown,
    ) => OperationOutputs[OperationName] | Promise<OperationOutputs[OperationName]>;
    // A write's records and this client's undo state ride with its reply (ARCHITECTURE.md §8).
    const before = name === "changesSince" ? null : table.changesSince({ since: 0, limit: 0 }).revision;
    const value = await run(parsed.data);
    if (before === null) return { ok: true, value };
    const { records } = table.changesSince({ since: before });
    if (records.length === 0) return { ok: true, value };
    return { ok: true, value, changes: records, history: table.getHistory({}) };
  } catch (e) {
    if (e instanceof QawlError) {
      const error = { code: e.code, message: e.message };
      return { ok: false, error: e.detail === null ? error : { ...error, detail: e.detail } };
    }
    return { ok: false, error: { code: "internal", message: `${name} failed: ${(e as Error).message}` } };
  }
}
