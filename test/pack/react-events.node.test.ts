// @dsp-kit/react against @dsp-kit/elements' manifest: a wrapper for every element, and on each
// wrapper an `on…` prop for every event its element fires, named after the event.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createManifest } from '../../scripts/manifest.mjs';
import { generate, stale } from '../../scripts/react-wrappers.mjs';

const reactSrc = fileURLToPath(new URL('../../packages/react/src/', import.meta.url));

interface Manifest {
  modules: { declarations?: { tagName?: string; events?: { name: string }[] }[] }[];
}

/** `onDocumentSelect` → `dsp-document-select`: what each prop of events.ts listens to. */
function eventNames(): Map<string, string> {
  const source = readFileSync(join(reactSrc, 'events.ts'), 'utf8');
  const names = new Map<string, string>();
  for (const match of source.matchAll(/export const (on\w+) =\s*'([a-z-]+)' as EventName/g)) {
    names.set(match[1] ?? '', match[2] ?? '');
  }
  return names;
}

/** Tag → the event names its wrapper's `events` map listens to. */
function wrappers(): Map<string, string[]> {
  const props = eventNames();
  const found = new Map<string, string[]>();
  for (const file of readdirSync(reactSrc)) {
    const source = readFileSync(join(reactSrc, file), 'utf8');
    const tag = /tagName: '([a-z-]+)'/.exec(source)?.[1];
    if (!tag) continue;
    const events = /events: \{([^}]*)\}/.exec(source)?.[1] ?? '';
    found.set(
      tag,
      [...events.matchAll(/on\w+/g)].map(([prop]) => {
        const name = props.get(prop);
        assert.ok(name, `${file}: ${prop} is not an event prop of events.ts`);
        return name;
      }),
    );
  }
  return found;
}

describe('@dsp-kit/react', () => {
  const manifest = createManifest() as Manifest;
  const elements = manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d): d is { tagName: string; events?: { name: string }[] } => Boolean(d.tagName));
  const wrapped = wrappers();

  it('is what `npm run build:react` generates from the manifest', async () => {
    assert.deepEqual(await stale(await generate(manifest)), [], 'run npm run build:react');
  });

  it('names each event prop after its event', () => {
    for (const [prop, name] of eventNames()) {
      const expected = `on${name
        .replace(/^dsp-/, '')
        .replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase())}`;
      assert.equal(prop, expected, `${prop} listens to ${name}`);
    }
  });

  for (const element of elements) {
    it(`wraps <${element.tagName}> with a prop for each event it fires`, () => {
      const listened = wrapped.get(element.tagName);
      assert.ok(listened, `no wrapper of <${element.tagName}> in packages/react/src`);
      assert.deepEqual(
        [...listened].sort(),
        (element.events ?? []).map((e) => e.name).sort(),
        `<${element.tagName}>'s wrapper`,
      );
    });
  }
});
