import type { Io } from './io.js';

/** A one-line progress bar on stderr when it is a terminal; silent otherwise. */
export function progressBar(io: Io, label: string, total: number): { tick(): void; done(): void } {
  if (!io.interactive || total === 0) return { tick: () => undefined, done: () => undefined };
  let n = 0;
  let lastDrawn = -1;
  const draw = (): void => {
    const width = 30;
    const filled = Math.round((n / total) * width);
    if (filled === lastDrawn && n !== total) return;
    lastDrawn = filled;
    (io.status ?? io.err)(`\r${label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${n}/${total}`);
  };
  draw();
  return {
    tick() {
      n++;
      draw();
    },
    done() {
      io.err('\n');
    },
  };
}

/** A running count on stderr when it is a terminal (the total is not known in advance); silent otherwise. */
export function progressCounter(io: Io, label: string): { tick(): void; done(): void } {
  if (!io.interactive) return { tick: () => undefined, done: () => undefined };
  let n = 0;
  const draw = (): void => (io.status ?? io.err)(`\r${label} ${n}`);
  return {
    tick() {
      n++;
      if (n < 100 || n % 10 === 0) draw();
    },
    done() {
      if (n > 0) {
        draw();
        io.err('\n');
      }
    },
  };
}
