// The React example: `npx vite examples/react` serves it, `npx vite build examples/react` builds it.
import { defaultClientConditions, defineConfig } from 'vite';

export default defineConfig({
  base: './',
  resolve: {
    // Workspace packages from their TypeScript sources: no `tsc -b` needed first.
    conditions: ['source', ...defaultClientConditions],
  },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
