// Decoding the base64 a FHIR Binary holds, fast enough for a 20 MiB document.

/** The bytes of base64 `data`, or undefined when it is not base64. */
export function decodeBase64(data: string): Uint8Array<ArrayBuffer> | undefined {
  let binary: string;
  try {
    binary = atob(data);
  } catch {
    return undefined;
  }
  // A plain loop: `Uint8Array.from(binary, mapper)` takes seconds on a 20 MiB document.
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
