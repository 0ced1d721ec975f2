import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { staticTokenProvider } from './handoff.js';
import {
  answerTokenRequests,
  postMessageTokenProvider,
  type MessageWindow,
} from './post-message.js';

type Listener = (event: MessageEvent) => void;

/** A window that delivers posted messages to its listeners, as from `source` at `origin`. */
function fakeWindow(origin: string) {
  const listeners = new Set<Listener>();
  const win = {
    origin,
    addEventListener: (_type: 'message', listener: Listener) => listeners.add(listener),
    removeEventListener: (_type: 'message', listener: Listener) => listeners.delete(listener),
    deliver(data: unknown, from: { origin: string; source: unknown }) {
      for (const listener of [...listeners])
        listener({ data, origin: from.origin, source: from.source } as MessageEvent);
    },
    listeners,
  };
  return win satisfies MessageWindow;
}

/** A parent at `parentOrigin` containing a child at `childOrigin`, wired like postMessage. */
function frames(parentOrigin: string, childOrigin: string) {
  const parent = fakeWindow(parentOrigin);
  const child = fakeWindow(childOrigin);
  const sent: { to: string; targetOrigin: string }[] = [];
  const parentHandle = {
    postMessage: (data: unknown, targetOrigin: string) => {
      sent.push({ to: 'parent', targetOrigin });
      if (targetOrigin === parent.origin)
        queueMicrotask(() => parent.deliver(data, { origin: child.origin, source: childHandle }));
    },
  };
  const childHandle = {
    postMessage: (data: unknown, targetOrigin: string) => {
      sent.push({ to: 'child', targetOrigin });
      if (targetOrigin === child.origin)
        queueMicrotask(() => child.deliver(data, { origin: parent.origin, source: parentHandle }));
    },
  };
  return { parent, child: Object.assign(child, { parent: parentHandle }), sent };
}

describe('postMessageTokenProvider and answerTokenRequests', () => {
  it("hands the parent's token to an iframe of an allowed origin", async () => {
    const { parent, child, sent } = frames('https://intranet.example', 'https://panel.example');
    answerTokenRequests({
      childOrigins: ['https://panel.example'],
      tokens: staticTokenProvider('t1'),
      window: parent,
    });
    const tokens = postMessageTokenProvider({
      parentOrigin: 'https://intranet.example',
      window: child,
    });
    assert.equal(await tokens.getAccessToken(), 't1');
    assert.deepEqual(sent, [
      { to: 'parent', targetOrigin: 'https://intranet.example' },
      { to: 'child', targetOrigin: 'https://panel.example' },
    ]);
    assert.equal(child.listeners.size, 0, 'stops listening once answered');
  });

  it('the parent does not answer an origin it does not know', async () => {
    const { parent, child } = frames('https://intranet.example', 'https://evil.example');
    answerTokenRequests({
      childOrigins: ['https://panel.example'],
      tokens: staticTokenProvider('t1'),
      window: parent,
    });
    const tokens = postMessageTokenProvider({
      parentOrigin: 'https://intranet.example',
      timeoutMs: 50,
      window: child,
    });
    await assert.rejects(tokens.getAccessToken(), /did not answer the token request within 50 ms/);
  });

  it('the iframe ignores answers from another origin or window', async () => {
    const child = Object.assign(fakeWindow('https://panel.example'), {
      parent: { postMessage: () => undefined },
    });
    const tokens = postMessageTokenProvider({
      parentOrigin: 'https://intranet.example',
      timeoutMs: 50,
      window: child,
    });
    const pending = tokens.getAccessToken();
    child.deliver(
      { type: 'dsp-kit:token-response', id: 'x', token: 'stolen' },
      { origin: 'https://evil.example', source: child.parent },
    );
    await assert.rejects(pending, /did not answer/);
  });

  it("passes the parent's failure on", async () => {
    const { parent, child } = frames('https://intranet.example', 'https://panel.example');
    const tokens = { getAccessToken: () => Promise.reject(new Error('logged out')) };
    answerTokenRequests({ childOrigins: ['https://panel.example'], tokens, window: parent });
    const provider = postMessageTokenProvider({
      parentOrigin: 'https://intranet.example',
      window: child,
    });
    await assert.rejects(provider.getAccessToken(), /The parent window gave no token: logged out/);
  });

  it('refuses wildcard or malformed origins', () => {
    assert.throws(
      () => postMessageTokenProvider({ parentOrigin: '*' }),
      /`parentOrigin` must be an exact origin/,
    );
    assert.throws(
      () => postMessageTokenProvider({ parentOrigin: 'https://a.example/app' }),
      /no path/,
    );
    assert.throws(
      () => answerTokenRequests({ childOrigins: [], tokens: staticTokenProvider('t') }),
      /`childOrigins` must list at least one/,
    );
  });
});
