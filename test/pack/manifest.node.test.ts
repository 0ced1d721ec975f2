// @dsp-kit/elements' Custom Elements Manifest, as `npm run build` writes it, against the code:
// every tag a define module registers, with the attributes the element really observes and the
// events its folder's modules dispatch, each documented, at the module paths users import.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createManifest, writeManifest } from '../../scripts/manifest.mjs';
import type { ElementFacts } from './element-facts.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const elementsDir = join(root, 'packages/elements');
const defineDir = join(elementsDir, 'src/define');

interface Described {
  name: string;
  description?: string;
}
interface Declaration {
  name: string;
  kind: string;
  tagName?: string;
  summary?: string;
  attributes?: Described[];
  events?: Described[];
}
interface Manifest {
  schemaVersion: string;
  modules: {
    path: string;
    declarations?: Declaration[];
    exports?: { kind: string; name: string; declaration: { name: string; module: string } }[];
  }[];
}

/** From each define module: the tag it registers, the class, and the class's source module. */
function defineModules(): { tag: string; file: string; className: string; component: string }[] {
  return readdirSync(defineDir)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => {
      const source = readFileSync(join(defineDir, file), 'utf8');
      const define = /(\w+)\.define\('([a-z0-9-]+)'\)/.exec(source);
      assert.ok(define, `define/${file} calls no X.define('tag')`);
      const [, className = '', tag = ''] = define;
      const from = new RegExp(`import \\{ ${className} \\} from '(\\.\\./[^']+)\\.js'`).exec(
        source,
      );
      assert.ok(from?.[1], `define/${file} does not import ${className}`);
      return { tag, file, className, component: join(defineDir, `${from[1]}.ts`) };
    });
}

/**
 * Event classes constructed by the modules of the component's folder (tests aside), and
 * `DspErrorEvent` where they call `DspElement`'s `reportErrorOnce()`, which dispatches it.
 */
function dispatchedEventClasses(component: string): Set<string> {
  const dir = dirname(component);
  const classes = new Set<string>();
  for (const file of readdirSync(dir)) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts') || file.endsWith('.events.ts')) continue;
    const source = readFileSync(join(dir, file), 'utf8');
    for (const match of source.matchAll(/new (Dsp\w+Event)\(/g)) classes.add(match[1] ?? '');
    if (source.includes('.reportErrorOnce(')) classes.add('DspErrorEvent');
  }
  return classes;
}

/** The tags the templates of the component's folder render (tests and comments aside). */
function renderedTags(component: string): Set<string> {
  const dir = dirname(component);
  const tags = new Set<string>();
  for (const file of readdirSync(dir)) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
    const code = readFileSync(join(dir, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    for (const match of code.matchAll(/<(dsp-[a-z0-9-]+)\s/g)) tags.add(match[1] ?? '');
  }
  return tags;
}

const names = (items: Described[] | undefined) => (items ?? []).map((i) => i.name).sort();

describe('the Custom Elements Manifest of @dsp-kit/elements', () => {
  let manifest: Manifest;
  let facts: ElementFacts;
  const defines = defineModules();

  before(() => {
    manifest = createManifest() as Manifest;
    // Lit's decorators need the elements' tsconfig (experimentalDecorators): a child process.
    facts = JSON.parse(
      execFileSync(
        process.execPath,
        ['--conditions=source', '--import', 'tsx', join(root, 'test/pack/element-facts.ts')],
        {
          cwd: root,
          encoding: 'utf8',
          env: { ...process.env, TSX_TSCONFIG_PATH: join(elementsDir, 'tsconfig.json') },
        },
      ),
    ) as ElementFacts;
  });

  it('finds the define modules it derives its expectations from', () => {
    assert.ok(defines.length >= 7, defines.map((d) => d.tag).join(', '));
    assert.deepEqual(defines.map((d) => d.tag).sort(), Object.keys(facts.elements).sort());
  });

  it('defines each tag in its define module, pointing at the class in dist/', () => {
    for (const { tag, file, className, component } of defines) {
      const module = manifest.modules.find(
        (m) => m.path === `dist/define/${file.replace(/\.ts$/, '.js')}`,
      );
      assert.ok(module, `no module for define/${file}`);
      const definition = module.exports?.find(
        (e) => e.kind === 'custom-element-definition' && e.name === tag,
      );
      const componentPath = component
        .slice(elementsDir.length + 1)
        .replace(/^src\//, 'dist/')
        .replace(/\.ts$/, '.js');
      assert.deepEqual(definition?.declaration, { name: className, module: componentPath });
    }
    const definitions = manifest.modules.flatMap((m) =>
      (m.exports ?? []).filter((e) => e.kind === 'custom-element-definition'),
    );
    assert.equal(definitions.length, defines.length, 'no definition but the define modules');
  });

  for (const { tag, className, component } of defineModules()) {
    describe(`<${tag}>`, () => {
      const declaration = () => {
        const found = manifest.modules
          .flatMap((m) => m.declarations ?? [])
          .find((d) => d.tagName === tag);
        assert.ok(found, `no declaration with tagName ${tag}`);
        return found;
      };

      it('is the registered class, with a summary', () => {
        assert.equal(declaration().name, className);
        assert.equal(facts.elements[tag]?.className, className);
        assert.ok(declaration().summary, `${className} has no @summary`);
      });

      it('lists exactly the attributes the element observes, each described', () => {
        assert.deepEqual(names(declaration().attributes), facts.elements[tag]?.attributes);
        for (const attribute of declaration().attributes ?? []) {
          // `lang` is HTML's own global attribute, described by HTML.
          if (attribute.name === 'lang') continue;
          assert.ok(attribute.description, `${tag}[${attribute.name}] has no description`);
        }
      });

      it('lists the events it dispatches, may list those of elements it renders, each described by @fires', () => {
        const types = (from: string) =>
          [...dispatchedEventClasses(from)].map((name) => {
            const type = facts.eventTypes[name];
            assert.ok(type, `${name} is not an exported event class with a static type`);
            return type;
          });
        const dispatched = new Set(types(component));
        // The kit's events bubble and are composed: those of an element it renders (the viewer's
        // uploader) leave it too, and its @fires may say so.
        const rendered = renderedTags(component);
        const bubbling = new Set(
          defines
            .filter((d) => d.tag !== tag && rendered.has(d.tag))
            .flatMap((d) => types(d.component)),
        );
        const listed = names(declaration().events);
        assert.deepEqual(
          listed.filter((name) => dispatched.has(name)),
          [...dispatched].sort(),
        );
        assert.deepEqual(
          listed.filter((name) => !dispatched.has(name) && !bubbling.has(name)),
          [],
          'listed, fired by neither the element nor one it renders',
        );
        for (const event of declaration().events ?? []) {
          assert.ok(event.description, `${tag}'s ${event.name} has no @fires description`);
        }
      });
    });
  }

  it('is written where the package says, with VS Code data made from it', () => {
    const pkg = JSON.parse(readFileSync(join(elementsDir, 'package.json'), 'utf8')) as {
      customElements?: string;
    };
    assert.equal(pkg.customElements, 'dist/custom-elements.json');
    const out = mkdtempSync(join(tmpdir(), 'dsp-kit-manifest-'));
    let written: { tags: { name: string; attributes: { name: string }[] }[] };
    try {
      writeManifest(`${elementsDir}/`, out);
      assert.deepEqual(
        JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8')),
        manifest,
      );
      written = JSON.parse(
        readFileSync(join(out, 'vscode.html-custom-data.json'), 'utf8'),
      ) as typeof written;
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
    for (const { tag } of defines) {
      const entry = written.tags.find((t) => t.name === tag);
      assert.ok(entry, `VS Code data lacks <${tag}>`);
      assert.deepEqual(
        entry.attributes.map((a) => a.name).sort(),
        facts.elements[tag]?.attributes,
        `VS Code data for <${tag}>`,
      );
    }
  });
});
