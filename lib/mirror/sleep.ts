/** A pause that never keeps the process alive on its own (background work must not block exit). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref?.());
}
