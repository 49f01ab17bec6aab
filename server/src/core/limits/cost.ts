import {
  getNamedType,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  Kind,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from '../relay/connection';

/**
 * The platform's query cost: a number known before any resolver runs, charged against the
 * per-request ceiling and the caller's points per minute.
 *
 * - A field that returns an object (a relation, a page, a statistic) costs 1; a scalar costs 0,
 *   unless it takes arguments (computed per call, such as `complianceRate(weekOf:)`) or is a
 *   connection's `totalCount` (a count query). The plumbing of connections (`edges`, `node`,
 *   `pageInfo`) is free. A field may set its own cost with `@Extensions({ cost: n })`.
 * - A field with a `first` argument multiplies the cost of its selection by `first` (its default
 *   when absent), whether `first` is a literal or a variable; `nodes(ids:)` by the number of ids.
 * - Introspection's `__schema` and `__type` cost a flat `INTROSPECTION_COST`.
 *
 * graphql-armor's cost limit multiplies by `first` only for literal integers, so a variable
 * `$first` would pass unpriced; this model is written here for that reason (README, "Query cost").
 * Each fragment's cost is computed once per operation and reused at every spread, so the work is
 * linear in the document even when fragments spread one another many times over (the sum itself
 * may grow past any limit, and is then refused).
 */
export const INTROSPECTION_COST = 50;

export interface CostOptions {
  /** What a missing `first` stands for. */
  defaultPageSize?: number;
}

export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | null | undefined,
  options: CostOptions = {},
): number {
  const defaultPageSize = options.defaultPageSize ?? DEFAULT_PAGE_SIZE;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const fragmentCosts = new Map<string, number>();
  const vars = variables ?? {};

  const argumentValue = (field: GraphQLField<unknown, unknown>, node: FieldNode, name: string): unknown => {
    const definition = field.args.find((a) => a.name === name);
    if (!definition) return undefined;
    const given = node.arguments?.find((a) => a.name.value === name);
    if (!given) return definition.defaultValue;
    if (given.value.kind === Kind.VARIABLE) return vars[given.value.name.value];
    return valueFromAST(given.value, definition.type, vars);
  };

  const multiplierOf = (field: GraphQLField<unknown, unknown>, node: FieldNode): number => {
    if (field.args.some((a) => a.name === 'first')) {
      const first = argumentValue(field, node, 'first');
      return typeof first === 'number' && Number.isFinite(first) && first >= 0 ? first : defaultPageSize;
    }
    if (field.args.some((a) => a.name === 'ids')) {
      const ids = argumentValue(field, node, 'ids');
      return Array.isArray(ids) ? ids.length : 1;
    }
    return 1;
  };

  const ownCostOf = (field: GraphQLField<unknown, unknown>, parent: GraphQLCompositeType): number => {
    const declared = field.extensions?.cost;
    if (typeof declared === 'number') return declared;
    if (isConnectionPlumbing(parent)) return field.name === 'totalCount' ? 1 : 0;
    if (isCompositeType(getNamedType(field.type))) return 1;
    return field.args.length > 0 ? 1 : 0;
  };

  const selectionCost = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name === '__typename') continue;
        if (name === '__schema' || name === '__type') {
          total += INTROSPECTION_COST;
          continue;
        }
        const field = fieldOf(parent, name);
        if (!field) continue; // validation has already refused unknown fields
        const own = ownCostOf(field, parent);
        const child = selection.selectionSet
          ? selectionCost(selection.selectionSet, getNamedType(field.type) as GraphQLCompositeType)
          : 0;
        total += own + multiplierOf(field, selection) * child;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typed = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        total += selectionCost(selection.selectionSet, (typed ?? parent) as GraphQLCompositeType);
      } else {
        total += fragmentCost(selection.name.value);
      }
    }
    return total;
  };

  const fragmentCost = (name: string): number => {
    const known = fragmentCosts.get(name);
    if (known !== undefined) return known;
    fragmentCosts.set(name, 0); // a cycle (refused by validation) costs nothing rather than looping
    const fragment = fragments.get(name);
    const type = fragment && schema.getType(fragment.typeCondition.name.value);
    const cost = fragment && type ? selectionCost(fragment.selectionSet, type as GraphQLCompositeType) : 0;
    fragmentCosts.set(name, cost);
    return cost;
  };

  const root =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  return root ? selectionCost(operation.selectionSet, root) : 0;
}

function fieldOf(parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

/** `XConnection`, `XEdge` and `PageInfo` only carry a page; what they hold is priced on its own. */
function isConnectionPlumbing(type: GraphQLCompositeType): boolean {
  return type.name === 'PageInfo' || /(Connection|Edge)$/.test(type.name);
}
