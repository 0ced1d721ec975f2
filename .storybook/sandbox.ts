// The mock DSP server every story runs on: started once, in msw's service worker, and a client
// signed in as any fixture user.
import { staticTokenProvider } from '@dsp-kit/auth';
import { DspClient } from '@dsp-kit/fhir';
import { mockToken } from '@dsp-kit/mock';
import { startSandbox, type Sandbox } from '@dsp-kit/mock/browser';

let running: Promise<Sandbox> | undefined;

export function sandbox(): Promise<Sandbox> {
  running ??= startSandbox();
  return running;
}

export async function clientFor(user: string): Promise<DspClient> {
  const { server } = await sandbox();
  return new DspClient({
    baseUrl: server.baseUrl,
    tokens: staticTokenProvider(mockToken(user)),
    retry: false,
  });
}
