// Panels in real Chromium: the audit log over 50,000 entries — first render, a filter change
// (filtered and rendered ≤ 16 ms) and scrolling (no frame over 50 ms). The page is bundled with
// esbuild and loaded with playwright-core; nothing leaves 127.0.0.1.
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, requireChrome } from '../../scripts/chrome.mjs';

const result = await build({
  entryPoints: [new URL('./pages/audit-log.page.ts', import.meta.url).pathname],
  bundle: true,
  format: 'esm',
  write: false,
  minify: true,
  conditions: ['source', 'browser', 'production'],
  tsconfig: new URL('../../tsconfig.base.json', import.meta.url).pathname,
  logLevel: 'error',
});
const browser = await chromium.launch({ executablePath: requireChrome(), args: CHROME_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.setContent('<!doctype html><html lang="fr"><body></body></html>');
  await page.addScriptTag({ content: result.outputFiles[0]!.text, type: 'module' });
  await page.waitForFunction(() => 'bench' in window);
  const figures = await page.evaluate(() =>
    (window as unknown as { bench: (n: number) => Promise<Record<string, number>> }).bench(50_000),
  );
  const rows: [string, number, number][] = [
    [
      'audit log, 50,000 entries: first render',
      figures.firstRender ?? Number.NaN,
      Number.POSITIVE_INFINITY,
    ],
    ['audit log: filter change, median', figures.filterMedian ?? Number.NaN, 16],
    ['audit log: scrolling, longest frame', figures.scrollMaxFrame ?? Number.NaN, 50],
    ['audit log: scrolling, 95th percentile frame', figures.scrollP95Frame ?? Number.NaN, 50],
  ];
  console.log('\nPanels in Chromium (headless, this machine)\n');
  let over = false;
  for (const [name, value, budget] of rows) {
    const verdict = Number.isFinite(budget)
      ? `${value <= budget ? 'within' : 'OVER'} ≤ ${budget} ms`
      : '';
    over ||= value > budget;
    console.log(`${name.padEnd(56)} ${`${value.toFixed(1)} ms`.padStart(10)}  ${verdict}`);
  }
  if (over) process.exitCode = 1;
} finally {
  await browser.close();
}
