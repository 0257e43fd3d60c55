/**
 * The one error type the operation table throws on purpose. Hosts turn it into a
 * message for people: the CLI prints `message` on one line, HTTP answers with a status
 * from `code`, IPC returns it in the reply envelope.
 */

/** Why an operation was refused. */
export type QawlErrorCode = "bad_input" | "not_found" | "conflict";

/** A refusal with a one-line, human-readable message that names what was wrong. */
export class QawlError extends Error {
  /** Machine-readable reason. */
  readonly code: QawlErrorCode;

  /**
   * @param code why the operation was refused
   * @param message one line naming the file, line or value and the reason
   */
  constructor(code: QawlErrorCode, message: string) {
    super(message);
    this.name = "QawlError";
    this.code = code;
  }
}
