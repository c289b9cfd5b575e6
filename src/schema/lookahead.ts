/**
 * Reading ahead in a query: which fields a selection asks for below the current one (through
 * inline fragments and fragment spreads) and with which arguments, so that a resolver can fetch
 * in one query what the fields below it will need.
 */
import {
  getArgumentValues,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';

/** Some fields of a query, and the query's fragments (a resolver's `info` is one). */
export interface Selection {
  fieldNodes: readonly FieldNode[];
  fragments: Record<string, FragmentDefinitionNode>;
}

/** The fields selected directly under these fields, through inline fragments and spreads. */
function selectedFields(selection: Selection): FieldNode[] {
  const found: FieldNode[] = [];
  const visit = (set: SelectionSetNode | undefined) => {
    for (const item of set?.selections ?? []) {
      if (item.kind === Kind.FIELD) found.push(item);
      else if (item.kind === Kind.INLINE_FRAGMENT) visit(item.selectionSet);
      else visit(selection.fragments[item.name.value]?.selectionSet);
    }
  };
  for (const node of selection.fieldNodes) visit(node.selectionSet);
  return found;
}

/** The fields named `name` selected directly under these fields. */
export const childFields = (selection: Selection, name: string) =>
  selectedFields(selection).filter((field) => field.name.value === name);

export const selects = (selection: Selection, name: string) =>
  childFields(selection, name).length > 0;

/**
 * What a resolver above read because the selection asks for it: missing means the read-ahead
 * missed a way of selecting the field (a bug, never bad input).
 */
export function readAhead<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`${what} was not read ahead`);
  return value;
}

/** The fields at a path of names below these fields, e.g. `edges`, `node`, `relations`. */
export function descendantFields(selection: Selection, path: readonly string[]): FieldNode[] {
  let nodes: readonly FieldNode[] = selection.fieldNodes;
  for (const name of path)
    nodes = childFields({ fieldNodes: nodes, fragments: selection.fragments }, name);
  return [...nodes];
}

/** A field's arguments as its resolver will get them (variables and defaults applied). */
export function argumentsOf(
  info: GraphQLResolveInfo,
  typeName: string,
  node: FieldNode,
): Record<string, unknown> {
  const type = info.schema.getType(typeName) as GraphQLObjectType | GraphQLInterfaceType;
  return getArgumentValues(type.getFields()[node.name.value]!, node, info.variableValues);
}

/** Whether the fields selected under these fields (through fragments) are all among `names`. */
export const selectsOnly = (selection: Selection, names: ReadonlySet<string>) =>
  selectedFields(selection).every((field) => names.has(field.name.value));
