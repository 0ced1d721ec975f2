// Name-based UUIDs (RFC 9562 version 5) and the OID form of a UUID (ITU-T X.667, arc 2.25): the
// identifiers a submission derives from its own UUIDs, the same on every attempt.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const rotate = (x: number, n: number) => (x << n) | (x >>> (32 - n));

/** The 32-bit big-endian words of `bytes`, padded and with their length, as SHA-1 reads them. */
function sha1Words(bytes: Uint8Array): Uint32Array {
  const words = new Uint32Array((((bytes.length + 8) >> 6) + 1) * 16);
  const put = (i: number, byte: number) => {
    words[i >> 2] = (words[i >> 2] ?? 0) | (byte << (24 - (i % 4) * 8));
  };
  bytes.forEach((byte, i) => put(i, byte));
  put(bytes.length, 0x80);
  words[words.length - 1] = bytes.length * 8;
  return words;
}

/**
 * SHA-1 (FIPS 180-4) of a few bytes, synchronously: version 5 UUIDs are defined on it, and
 * WebCrypto's digest is asynchronous. Only for names, never for content or security.
 */
function sha1(bytes: Uint8Array): Uint8Array {
  const words = sha1Words(bytes);
  const h = Uint32Array.of(0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0);
  const w = new Uint32Array(80);
  const at = (array: Uint32Array, i: number) => array[i] ?? 0;
  for (let block = 0; block < words.length; block += 16) {
    for (let t = 0; t < 80; t++) {
      w[t] =
        t < 16
          ? at(words, block + t)
          : rotate(at(w, t - 3) ^ at(w, t - 8) ^ at(w, t - 14) ^ at(w, t - 16), 1);
    }
    let [a, b, c, d, e] = [at(h, 0), at(h, 1), at(h, 2), at(h, 3), at(h, 4)];
    for (let t = 0; t < 80; t++) {
      const [f, k] =
        t < 20
          ? [(b & c) | (~b & d), 0x5a827999]
          : t < 40
            ? [b ^ c ^ d, 0x6ed9eba1]
            : t < 60
              ? [(b & c) | (b & d) | (c & d), 0x8f1bbcdc]
              : [b ^ c ^ d, 0xca62c1d6];
      const next = (rotate(a, 5) + f + e + k + at(w, t)) >>> 0;
      [e, d, c, b, a] = [d, c, rotate(b, 30) >>> 0, a, next];
    }
    [a, b, c, d, e].forEach((value, i) => (h[i] = at(h, i) + value));
  }
  return Uint8Array.from(
    [...h].flatMap((x) => [x >>> 24, (x >>> 16) & 0xff, (x >>> 8) & 0xff, x & 0xff]),
  );
}

function uuidBytes(uuid: string): Uint8Array {
  if (!UUID.test(uuid)) throw new TypeError(`"${uuid}" is not a UUID`);
  const hex = uuid.replace(/-/g, '');
  return Uint8Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
}

/** The version 5 UUID of `name` in the namespace `namespace` (itself a UUID), lower case. */
export function nameBasedUuid(namespace: string, name: string): string {
  const input = new Uint8Array([...uuidBytes(namespace), ...new TextEncoder().encode(name)]);
  const bytes = sha1(input).slice(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50; // version 5
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // the RFC's variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A UUID as an OID, under the arc ITU-T X.667 gives UUIDs: `2.25.<the UUID as an integer>`. */
export function uuidOid(uuid: string): string {
  const hex = Array.from(uuidBytes(uuid), (b) => b.toString(16).padStart(2, '0')).join('');
  return `2.25.${BigInt(`0x${hex}`).toString()}`;
}
