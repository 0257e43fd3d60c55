/**
 * Scheduling around the browser's frames: work that must not delay the next paint (e.g. the
 * rest of the page after a provisional span was painted, or measuring for the handles).
 */

/**
 * Run `task` once the next frame has been rendered: a task posted from that frame's
 * animation-frame callback runs after its paint (WHATWG HTML, "update the rendering").
 */
export function afterNextPaint(task: () => void): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      task();
    };
    channel.port2.postMessage(null);
  });
}

/** A promise of `afterNextPaint`: resolves once the next frame has been rendered. */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    afterNextPaint(resolve);
  });
}
