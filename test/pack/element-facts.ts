// Run by manifest.node.test.ts in a child process (Lit's decorators need the elements' tsconfig):
// registers every define module under Lit's Node build and prints, as JSON, what each tag really
// observes and the name of every event class the package exports.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const defineDir = fileURLToPath(new URL('../../packages/elements/src/define/', import.meta.url));

export interface ElementFacts {
  /** Tag → the registered class's name and its observed attributes. */
  elements: Record<string, { className: string; attributes: string[] }>;
  /** Event class name → its event name (the class's static `type`). */
  eventTypes: Record<string, string>;
}

const facts: ElementFacts = { elements: {}, eventTypes: {} };
const files = readdirSync(defineDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
for (const file of files) {
  await import(`${defineDir}${file}`);
}
for (const file of files) {
  const tag = file.replace(/\.ts$/, '');
  const element = customElements.get(tag) as
    (CustomElementConstructor & { observedAttributes: string[] }) | undefined;
  if (!element) throw new Error(`define/${file} registers no <${tag}>`);
  facts.elements[tag] = {
    className: element.name,
    attributes: [...element.observedAttributes].sort(),
  };
}
const api = (await import('../../packages/elements/src/index.js')) as Record<string, unknown>;
for (const [name, value] of Object.entries(api)) {
  if (typeof value === 'function' && value.prototype instanceof Event) {
    const type = (value as { type?: unknown }).type;
    if (typeof type === 'string') facts.eventTypes[name] = type;
  }
}
process.stdout.write(JSON.stringify(facts));
