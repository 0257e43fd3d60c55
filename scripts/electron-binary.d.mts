/** Absolute path of the Electron binary, or null when it was not installed. */
export function electronBinary(): string | null;
