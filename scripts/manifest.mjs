// `npm run build:manifest` (and @dsp-kit/elements' build): writes the package's Custom Elements
// Manifest (`dist/custom-elements.json`) and VS Code's custom data from its TypeScript sources.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { create, ts } from '@custom-elements-manifest/analyzer';
import { litPlugin } from '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js';
import { generateVsCodeCustomElementData } from 'custom-element-vs-code-integration';

const root = fileURLToPath(new URL('..', import.meta.url));
export const ELEMENTS_DIR = `${root}packages/elements/`;
export const MANIFEST_FILE = 'dist/custom-elements.json';
export const VSCODE_HTML_FILE = 'dist/vscode.html-custom-data.json';
export const VSCODE_CSS_FILE = 'dist/vscode.css-custom-data.json';

/** The published modules: every `.ts` under `src/` but the tests, relative to the package. */
function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(path);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
    })
    .sort();
}

/** `src/a/b.ts` (or `/src/a/b.js`, as the analyzer writes superclass modules) → `dist/a/b.js`. */
export function publishedPath(path) {
  return path.replace(/^\/?src\/(.*)\.[jt]s$/, 'dist/$1.js');
}

/** Rewrites every module path in the manifest, recursively, to the built file users import. */
function toPublished(value) {
  if (Array.isArray(value)) return value.map(toPublished);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        (key === 'path' || key === 'module') && typeof item === 'string'
          ? publishedPath(item)
          : toPublished(item),
      ]),
    );
  }
  return value;
}

/**
 * What the analyzer cannot know by itself in this code base:
 * - tags are registered by `DspX.define('dsp-x')` in `src/define/*.ts` (through
 *   `defineElement`), so those modules get their `custom-element-definition` exports, and the
 *   generic `customElements.define(tag, constructor)` inside `defineElement` is no definition;
 * - events are classes (`new DspErrorEvent(…)`) whose name is their static `type`, so an event
 *   the analyzer found without a name gets it from its class, and merges with the `@fires` entry.
 */
function dspKitPlugin() {
  const definitions = []; // { module, tag, className }
  const eventTypes = new Map(); // class name → event name
  return {
    name: 'dsp-kit',
    collectPhase({ node, ts: tsApi }) {
      const file = node.getSourceFile?.().fileName ?? '';
      if (
        tsApi.isCallExpression(node) &&
        file.startsWith('src/define/') &&
        tsApi.isPropertyAccessExpression(node.expression) &&
        node.expression.name.text === 'define' &&
        tsApi.isIdentifier(node.expression.expression) &&
        node.arguments.length === 1 &&
        tsApi.isStringLiteral(node.arguments[0])
      ) {
        definitions.push({
          module: file,
          tag: node.arguments[0].text,
          className: node.expression.expression.text,
        });
      }
      if (tsApi.isClassDeclaration(node) && node.name) {
        for (const member of node.members) {
          const isStatic = member.modifiers?.some((m) => m.kind === tsApi.SyntaxKind.StaticKeyword);
          if (
            isStatic &&
            tsApi.isPropertyDeclaration(member) &&
            member.name.getText() === 'type' &&
            member.initializer &&
            tsApi.isStringLiteral(member.initializer)
          ) {
            eventTypes.set(node.name.text, member.initializer.text);
          }
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        module.exports = (module.exports ?? []).filter(
          (e) => e.kind !== 'custom-element-definition' || e.declaration.name !== 'constructor',
        );
        for (const { module: path, tag, className } of definitions.filter(
          (d) => d.module === module.path,
        )) {
          // The class's own module, from the define module's re-export of it.
          const declaration = customElementsManifest.modules
            .flatMap((m) => (m.declarations ?? []).map((d) => ({ d, path: m.path })))
            .find(({ d }) => d.name === className && d.tagName === tag);
          if (!declaration) {
            throw new Error(`${path}: ${className} is not a class with @tag ${tag}`);
          }
          module.exports.push({
            kind: 'custom-element-definition',
            name: tag,
            declaration: { name: className, module: declaration.path },
          });
        }
        for (const declaration of module.declarations ?? []) {
          if (!declaration.events) continue;
          const byName = new Map();
          for (const event of declaration.events) {
            const name = event.name ?? eventTypes.get(event.type?.text ?? '');
            if (!name) throw new Error(`${declaration.name}: an event without a name`);
            byName.set(name, { ...byName.get(name), ...event, name });
          }
          // Every event gets its class as its type (the `@fires` docs give only the name), so tools
          // and the React wrappers (scripts/react-wrappers.mjs) know what a listener receives.
          const classOf = new Map([...eventTypes].map(([className, name]) => [name, className]));
          declaration.events = [...byName.values()].map((event) =>
            event.type || !classOf.has(event.name)
              ? event
              : { ...event, type: { text: classOf.get(event.name) } },
          );
        }
      }
    },
  };
}

/**
 * Analyzes @dsp-kit/elements' sources and returns the manifest, with module paths pointing at
 * the built files (`dist/…js`). Writes nothing.
 */
export function createManifest(packageDir = ELEMENTS_DIR) {
  const modules = sourceFiles(`${packageDir}src`).map((file) => {
    const name = relative(packageDir, file);
    return ts.createSourceFile(name, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  });
  const manifest = create({ modules, plugins: [...litPlugin(), dspKitPlugin()], context: {} });
  return toPublished(manifest);
}

/**
 * Writes the manifest and VS Code's HTML and CSS custom data into `outDir` (default: the
 * package's `dist/`, where `customElements` in its package.json points).
 */
export function writeManifest(packageDir = ELEMENTS_DIR, outDir = `${packageDir}dist`) {
  const manifest = createManifest(packageDir);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, basename(MANIFEST_FILE)), `${JSON.stringify(manifest, null, 2)}\n`);
  generateVsCodeCustomElementData(manifest, {
    outdir: outDir,
    htmlFileName: basename(VSCODE_HTML_FILE),
    cssFileName: basename(VSCODE_CSS_FILE),
    descriptionSrc: 'summary',
    hideLogs: true,
  });
  return manifest;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const manifest = writeManifest();
  const tags = manifest.modules.flatMap((m) =>
    (m.exports ?? []).filter((e) => e.kind === 'custom-element-definition').map((e) => e.name),
  );
  console.log(
    `packages/elements/${MANIFEST_FILE}: ${tags.length} elements (${tags.join(', ')}); VS Code data beside it`,
  );
}
