/**
 * The sandboxed preload (bundled to CommonJS by esbuild): exposes one named function per
 * operation and a change subscription on `window.qawl` — never `ipcRenderer` itself.
 */
import { contextBridge, ipcRenderer } from "electron";
import { OPERATION_NAMES } from "../../core/operation-names.ts";

const bridge: Record<string, unknown> = {};
for (const name of OPERATION_NAMES) {
  bridge[name] = (input: unknown): Promise<unknown> => ipcRenderer.invoke(`qawl:${name}`, input);
}
bridge["onProjectChanged"] = (listener: () => void): void => {
  ipcRenderer.on("qawl:project-changed", () => {
    listener();
  });
};

bridge["onProgress"] = (listener: (progress: unknown) => void): void => {
  ipcRenderer.on("qawl:progress", (_event, progress: unknown) => {
    listener(progress);
  });
};

contextBridge.exposeInMainWorld("qawl", bridge);
