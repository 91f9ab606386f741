import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../../bin/symphainy.js', import.meta.url));

export interface ServeLine {
  event?: string;
  [field: string]: unknown;
}

export interface ServeProcess {
  url: string;
  child: ChildProcess;
  /** Every JSON line the server printed so far (its own events and the functions' logs). */
  lines: ServeLine[];
  stderr(): string;
  /** Resolves with the first line of this event the server prints (or has printed). */
  waitForLine(event: string, timeoutMs?: number): Promise<ServeLine>;
  /** Sends the signal and resolves with the exit code once the process is gone. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  exited: Promise<number | null>;
}

const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 45_000;

/** Starts `symphainy serve --json` on an ephemeral port of 127.0.0.1, as a user would, and waits for it to listen. */
export async function startServe(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', '--host', '127.0.0.1', '--port', '0', '--json', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // If the test process dies first, the server must not outlive it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const lines: ServeLine[] = [];
  const lineWaiters: { event: string; resolve: (line: ServeLine) => void }[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      process.off('exit', killOnExit);
      resolve(code);
    }),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not listen within ${START_TIMEOUT_MS} ms; stderr: ${stderr}`)), START_TIMEOUT_MS);
    createInterface({ input: child.stdout! }).on('line', (text) => {
      let line: ServeLine;
      try {
        line = JSON.parse(text) as ServeLine;
      } catch {
        line = { text };
      }
      lines.push(line);
      for (const waiter of lineWaiters.filter((w) => w.event === line.event)) {
        lineWaiters.splice(lineWaiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
      if (line.event === 'listening') {
        clearTimeout(timer);
        resolve(String(line.url));
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before listening; stderr: ${stderr}; stdout: ${JSON.stringify(lines)}`));
    });
  });
  return {
    url,
    child,
    lines,
    stderr: () => stderr,
    exited,
    waitForLine(event, timeoutMs = 30_000) {
      const seen = lines.find((l) => l.event === event);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`serve printed no "${event}" line within ${timeoutMs} ms`)), timeoutMs);
        lineWaiters.push({ event, resolve: (line) => (clearTimeout(timer), resolve(line)) });
      });
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
