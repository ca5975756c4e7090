// Identifier formats. IDs are derived from a task's position in the generated stream, and decode back
// to it, so the emulator needs no string-keyed table for a million tasks.
import { hash32, scramble48, unscramble48 } from "./random";
import { TASK_TYPES, TYPE_BY_SLUG, TYPE_RANK } from "./task-types";

const TWO48 = 2 ** 48;
/** Arrivals per hour are numbered below this; the hour number sits above it. */
export const HOUR_STRIDE = 2 ** 20;

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, "0");
}

/** Position of a task in the arrival stream, as a 48-bit number: hour * HOUR_STRIDE + arrival within hour. */
export function streamPosition(hour: number, k: number): number {
  return hour * HOUR_STRIDE + k;
}

/** The number that orders tasks of one SubAppId as their TaskIds sort as strings. */
export function tieKey(type: number, scrambled: number): number {
  return TYPE_RANK[type] * TWO48 + scrambled;
}

export function scrambledOf(tie: number): number {
  return tie % TWO48;
}

export function formatTaskId(seed: number, subAppId: number, type: number, scrambled: number): string {
  const lo = scrambled % 2 ** 24;
  const hi = Math.floor(scrambled / 2 ** 24);
  const tail = hex(hash32(seed, lo, hi, 1), 8) + hex(hash32(seed, lo, hi, 2), 8) + hex(hash32(seed, lo, hi, 3) & 0xffff, 4);
  return `${subAppId}-${TASK_TYPES[type].slug}-${hex(scrambled, 12)}${tail}`;
}

export interface ParsedTaskId {
  subAppId: number;
  type: number;
  scrambled: number;
  hour: number;
  k: number;
}

const TASK_ID = /^(\d{1,15})-([A-Za-z0-9]+)-([0-9a-f]{12})[0-9a-f]{20}$/;

/** Decodes a TaskId; the caller still checks it against the task found, so forged tails fail. */
export function decodeTaskId(id: string, seed: number): ParsedTaskId | null {
  const m = TASK_ID.exec(id);
  if (!m) return null;
  const type = TYPE_BY_SLUG.get(m[2]);
  if (type === undefined) return null;
  const scrambled = parseInt(m[3], 16);
  const pos = unscramble48(scrambled, taskKey(seed));
  return { subAppId: Number(m[1]), type, scrambled, hour: Math.floor(pos / HOUR_STRIDE), k: pos % HOUR_STRIDE };
}

export function taskKey(seed: number): number {
  return hash32(seed, 0x7a5c);
}

export function scrambleTask(seed: number, hour: number, k: number): number {
  return scramble48(streamPosition(hour, k), taskKey(seed));
}

/** Files are numbered hour * FILE_STRIDE + j by the hour they were uploaded in. */
export const FILE_STRIDE = 4096;

function fileKey(seed: number): number {
  return hash32(seed, 0xf11e);
}

/** FileIds look like upstream's 19-digit numbers. */
export function formatFileId(seed: number, fileNum: number): string {
  return "5285" + String(scramble48(fileNum, fileKey(seed))).padStart(15, "0");
}

export function parseFileId(fileId: string, seed: number): number | null {
  if (!/^5285\d{15}$/.test(fileId)) return null;
  const y = Number(fileId.slice(4));
  if (y >= TWO48) return null;
  return unscramble48(y, fileKey(seed));
}

/** Session numbers are 1-based; 0 means the task was submitted without a session. */
export function formatSession(seed: number, session: number): { sessionId: string; sessionContext: string } {
  if (session === 0) return { sessionId: "", sessionContext: "" };
  const h = hash32(seed, session, 5);
  return {
    sessionId: `batch-${hex(h, 8)}`,
    sessionContext: JSON.stringify({ batch: session % 1_000_000, source: h % 3 === 0 ? "api" : "console" }),
  };
}
