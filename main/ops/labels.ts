/**
 * The project's label schema, editable: add a label; rename it, recolour it, change its
 * key, retire it (a retired label keeps its spans and is no longer offered), or bring it
 * back. Keys stay unique among the labels in use.
 */
import type { LabelView, OperationTable } from "../../core/contract.ts";
import { namedRef } from "../../core/change-message.ts";
import { QawlError } from "../../core/errors.ts";
import type { LabelDefinition } from "../../core/labels.ts";
import type { Ops } from "./context.ts";

/** `getProject`, `createLabel`, `updateLabel`. */
export function labelOperations(ops: Ops): Pick<OperationTable, "getProject" | "createLabel" | "updateLabel"> {
  function labelViews(): LabelView[] {
    const usage = ops.store.labelUsage();
    return ops.store.labels().map(({ id, ...label }) => ({ ...label, spanCount: usage.get(id) ?? 0 }));
  }

  function viewOf(name: string): LabelView {
    const label = labelViews().find((l) => l.name === name);
    if (label === undefined) throw new QawlError("not_found", `label "${name}" does not exist`);
    return label;
  }

  /** Refuse a name or key another label already has. */
  function checkUnique(label: LabelDefinition, selfId: number | null): void {
    for (const other of ops.store.labels()) {
      if (other.id === selfId) continue;
      if (other.name === label.name) {
        throw new QawlError("conflict", `there is already a label called ${label.name}`, {
          kind: "label.name_taken",
          name: label.name,
        });
      }
      if (label.key !== null && !label.retired && !other.retired && other.key === label.key) {
        throw new QawlError("conflict", `key ${label.key} already applies ${other.displayName}`, {
          kind: "label.key_taken",
          key: label.key,
          label: namedRef(other),
        });
      }
    }
  }

  return {
    getProject() {
      return {
        path: ops.store.path,
        annotator: ops.annotator,
        role: ops.access()?.role ?? null,
        layers: ops.store.layerNames(),
        labels: labelViews(),
        relationTypes: ops.store.relationTypes().map(({ id: _id, ...type }) => type),
      };
    },

    createLabel({ name, kind, displayName, key, color }) {
      const label: LabelDefinition = {
        name,
        kind,
        displayName,
        key,
        color,
        attributes: kind === "quote" ? [{ name: "type", values: ["direct", "indirect", "mixed"] }] : [],
        retired: false,
      };
      checkUnique(label, null);
      ops.change({ kind: "label.add", label: { name, displayName } }, null, () => ops.store.insertLabel(label));
      return viewOf(name);
    },

    updateLabel({ name, newName, displayName, key, color, retired }) {
      const current = ops.label(name);
      const { id, ...definition } = current;
      const next: LabelDefinition = {
        ...definition,
        name: newName ?? current.name,
        displayName: displayName ?? current.displayName,
        key: key === undefined ? current.key : key,
        color: color ?? current.color,
        retired: retired ?? current.retired,
      };
      checkUnique(next, id);
      const kind =
        retired === true && !current.retired
          ? "label.retire"
          : retired === false && current.retired
            ? "label.restore"
            : "label.edit";
      ops.change({ kind, label: namedRef(current) }, null, () => {
        ops.store.updateLabel(id, next);
      });
      return viewOf(next.name);
    },
  };
}
