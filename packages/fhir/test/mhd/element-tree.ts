// A StructureDefinition's snapshot as a tree: each element with its child elements and its slices,
// found from the element ids (`Bundle.entry:SubmissionSet.request.method`).
import type { ElementDefinition, StructureDefinition } from '@medplum/fhirtypes';

export interface ElementNode {
  element: ElementDefinition;
  /** The element's name in its parent (`value[x]`), or the slice's name for a slice. */
  name: string;
  children: ElementNode[];
  slices: ElementNode[];
}

const trees = new WeakMap<StructureDefinition, ElementNode>();

/** The root of `sd`'s snapshot, built once per StructureDefinition. */
export function elementTree(sd: StructureDefinition): ElementNode {
  const known = trees.get(sd);
  if (known) return known;
  const [first, ...rest] = sd.snapshot?.element ?? [];
  if (!first) throw new Error(`${sd.url} has no snapshot`);
  const root: ElementNode = { element: first, name: first.id ?? '', children: [], slices: [] };
  const nodes = new Map([[root.name, root]]);
  for (const element of rest) {
    const id = element.id ?? '';
    // The last separator says what the element is to its parent: '.' a child, ':' a slice.
    const at = Math.max(id.lastIndexOf('.'), id.lastIndexOf(':'));
    const parent = nodes.get(id.slice(0, at));
    if (!parent) throw new Error(`${id} comes before its parent in ${sd.url}`);
    const node: ElementNode = { element, name: id.slice(at + 1), children: [], slices: [] };
    (id[at] === ':' ? parent.slices : parent.children).push(node);
    nodes.set(id, node);
  }
  trees.set(sd, root);
  return root;
}

/** The node `path` (`request.method`, `$this`) below `node`, through children only. */
export function descendant(node: ElementNode, path: string): ElementNode | undefined {
  if (path === '$this') return node;
  let current: ElementNode | undefined = node;
  for (const name of path.split('.')) {
    current = current?.children.find((child) => child.name === name);
  }
  return current;
}
