// Serves msw's service worker script at the site root, as `mockServiceWorker.js`, from the msw
// package itself, so it always matches the installed msw version.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const MSW_WORKER_NAME = 'mockServiceWorker.js';
export const mswWorkerPath = require.resolve(`msw/${MSW_WORKER_NAME}`);

/** A Vite plugin: the worker in `vite` (dev), `vite preview` and `vite build` output alike. */
export function mswWorker() {
  return {
    name: 'dsp-kit:msw-worker',
    configureServer(server) {
      server.middlewares.use(serve);
    },
    configurePreviewServer(server) {
      server.middlewares.use(serve);
    },
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: MSW_WORKER_NAME,
        source: readFileSync(mswWorkerPath),
      });
    },
  };
}

/** Connect-style middleware answering `…/mockServiceWorker.js`. */
function serve(req, res, next) {
  if (req.url?.split('?')[0]?.endsWith(`/${MSW_WORKER_NAME}`)) {
    res.setHeader('Content-Type', 'text/javascript');
    res.setHeader('Service-Worker-Allowed', '/');
    res.end(readFileSync(mswWorkerPath));
    return;
  }
  next();
}

/** A @web/dev-server middleware (Koa-style) answering `/mockServiceWorker.js`. */
export async function mswWorkerKoa(context, next) {
  if (context.path === `/${MSW_WORKER_NAME}`) {
    context.type = 'text/javascript';
    context.body = readFileSync(mswWorkerPath, 'utf8');
    return;
  }
  await next();
}
