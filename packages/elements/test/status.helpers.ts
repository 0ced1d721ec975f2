// Shared by the status tests: a client per fixture user that counts its requests, with or without
// that user's cache database.
import { staticTokenProvider } from '@dsp-kit/auth';
import { DspClient, type ReadCache } from '@dsp-kit/fhir';
import { mockToken } from '@dsp-kit/mock';
import type { Sandbox } from '@dsp-kit/mock/browser';

export interface CountingClient {
  readonly client: DspClient;
  /** Every request sent, as `METHOD path?query` after the base. */
  readonly sent: string[];
}

export function countingClient(sandbox: Sandbox, user: string, cache?: ReadCache): CountingClient {
  const sent: string[] = [];
  const base = sandbox.server.baseUrl;
  const client = new DspClient({
    baseUrl: base,
    tokens: staticTokenProvider(mockToken(user)),
    retry: false,
    ...(cache ? { cache } : {}),
    fetch: (input, init) => {
      const request = new Request(input, init);
      sent.push(`${request.method} ${request.url.slice(base.length)}`);
      return fetch(request);
    },
  });
  return { client, sent };
}

export function part(el: Element, name: string): HTMLElement | null {
  return el.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;
}
