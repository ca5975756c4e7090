type Level = "info" | "warn" | "error";

const secrets = new Set<string>();

/** Registers a value that must never be written to a log line (credentials). */
export function redactFromLogs(value: string | undefined): void {
  if (value && value.length >= 4) secrets.add(value);
}

function redact(line: string): string {
  let out = line;
  for (const secret of secrets) out = out.split(secret).join("[redacted]");
  return out;
}

/**
 * Runs everything the process writes to stdout and stderr through the same redaction, so that a
 * line written by a library or by Next.js itself cannot carry a credential either.
 */
export function redactProcessOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) =>
      write(secrets.size > 0 && (typeof chunk === "string" || Buffer.isBuffer(chunk)) ? redact(chunk.toString()) : chunk, ...rest)) as typeof stream.write;
  }
}

let sink: (line: string) => void = (line) => process.stdout.write(`${line}\n`);

/** Lets tests collect log lines instead of printing them. */
export function setLogSink(next: (line: string) => void): () => void {
  const previous = sink;
  sink = next;
  return () => {
    sink = previous;
  };
}

/** One structured line per event: JSON with time, level and message first. */
export function logEvent(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  if (process.env.VOD_LOG === "silent") return;
  sink(redact(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields })));
}
