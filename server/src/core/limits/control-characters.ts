import { Kind, visit, type ASTNode, type DocumentNode } from 'graphql';
import { badInput, type AppError } from '../errors';

/**
 * Characters no text input may carry: C0 controls other than tab, line feed and carriage return,
 * DEL, and unpaired UTF-16 surrogates. PostgreSQL refuses NUL outright (an internal error before
 * this check existed), and the others would be stored silently altered or invisible.
 */

const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const hasForbiddenCharacter = (text: string) => FORBIDDEN.test(text);

const refusal = (field: string) =>
  badInput(field, `${field} contains a control character (such as NUL) that text inputs may not carry`);

/**
 * Checks every string an operation passes in, in variables and in inline literals alike, and
 * returns the first offender as BAD_USER_INPUT naming its input path ("name", "lines.0.unit"):
 * the variable or argument name is left out, as in graphql-js's coercion errors.
 */
export function findControlCharacters(
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
): AppError | undefined {
  for (const [name, value] of Object.entries(variables ?? {})) {
    const path = offendingPath(value, []);
    if (path) return refusal(path.length ? path.join('.') : name);
  }
  let found: AppError | undefined;
  visit(document, {
    StringValue(node, _key, parent, _path, ancestors) {
      if (found || !hasForbiddenCharacter(node.value)) return;
      // graphql-js leaves the immediate parent out of `ancestors`.
      found = refusal(literalPath([...ancestors, ...(parent ? [parent] : []), node]));
    },
  });
  return found;
}

function offendingPath(value: unknown, path: (string | number)[]): (string | number)[] | undefined {
  if (typeof value === 'string') return hasForbiddenCharacter(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = offendingPath(value[i], [...path, i]);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (hasForbiddenCharacter(key)) return [...path, key];
      const found = offendingPath(inner, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

/** `chain` ends with the literal itself: "lines.0.unit" for a literal inside `input: { lines: [{ unit: "…" }] }`; the argument name alone at top level. */
function literalPath(chain: readonly (ASTNode | readonly ASTNode[])[]): string {
  const parts: string[] = [];
  let argument: string | undefined;
  for (let i = 0; i < chain.length; i++) {
    const node = chain[i];
    if (Array.isArray(node)) continue;
    const ast = node as ASTNode;
    if (ast.kind === Kind.ARGUMENT) {
      argument = ast.name.value;
      parts.length = 0;
    } else if (ast.kind === Kind.VARIABLE_DEFINITION) {
      argument = ast.variable.name.value;
      parts.length = 0;
    } else if (ast.kind === Kind.OBJECT_FIELD) {
      parts.push(ast.name.value);
    } else if (ast.kind === Kind.LIST) {
      const values = chain[i + 1]; // the list's values array; the element on the path follows it
      const element = chain[i + 2];
      if (Array.isArray(values) && element && !Array.isArray(element)) parts.push(String(values.indexOf(element)));
    }
  }
  return parts.length ? parts.join('.') : (argument ?? 'query');
}
