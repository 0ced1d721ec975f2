// hash-wasm's SHA-1 alone, loaded with `import()` by hash-core for files larger than one slice:
// importing the package itself dynamically would keep every one of its algorithms.
export { createSHA1 } from 'hash-wasm';
