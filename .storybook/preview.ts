// Every story runs on the mock DSP server through msw-storybook-addon: the worker beside the
// preview page, the story's `parameters.msw.handlers` (the default mock server's, unless the story
// gives others), the failure scenario it names (`parameters.scenario`) and a client signed in as
// the fixture user it names (`parameters.user`, Dr Weber by default) as `loaded.client`.
import type { Preview, StoryContext } from '@storybook/web-components-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { clientFor, mockHandlers, resetServers } from './sandbox.js';
import { storyUser, type StoryParameters } from './story-helpers.js';
import { startWorker } from './worker.js';

const msw = mswLoader(startWorker);

const preview: Preview = {
  parameters: {
    msw: { handlers: { dsp: mockHandlers() } },
    // Violations fail the story in the Accessibility panel (and in any test run of the stories).
    a11y: { test: 'error' },
  },
  loaders: [
    // One loader, so the order holds: Storybook runs the loaders of one level in parallel, and the
    // handlers must be in place before the client exists and the story's own loaders send requests.
    async (context: StoryContext) => {
      const parameters = context.parameters as StoryParameters;
      // Each story starts from the fixtures: what another story wrote or broke is gone.
      resetServers(parameters.scenario);
      await msw(context);
      return { client: clientFor(storyUser(parameters)) };
    },
  ],
};

export default preview;
