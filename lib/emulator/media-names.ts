// What a file is called: a pure function of (seed, file number), so the same FileId always has the
// same name, and the names read like a media library's (`launch-trailer-4k.mp4`, `lecture-07.mov`).
import { hash32, mulberry32 } from "./random";

const SUBJECTS = [
  "launch-trailer", "lecture", "product-demo", "webinar", "interview", "keynote", "tutorial", "town-hall",
  "sprint-review", "wedding-highlights", "match-recap", "cooking-show", "news-bulletin", "podcast", "onboarding",
  "concert", "drone-footage", "ad-spot", "customer-story", "course-intro",
] as const;
const VIDEO_EXTENSIONS = ["mp4", "mp4", "mp4", "mov", "mov", "mkv", "mxf", "flv", "webm"] as const;
const AUDIO_EXTENSIONS = ["m4a", "mp3", "wav"] as const;

function pick<T>(rand: () => number, values: readonly T[]): T {
  return values[Math.floor(rand() * values.length)];
}

const two = (n: number) => String(n).padStart(2, "0");

/** The part after the subject: a resolution, a number, a version, a take, or a date; sometimes none. */
function suffix(rand: () => number): string {
  const kind = Math.floor(rand() * 6);
  if (kind === 0) return `-${pick(rand, ["4k", "1080p", "720p", "hdr"])}`;
  if (kind === 1) return `-${two(1 + Math.floor(rand() * 40))}`;
  if (kind === 2) return `-v${1 + Math.floor(rand() * 5)}`;
  if (kind === 3) return `-take${1 + Math.floor(rand() * 9)}`;
  if (kind === 4) return `-2026-${two(1 + Math.floor(rand() * 12))}-${two(1 + Math.floor(rand() * 28))}`;
  return "";
}

export interface MediaNaming {
  name: string;
  /** The container, as BasicInfo.Type says it. */
  type: string;
  category: "Video" | "Audio";
}

/** The file's name, container and category; about one file in eight is in Title Case, as people upload them. */
export function mediaNaming(seed: number, fileNum: number): MediaNaming {
  const rand = mulberry32(hash32(seed, fileNum % 2 ** 24, Math.floor(fileNum / 2 ** 24), 0x6e61));
  const subject = pick(rand, SUBJECTS);
  const audio = subject === "podcast" || rand() < 0.04;
  const type = audio ? pick(rand, AUDIO_EXTENSIONS) : pick(rand, VIDEO_EXTENSIONS);
  let stem = `${subject}${suffix(rand)}`;
  if (rand() < 0.125) stem = stem.split("-").map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("-");
  return { name: `${stem}.${type}`, type, category: audio ? "Audio" : "Video" };
}
