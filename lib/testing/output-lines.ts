import type { ChildProcess } from "node:child_process";

/**
 * Every line a child process writes, on stdout and stderr, appended to `lines` as it arrives; a
 * last line without its newline is added when its stream ends. Tests read them to see what a
 * server said (its start-up error, its logs) without waiting for it to exit.
 */
export function collectLines(child: ChildProcess, lines: string[]): void {
  for (const stream of [child.stdout, child.stderr]) {
    let rest = "";
    stream?.on("data", (chunk: Buffer) => {
      const parts = (rest + chunk.toString("utf8")).split("\n");
      rest = parts.pop() ?? "";
      lines.push(...parts);
    });
    stream?.on("end", () => rest && lines.push(rest));
  }
}
