// Every story gets a DspClient on the mock server, started once in msw's service worker, signed in
// as the fixture user it names (Dr Weber by default), with the failure scenario it names.
import { staticTokenProvider } from '@dsp-kit/auth';
import { DspClient } from '@dsp-kit/fhir';
import { fixtures, mockToken, type ScenarioName } from '@dsp-kit/mock';
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
      const user = (parameters as { user?: string }).user ?? fixtures.users.weber;
      return {
        client: new DspClient({
          baseUrl: running.server.baseUrl,
          tokens: staticTokenProvider(mockToken(user)),
          retry: false,
        }),
      };
    },
  ],
};

export default preview;
