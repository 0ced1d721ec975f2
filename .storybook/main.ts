// Storybook for the DSP Kit panels: web components on Vite, workspace packages from their sources,
// msw's service worker served beside the preview so stories run on the mock DSP server, and the
// accessibility addon. msw-storybook-addon is used through its loader (`.storybook/preview.ts`):
// listing it here would add its default worker setup, registered at the site root.
import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions, mergeConfig } from 'vite';
import { mswWorker } from '../scripts/msw-worker.mjs';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal: (viteConfig) =>
    mergeConfig(viteConfig, {
      resolve: { conditions: ['source', ...defaultClientConditions] },
      plugins: [mswWorker()],
      // The preview bundles Storybook's own runtime; its size is not the kit's.
      build: { chunkSizeWarningLimit: 2048 },
    }),
};

export default config;
