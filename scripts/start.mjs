// `npm start`: launch the desktop app on the freshly built code, or say in one line why it
// cannot (Electron's binary is missing when installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1).
import { spawn } from "node:child_process";
import { electronBinary } from "./electron-binary.mjs";

const binary = electronBinary();
if (binary === null) {
  console.error(
    "qawl: Electron's binary is not installed (skipped with ELECTRON_SKIP_BINARY_DOWNLOAD=1, or GitHub was out of reach);" +
      " run `npx qawl serve` to use Qawl in a browser, or reinstall with access to GitHub.",
  );
  process.exit(1);
}
const child = spawn(binary, [".", ...process.argv.slice(2)], { stdio: "inherit" });
child.on("exit", (code) => process.exit(code ?? 0));
