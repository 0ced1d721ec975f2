// What every bench page measures of a panel with a virtualized list, the same way each time.
import type { LitElement } from 'lit';

export const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** The panel's scrolling list, once it shows its first row. */
export async function firstRows(el: LitElement): Promise<HTMLElement> {
  const list = () => el.shadowRoot?.querySelector<HTMLElement>('[part="list"]');
  while (!list()?.querySelector('[part~="row"]')) await frame();
  return list()!;
}

/** Frames until `done()` is true; the longest frame meanwhile. */
export async function longestFrameUntil(done: () => boolean): Promise<number> {
  let longest = 0;
  let last = performance.now();
  while (!done()) {
    const now = await frame();
    longest = Math.max(longest, now - last);
    last = now;
  }
  return longest;
}

/** Median time, from a quiet frame, of each change until the panel has filtered and rendered. */
export async function medianChange(el: LitElement, changes: (() => void)[]): Promise<number> {
  const times: number[] = [];
  for (const change of changes) {
    await frame();
    const t0 = performance.now();
    change();
    await el.updateComplete;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

/** Scrolls 400 px a frame for 240 frames; the longest and 95th-percentile frame times. */
export async function scrollFrames(scroller: HTMLElement): Promise<{ max: number; p95: number }> {
  const frames: number[] = [];
  let last = await frame();
  for (let i = 0; i < 240; i++) {
    scroller.scrollTop += 400;
    const now = await frame();
    frames.push(now - last);
    last = now;
  }
  frames.sort((a, b) => a - b);
  return {
    max: frames.at(-1) ?? Number.NaN,
    p95: frames[Math.floor(frames.length * 0.95)] ?? Number.NaN,
  };
}
