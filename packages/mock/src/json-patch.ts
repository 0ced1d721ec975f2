// JSON Patch (RFC 6902) applied to a copy of a resource: add, remove, replace, move, copy and
// test, with JSON Pointers (RFC 6901); a fault is a 422 naming the operation (a failed test a
// 409), and nothing is applied.
import { FhirFailure } from './fhir-http.js';

type Json = unknown;
type Container = Record<string, Json> | Json[];

/** Where an operation is, as a FHIRPath-like location of the request body. */
const at = (index: number, member?: string) => `Patch[${index}]${member ? `.${member}` : ''}`;

function fault(index: number, text: string, member?: string): FhirFailure {
  return FhirFailure.of(
    422,
    'invalid',
    `JSON Patch operation ${index}: ${text}`,
    at(index, member),
  );
}

/** The reference tokens of a JSON Pointer ("" is the whole document). */
function tokens(pointer: unknown, index: number, member: string): string[] {
  if (typeof pointer !== 'string' || (pointer !== '' && !pointer.startsWith('/'))) {
    throw fault(index, `"${member}" must be a JSON Pointer such as "/status"`, member);
  }
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((token) => {
      if (/~[^01]|~$/.test(token)) throw fault(index, `bad escape in "${pointer}"`, member);
      return token.replace(/~1/g, '/').replace(/~0/g, '~');
    });
}

function isContainer(value: Json): value is Container {
  return typeof value === 'object' && value !== null;
}

function isRecord(value: Json): value is Record<string, Json> {
  return isContainer(value) && !Array.isArray(value);
}

/** The array index a token names; `-` (past the end) only where adding. */
function arrayIndex(array: Json[], token: string, adding: boolean, index: number): number {
  if (adding && token === '-') return array.length;
  if (!/^(0|[1-9]\d*)$/.test(token)) throw fault(index, `"${token}" is not an array index`, 'path');
  const position = Number(token);
  if (position > array.length || (!adding && position === array.length)) {
    throw fault(index, `index ${position} is out of bounds`, 'path');
  }
  return position;
}

/** The parent container of the location and the last token, the parent required to exist. */
function parentOf(document: Json, path: string[], index: number): [Container, string] {
  let node = document;
  for (const token of path.slice(0, -1)) {
    if (Array.isArray(node)) node = node[arrayIndex(node, token, false, index)];
    else if (isRecord(node) && Object.hasOwn(node, token)) node = node[token];
    else throw fault(index, `"/${path.join('/')}" does not exist`, 'path');
  }
  if (!isContainer(node)) throw fault(index, `"/${path.join('/')}" does not exist`, 'path');
  return [node, path[path.length - 1] ?? ''];
}

function get(document: Json, path: string[], index: number, member = 'path'): Json {
  let node = document;
  for (const token of path) {
    if (Array.isArray(node)) node = node[arrayIndex(node, token, false, index)];
    else if (isRecord(node) && Object.hasOwn(node, token)) node = node[token];
    else throw fault(index, `"/${path.join('/')}" does not exist`, member);
  }
  return node;
}

function add(document: Json, path: string[], value: Json, index: number): Json {
  if (path.length === 0) return value;
  const [parent, last] = parentOf(document, path, index);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, last, true, index), 0, value);
  else parent[last] = value;
  return document;
}

function remove(document: Json, path: string[], index: number): Json {
  if (path.length === 0) throw fault(index, 'the whole resource cannot be removed', 'path');
  const [parent, last] = parentOf(document, path, index);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, last, false, index), 1);
  else if (Object.hasOwn(parent, last)) Reflect.deleteProperty(parent, last);
  else throw fault(index, `"/${path.join('/')}" does not exist`, 'path');
  return document;
}

/** Deep equality of JSON values (RFC 6902 §4.6: object members in any order). */
function equal(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => equal(item, b[i]))
    );
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => Object.hasOwn(b, key) && equal(a[key], b[key]))
  );
}

/**
 * `target` with `patch` applied, `target` left untouched. A patch that is not an array of
 * operations, an unknown `op`, a missing member, a path that does not exist or a failed `test`
 * is a 422: the whole patch fails, as RFC 6902 §5 says.
 */
export function applyJsonPatch<T>(target: T, patch: unknown): T {
  if (!Array.isArray(patch)) {
    throw FhirFailure.of(422, 'invalid', 'A JSON Patch is an array of operations', 'Patch');
  }
  let document: Json = structuredClone(target);
  patch.forEach((operation: unknown, index) => {
    if (!isContainer(operation) || Array.isArray(operation)) {
      throw fault(index, 'an operation is an object');
    }
    const op = operation.op;
    const path = tokens(operation.path, index, 'path');
    const value = () => {
      if (!Object.hasOwn(operation, 'value')) throw fault(index, `"${String(op)}" needs a value`);
      return structuredClone(operation.value);
    };
    switch (op) {
      case 'add':
        document = add(document, path, value(), index);
        break;
      case 'remove':
        document = remove(document, path, index);
        break;
      case 'replace':
        get(document, path, index);
        document = add(remove(document, path, index), path, value(), index);
        break;
      case 'move':
      case 'copy': {
        const from = tokens(operation.from, index, 'from');
        if (op === 'move' && path.join('/').startsWith(from.join('/')) && path.length > from.length)
          throw fault(index, 'a value cannot move into itself', 'from');
        const moved = structuredClone(get(document, from, index, 'from'));
        if (op === 'move') document = remove(document, from, index);
        document = add(document, path, moved, index);
        break;
      }
      case 'test':
        // A failed test is the resource's state, not the patch's fault (RFC 5789 §2.2: 409).
        if (!equal(get(document, path, index), value())) {
          throw FhirFailure.of(
            409,
            'conflict',
            `JSON Patch operation ${index}: the test of "${String(operation.path)}" failed`,
            at(index, 'value'),
          );
        }
        break;
      default:
        throw fault(index, `unknown op "${String(op)}"`, 'op');
    }
  });
  return document as T;
}
