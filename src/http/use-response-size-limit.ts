/**
 * Caps the size of an answer: counted as it is built (schema/response-size.ts), which stops
 * the operation once past the limit; an answer that comes near the limit is measured as JSON.
 * Past the limit, the answer is one RESPONSE_TOO_LARGE error instead.
 */
import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ResponseBudget } from '../schema/response-size.js';

export function useResponseSizeLimit(maxBytes: number): Plugin<{ response?: ResponseBudget }> {
  return {
    onExecute({ extendContext }) {
      const budget = new ResponseBudget(maxBytes);
      extendContext({ response: budget });
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return; // no streamed answers here
          let measured: number | undefined;
          if (!budget.exceeded && budget.bytes > maxBytes / 2) {
            measured = Buffer.byteLength(JSON.stringify(result as ExecutionResult));
            if (measured <= maxBytes) return;
          } else if (!budget.exceeded) {
            return;
          }
          setResult({ data: null, errors: [budget.error(measured)] });
        },
      };
    },
  };
}
