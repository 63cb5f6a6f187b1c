import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, the real page's engine in these tests. */
export const CHROMIUM = '/usr/bin/chromium';

/** Headless Chromium as every page test starts it: no sandbox, GPU, updates or network chatter. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}
