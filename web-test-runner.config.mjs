// Browser tests in real Chromium (Debian's, or CHROME_PATH), TypeScript through esbuild, workspace
// packages from their sources, msw's service worker at the root.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROME_ARGS, requireChrome } from './scripts/chrome.mjs';
import { mswWorkerKoa } from './scripts/msw-worker.mjs';

const executablePath = requireChrome();

export default {
  files: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', '!**/*.node.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  middleware: [mswWorkerKoa],
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: new URL('./tsconfig.base.json', import.meta.url).pathname,
    }),
  ],
  browsers: [
    chromeLauncher({ launchOptions: { executablePath, headless: true, args: CHROME_ARGS } }),
  ],
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 120000,
};
