// A request to a mock DSP server as a fixture user makes it (a mock token), and its answer read:
// JSON when it is JSON, else the text.
import type { DspServer } from '../src/server.js';

export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

export async function callMock(
  server: DspServer,
  user: string | undefined,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await server.handle(
    new Request(`${server.baseUrl}/${path}`, {
      method,
      headers: {
        Accept: 'application/fhir+json',
        ...(user ? { Authorization: `Bearer mock:${user}` } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // raw content
  }
  return { status: response.status, headers: response.headers, body: parsed };
}
