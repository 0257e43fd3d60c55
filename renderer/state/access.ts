/**
 * What the page offers the person: on a team server, only the actions their role may take
 * (core/team.ts), so that no control is shown only to be refused; everything elsewhere.
 */
import type { ProjectInfo } from "../../core/contract.ts";
import type { OperationName } from "../../core/operation-names.ts";
import { mayCall } from "../../core/team.ts";

/** Whether the page offers the action that calls `operation` (true before the project is known). */
export function mayUse(project: ProjectInfo | null | undefined, operation: OperationName): boolean {
  return project?.role == null || mayCall(project.role, operation);
}
