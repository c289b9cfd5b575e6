/**
 * Headless Chromium for browser tests: Debian's chromium package, driven by playwright-core
 * (no browser download: `playwright install` is never run).
 */
import { accessSync, constants } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** The Chromium executable: $CHROMIUM_PATH if set, else Debian's; throws if it is missing. */
export function chromiumExecutable(): string {
  const executable = process.env.CHROMIUM_PATH || DEBIAN_CHROMIUM;
  try {
    accessSync(executable, constants.X_OK);
  } catch {
    throw new Error(
      `no Chromium executable at ${executable}: install Debian's chromium package ` +
        '(apt-get install chromium) or set CHROMIUM_PATH to a Chromium executable',
    );
  }
  return executable;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumExecutable(),
    // Tests run as root, and Chromium will not start its sandbox as root.
    args: ['--no-sandbox'],
  });
}
