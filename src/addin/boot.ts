import { addinText, BOOT_WAIT_SECONDS, type AddinCode } from './messages.js';

/**
 * The first script of the page, on its own and before office.js: if the pane is not connected
 * to Excel a few seconds later, it says which of the three failed and what to check — office.js
 * did not load, the pane's own script did not run (an old engine, a file damaged on the way), or
 * Excel never answered — instead of leaving "正在连接 Excel……" on screen for ever.
 * It needs no polyfill: it runs where the pane's script may not.
 */

interface BootState {
  /** The pane's script ran to its end (taskpane.ts sets it). */
  paneStarted: boolean;
  /** Office.onReady called back (taskpane.ts sets it). */
  ready: boolean;
  /** Script errors and resources that failed to load, as the browser reported them. */
  readonly errors: string[];
}

declare global {
  interface Window {
    kpdBoot?: BootState;
  }
}

const state: BootState = { paneStarted: false, ready: false, errors: [] };
window.kpdBoot = state;

// In the capture phase the window also hears of scripts that failed to load (office.js missing).
window.addEventListener(
  'error',
  (e) => {
    const target = e.target as { src?: string } | null;
    if (target && target !== (window as unknown) && typeof target.src === 'string')
      state.errors.push(target.src);
    else if (e.message) state.errors.push(e.message);
  },
  true,
);

function say(text: string): void {
  let status = document.getElementById('status');
  if (!status) {
    // The page is still waiting for a script in <head>: show the message above everything.
    status = document.createElement('div');
    status.id = 'status';
    (document.body ?? document.documentElement).appendChild(status);
  }
  status.textContent = text;
  status.className = 'bad';
}

/** A page-relative address made absolute (IE11 has no URL constructor; a link resolves it). */
function absolute(path: string): string {
  const a = document.createElement('a');
  a.href = path;
  return a.href;
}

window.setTimeout(() => {
  if (state.ready) return;
  // Office's language is not known yet: Chinese, and English after it where the browser is English.
  const english = /^en/i.test(navigator.language || '');
  const both = (code: AddinCode, params: Readonly<Record<string, string | number>>): string =>
    english
      ? `${addinText(code, 'zh', params)}\n${addinText(code, 'en', params)}`
      : addinText(code, 'zh', params);
  if (typeof Office === 'undefined')
    say(both('boot.officeJsMissing', { url: absolute('office-js/office.js') }));
  else if (!state.paneStarted || state.errors.length > 0)
    say(both('boot.scriptFailed', { detail: state.errors[0] ?? 'taskpane.js' }));
  else say(both('boot.hostSilent', { seconds: BOOT_WAIT_SECONDS }));
}, BOOT_WAIT_SECONDS * 1000);
