/**
 * At most one run of a task per key at a time in this process: a caller whose key has a run
 * under way waits for that run instead of starting its own. Two embedded Neo4j started at once
 * (the test run starts one per worker) then share one launcher build and one class-archive
 * recording, whose partial files are named after the process and would collide.
 */
export function singleFlight(): (key: string, task: () => Promise<void>) => Promise<void> {
  const running = new Map<string, Promise<void>>();
  return (key, task) => {
    let run = running.get(key);
    if (!run) {
      run = task().finally(() => running.delete(key));
      running.set(key, run);
    }
    return run;
  };
}
