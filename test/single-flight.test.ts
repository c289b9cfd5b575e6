/** singleFlight: callers of one key share the run under way; other keys and later calls run anew. */
import { describe, expect, it } from 'vitest';
import { singleFlight } from '../src/neo4j/embedded/single-flight.js';

describe('singleFlight', () => {
  it('runs a key once for the callers that come while it runs, and again after it ends', async () => {
    const oneAtATime = singleFlight();
    const runs: string[] = [];
    let finish!: () => void;
    const task = (key: string) => () => {
      runs.push(key);
      return new Promise<void>((resolve) => (finish = resolve));
    };
    const first = oneAtATime('launcher', task('launcher'));
    const second = oneAtATime('launcher', task('launcher'));
    expect(runs).toEqual(['launcher']);
    finish();
    await Promise.all([first, second]);

    const third = oneAtATime('launcher', task('launcher'));
    expect(runs).toEqual(['launcher', 'launcher']);
    finish();
    await third;
  });

  it('runs different keys side by side, and lets a failed run be tried again', async () => {
    const oneAtATime = singleFlight();
    const runs: string[] = [];
    const failing = oneAtATime('a', async () => {
      runs.push('a');
      throw new Error('no mvn');
    });
    const other = oneAtATime('b', async () => void runs.push('b'));
    await expect(failing).rejects.toThrow('no mvn');
    await other;
    await oneAtATime('a', async () => void runs.push('a'));
    expect(runs).toEqual(['a', 'b', 'a']);
  });
});
