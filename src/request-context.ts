/** What is known about the request being served, wherever its work has got to (logs, errors). */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContext {
  /** Also sent to the client, as the X-Request-Id header and in masked errors. */
  requestId: string;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}
