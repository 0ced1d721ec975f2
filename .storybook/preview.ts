// Every story gets a DspClient on the mock server, started once in msw's service worker, and the
// failure scenario it names (none by default).
import { DspClient } from '@dsp-kit/fhir';
import type { ScenarioName } from '@dsp-kit/mock';
import { startSandbox, type Sandbox } from '@dsp-kit/mock/browser';
import type { Preview } from '@storybook/web-components-vite';

let sandbox: Promise<Sandbox> | undefined;

const preview: Preview = {
  loaders: [
    async ({ parameters }) => {
      sandbox ??= startSandbox();
      const running = await sandbox;
      running.clearScenario();
      const scenario = (parameters as { scenario?: ScenarioName }).scenario;
      if (scenario) running.useScenario(scenario);
      return { client: new DspClient({ baseUrl: running.server.baseUrl }) };
    },
  ],
};

export default preview;
