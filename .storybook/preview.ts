// Every story gets a DspClient on the mock server, signed in as the fixture user it names
// (Dr Weber by default), with the failure scenario it names (none by default).
import { fixtures, type ScenarioName } from '@dsp-kit/mock';
import type { Preview } from '@storybook/web-components-vite';
import { clientFor, sandbox } from './sandbox.js';

const preview: Preview = {
  loaders: [
    async ({ parameters }) => {
      const running = await sandbox();
      running.clearScenario();
      const { scenario, user } = parameters as { scenario?: ScenarioName; user?: string };
      if (scenario) running.useScenario(scenario);
      return { client: await clientFor(user ?? fixtures.users.weber) };
    },
  ],
};

export default preview;
