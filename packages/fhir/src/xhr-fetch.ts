// A `fetch` made of XMLHttpRequest, for the one thing fetch cannot do: report upload progress.
/** Bytes of the request body sent so far, of `total`. */
export type UploadProgress = (loaded: number, total: number) => void;

/** Whether this environment has XMLHttpRequest (browsers do, Node does not). */
export function hasXhr(): boolean {
  return typeof XMLHttpRequest === 'function';
}

/** Statuses whose Response may carry no body (the Response constructor refuses one). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

function parseHeaders(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    try {
      headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
    } catch {
      // A header value the Headers class refuses is one we would not read anyway.
    }
  }
  return headers;
}

function bodySize(body: BodyInit | null | undefined): number {
  if (body === null || body === undefined) return 0;
  if (typeof body === 'string') return new TextEncoder().encode(body).byteLength;
  if (body instanceof Blob) return body.size;
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return body.byteLength;
  return 0;
}

/**
 * A `fetch` for the transport that sends through XMLHttpRequest and calls `onUploadProgress` as
 * the body goes out. It answers a standard `Response` and fails as fetch does (a `TypeError` on a
 * network error, the signal's reason on abort), so the transport maps it exactly like fetch.
 */
export function xhrFetch(onUploadProgress: UploadProgress): typeof globalThis.fetch {
  return (input, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      const signal = init.signal ?? undefined;
      if (signal?.aborted) {
        reject(signal.reason as Error);
        return;
      }
      const url = input instanceof Request ? input.url : String(input);
      const xhr = new XMLHttpRequest();
      xhr.open(init.method ?? 'GET', url);
      xhr.responseType = 'arraybuffer';
      new Headers(init.headers).forEach((value, name) => {
        xhr.setRequestHeader(name, value);
      });
      const total = bodySize(init.body);
      let reported = -1;
      const report = (loaded: number) => {
        if (loaded <= reported) return;
        reported = loaded;
        onUploadProgress(loaded, total);
      };
      // Upload listeners must be in place before send(), or the browser may skip the events.
      xhr.upload.addEventListener('progress', (event) => {
        report(Math.min(event.loaded, total));
      });
      const onAbort = () => {
        xhr.abort();
      };
      const settle = () => {
        signal?.removeEventListener('abort', onAbort);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      xhr.addEventListener('load', () => {
        settle();
        // An answer means the server had the whole body, even if the last progress event was lost.
        report(total);
        const body = NULL_BODY.has(xhr.status) ? null : (xhr.response as ArrayBuffer | null);
        try {
          resolve(
            new Response(body, {
              status: xhr.status,
              statusText: xhr.statusText,
              headers: parseHeaders(xhr.getAllResponseHeaders()),
            }),
          );
        } catch (error) {
          reject(new TypeError('Unreadable response', { cause: error }));
        }
      });
      xhr.addEventListener('error', () => {
        settle();
        reject(new TypeError('Failed to fetch'));
      });
      xhr.addEventListener('timeout', () => {
        settle();
        reject(new TypeError('Failed to fetch (timeout)'));
      });
      xhr.addEventListener('abort', () => {
        settle();
        reject((signal?.reason as Error | undefined) ?? new DOMException('Aborted', 'AbortError'));
      });
      const body = init.body;
      xhr.send(body === undefined || body === null ? null : (body as XMLHttpRequestBodyInit));
    });
}
