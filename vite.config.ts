// The demo sandbox: `npm start` serves demo/ at http://localhost:5173 with the mock in the page;
// `npm run build:demo` writes a static site to demo-dist/ that works from any sub-path.
import { defaultClientConditions, defineConfig } from 'vite';
import { mswWorker } from './scripts/msw-worker.mjs';

export default defineConfig({
  root: 'demo',
  base: './',
  resolve: {
    // Workspace packages from their TypeScript sources: no build step before `npm start`.
    conditions: ['source', ...defaultClientConditions],
  },
  server: { host: 'localhost', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: {
    outDir: '../demo-dist',
    emptyOutDir: true,
    target: 'es2022',
    // The sandbox carries msw and the whole mock server in the page (~270 kB gzip of its 800 kB);
    // the kit's own budgets are measured by `npm run bench`, not here.
    chunkSizeWarningLimit: 1000,
  },
  plugins: [mswWorker()],
});
