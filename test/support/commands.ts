/** Stand-ins for a machine that lacks some commands. */
import { execFileSync } from 'node:child_process';
import { mkdtemp, symlink } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A new folder under `parent` holding links to just the named commands, to stand for a PATH
 * that lacks the rest.
 */
export async function pathWith(parent: string, ...commands: string[]): Promise<string> {
  const dir = await mkdtemp(join(parent, 'bin-'));
  for (const command of commands) {
    const target = execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim();
    await symlink(target, join(dir, command));
  }
  return dir;
}
