/**
 * A literal `first` past the page cap is the client's mistake, and named as such, before the
 * cost limit (which multiplies by `first`) would call it an expensive query. Variables are
 * checked when the field resolves (schema/paging.ts).
 */
import { Kind, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { MAX_PAGE_SIZE } from '../limits.js';
import { pageSizeError } from '../schema/errors.js';

export function usePageSizeCheck(): Plugin {
  return {
    onValidate({ params, setResult }) {
      let wrong: number | undefined;
      visit(params.documentAST, {
        Argument(node) {
          if (node.name.value !== 'first' || node.value.kind !== Kind.INT) return;
          const first = Number(node.value.value);
          if (first < 0 || first > MAX_PAGE_SIZE) wrong = first;
        },
      });
      if (wrong !== undefined) {
        setResult([pageSizeError(wrong)]);
      }
    },
  };
}
