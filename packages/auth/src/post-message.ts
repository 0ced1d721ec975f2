// The token handoff for a panel in an iframe: the panel asks its parent window for the token by
// postMessage, and both sides check the other's origin.
import type { TokenProvider } from '@dsp-kit/fhir';

/** Sent by the iframe to its parent. */
export interface TokenRequestMessage {
  type: 'dsp-kit:token-request';
  /** Matches the answer to the question. */
  id: string;
}

/** Sent by the parent back to the asking iframe: a token (`null`: none) or an error message. */
export type TokenResponseMessage =
  | { type: 'dsp-kit:token-response'; id: string; token: string | null }
  | { type: 'dsp-kit:token-response'; id: string; error: string };

/** A window one can post to (Window's own type has overloads a test double cannot match). */
export interface MessageTarget {
  postMessage(message: unknown, targetOrigin: string): void;
}

/** The few window features the handoff uses, so it can be tested without a browser. */
export interface MessageWindow {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

export interface PostMessageTokenOptions {
  /** The parent page's exact origin (`https://intranet.example`); `*` is refused. */
  parentOrigin: string;
  /** Milliseconds to wait for the parent's answer. Default 10,000. */
  timeoutMs?: number;
  /** For tests: the iframe's window. Default `window`. */
  window?: MessageWindow & { parent: MessageTarget | null };
}

function exactOrigin(value: unknown, setting: string, caller: string): string {
  if (typeof value !== 'string' || value === '*' || value.trim() === '') {
    throw new TypeError(
      `${caller}: \`${setting}\` must be an exact origin such as "https://host.example"`,
    );
  }
  let origin: string;
  try {
    origin = new URL(value).origin;
  } catch {
    throw new TypeError(`${caller}: \`${setting}\` must be an exact origin, got "${value}"`);
  }
  if (origin === 'null' || origin !== value.replace(/\/$/, '')) {
    throw new TypeError(
      `${caller}: \`${setting}\` must be an origin (scheme, host, port; no path), got "${value}"`,
    );
  }
  return origin;
}

function isResponse(data: unknown): data is TokenResponseMessage {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as Record<string, unknown>;
  return (
    message.type === 'dsp-kit:token-response' &&
    typeof message.id === 'string' &&
    (typeof message.error === 'string' ||
      typeof message.token === 'string' ||
      message.token === null)
  );
}

let counter = 0;

/**
 * In an iframe: asks the parent window (which must run `answerTokenRequests`) for the token before
 * each request. Answers from any other origin or window are ignored.
 */
export function postMessageTokenProvider(options: PostMessageTokenOptions): TokenProvider {
  const caller = 'postMessageTokenProvider';
  if (typeof options !== 'object' || (options as unknown) === null) {
    throw new TypeError(`${caller} needs { parentOrigin }`);
  }
  const parentOrigin = exactOrigin(options.parentOrigin, 'parentOrigin', caller);
  const timeoutMs = options.timeoutMs ?? 10_000;
  if (typeof timeoutMs !== 'number' || !(timeoutMs > 0)) {
    throw new TypeError(`${caller}: \`timeoutMs\` must be a positive number of milliseconds`);
  }
  type FrameWindow = NonNullable<PostMessageTokenOptions['window']>;
  const self: FrameWindow = options.window ?? globalThis;

  return {
    getAccessToken: () =>
      new Promise<string | null>((resolve, reject) => {
        const parent = self.parent;
        if (!parent || parent === (self as unknown)) {
          reject(new Error('postMessageTokenProvider: this page is not in an iframe'));
          return;
        }
        const id = `${Date.now().toString(36)}-${(++counter).toString(36)}-${Math.random().toString(36).slice(2)}`;
        const done = () => {
          clearTimeout(timer);
          self.removeEventListener('message', listen);
        };
        const listen = (event: MessageEvent) => {
          // Only the parent, from its expected origin, may hand over a token.
          if (event.origin !== parentOrigin || event.source !== parent) return;
          if (!isResponse(event.data) || event.data.id !== id) return;
          done();
          if ('error' in event.data)
            reject(new Error(`The parent window gave no token: ${event.data.error}`));
          else resolve(event.data.token);
        };
        const timer = setTimeout(() => {
          done();
          reject(
            new Error(
              `The parent window (${parentOrigin}) did not answer the token request within ${timeoutMs} ms`,
            ),
          );
        }, timeoutMs);
        self.addEventListener('message', listen);
        const request: TokenRequestMessage = { type: 'dsp-kit:token-request', id };
        parent.postMessage(request, parentOrigin);
      }),
  };
}

export interface AnswerTokenRequestsOptions {
  /** Exact origins of the iframes allowed to ask; `*` is refused. */
  childOrigins: string[];
  /** Where the tokens come from (an OIDC provider, the host's callback, …). */
  tokens: TokenProvider;
  /** For tests: the parent's window. Default `window`. */
  window?: MessageWindow;
}

/**
 * In the parent page: answers the token requests of iframes from `childOrigins`, and only to the
 * asking window at its own origin. Returns a function that stops answering.
 */
export function answerTokenRequests(options: AnswerTokenRequestsOptions): () => void {
  const caller = 'answerTokenRequests';
  if (!Array.isArray(options.childOrigins) || options.childOrigins.length === 0) {
    throw new TypeError(`${caller}: \`childOrigins\` must list at least one exact origin`);
  }
  const allowed = new Set(options.childOrigins.map((o) => exactOrigin(o, 'childOrigins', caller)));
  if (typeof (options.tokens as TokenProvider | undefined)?.getAccessToken !== 'function') {
    throw new TypeError(`${caller}: \`tokens\` must be a TokenProvider`);
  }
  const { tokens } = options;
  const self: MessageWindow = options.window ?? globalThis;
  const listen = (event: MessageEvent) => {
    if (!allowed.has(event.origin) || !event.source) return;
    const data = event.data as Partial<TokenRequestMessage> | null;
    if (data?.type !== 'dsp-kit:token-request' || typeof data.id !== 'string') return;
    const { id } = data;
    const source = event.source as MessageTarget;
    const reply = (message: TokenResponseMessage) => {
      source.postMessage(message, event.origin);
    };
    tokens.getAccessToken().then(
      (token) => reply({ type: 'dsp-kit:token-response', id, token }),
      (error: unknown) =>
        reply({
          type: 'dsp-kit:token-response',
          id,
          error: error instanceof Error ? error.message : String(error),
        }),
    );
  };
  self.addEventListener('message', listen);
  return () => self.removeEventListener('message', listen);
}
