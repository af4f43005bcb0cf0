/** What a measurement module provides, and what the runner gives it. */
import type { Figure } from './figure';

export interface BenchEnv {
  /** The demo and fixture server (scripts/demo-server.mjs): `/` is the demo webinar, `/fixtures/` the e2e pages. */
  origin: string;
}

export interface Measurement {
  /** Said on stderr while it runs. */
  title: string;
  /** Figures by the name they get in the printed JSON. */
  run(env: BenchEnv): Promise<Record<string, Figure>>;
}

/** Progress goes to stderr: stdout carries the JSON only. */
export function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}
