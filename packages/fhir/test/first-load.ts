// Bundles a page's entry from the sources with esbuild and code splitting, as the size report
// does, and tells which source files its first load holds and which only `import()` loads.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';

const root = fileURLToPath(new URL('../../..', import.meta.url));

export interface FirstLoad {
  /** Source files in the chunks the page loads first (repository-relative). */
  inputs: string[];
  /** Their code, unminified, so function names and table rows can be looked for. */
  code: string;
  /** Source files in chunks only `import()` loads. */
  lazyInputs: string[];
  /** Every source file of the build, the chunks `import()` loads included. */
  allInputs: string[];
}

/** Bundles `entry` (module text, resolved from the repository root) for the browser. */
export async function firstLoad(entry: string): Promise<FirstLoad> {
  const result = await build({
    stdin: { contents: entry, resolveDir: root, loader: 'js' },
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['source', 'browser', 'production'],
    outdir: 'first-load-test-out',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const outputs: Metafile['outputs'] = result.metafile.outputs;
  const [start] = Object.keys(outputs).filter((name) => outputs[name]?.entryPoint === '<stdin>');
  assert.ok(start, 'the entry has an output');
  // The first load is the entry's chunk and every chunk it reaches by static imports.
  const initial = new Set<string>();
  const visit = (name: string) => {
    if (initial.has(name)) return;
    initial.add(name);
    for (const imported of outputs[name]?.imports ?? []) {
      if (imported.kind === 'import-statement') visit(imported.path);
    }
  };
  visit(start);
  const inputsOf = (names: string[]) =>
    names.flatMap((name) => Object.keys(outputs[name]?.inputs ?? {}));
  const chunks = Object.keys(outputs).filter((name) => name.endsWith('.js'));
  return {
    inputs: inputsOf([...initial]),
    code: result.outputFiles
      .filter((file) => [...initial].some((name) => file.path.endsWith(name)))
      .map((file) => file.text)
      .join('\n'),
    lazyInputs: inputsOf(chunks.filter((name) => !initial.has(name))),
    allInputs: Object.keys(result.metafile.inputs),
  };
}
