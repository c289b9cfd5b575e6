/**
 * Gives the client's argument mistakes found before execution the same shape as those found by
 * resolvers: code BAD_USER_INPUT and the argument's name. graphql-js reports a literal of the
 * wrong type (`kinds: [SPACESHIP]`, `from: "2023-02-30"`) as a validation failure that names no
 * argument, and a variable of the wrong type with no code at all.
 */
import { GraphQLError, visit, type ASTNode, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const LITERAL_MISTAKE =
  /^(Value .* does not exist in ".*" enum|Value is not a valid|Expected value of type|Int cannot represent|Float cannot represent|String cannot represent|Boolean cannot represent|Enum ".*" cannot represent|Expected type)/;

export function useArgumentErrors(): Plugin {
  return {
    onValidate:
      ({ params }) =>
      ({ result, setResult }) => {
        if (result.length === 0) return;
        const argumentAt = argumentLocator(params.documentAST);
        setResult(
          result.map((error) => {
            const name = LITERAL_MISTAKE.test(error.message)
              ? argumentAt(error.nodes?.[0])
              : undefined;
            return name === undefined
              ? error
              : new GraphQLError(`Argument "${name}": ${error.message}`, {
                  nodes: error.nodes,
                  extensions: { code: 'BAD_USER_INPUT', argumentName: name },
                });
          }),
        );
      },
    onExecute: () => ({
      onExecuteDone: ({ result }) => {
        for (const error of ('errors' in result ? result.errors : undefined) ?? []) {
          const variable = /^Variable "\$(\w+)"/.exec(error.message)?.[1];
          if (variable && !error.extensions?.code) {
            Object.assign(error.extensions, { code: 'BAD_USER_INPUT', variableName: variable });
          }
        }
      },
    }),
  };
}

/** Finds the argument whose value holds a node, by source position. */
function argumentLocator(document: DocumentNode) {
  const spans: { name: string; start: number; end: number }[] = [];
  visit(document, {
    Argument(node) {
      if (node.loc) spans.push({ name: node.name.value, start: node.loc.start, end: node.loc.end });
    },
  });
  return (node: ASTNode | undefined): string | undefined => {
    const at = node?.loc?.start;
    if (at === undefined) return undefined;
    // The innermost argument: nested arguments start later.
    return spans
      .filter((span) => span.start <= at && at < span.end)
      .sort((a, b) => b.start - a.start)[0]?.name;
  };
}
