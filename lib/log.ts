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
