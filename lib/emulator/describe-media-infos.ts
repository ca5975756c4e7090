// DescribeMediaInfos: up to 20 FileIds of one application; the files it holds come back in
// MediaInfoSet (BasicInfo unless Filters leaves it out), the others in NotExistFileIdSet.
import type { DescribeMediaInfosResponse, MediaInfo } from "../vod/wire";
import { invalidValue, missing } from "./api-errors";
import { resolvePartition } from "./describe-tasks";
import { formatFileId, parseFileId } from "./ids";
import { mediaNaming } from "./media-names";
import { type Body, formatTime, rejectUnknown } from "./params";
import type { Partition } from "./partition";
import { hash32 } from "./random";
import type { TaskStore } from "./store";

/** FileIds.N counts from 0 to 19. */
export const MAX_MEDIA_INFO_IDS = 20;

/** Every info set the SDK documents; the emulator fills basicInfo and leaves the others null. */
const FILTERS = [
  "basicInfo", "metaData", "transcodeInfo", "animatedGraphicsInfo", "imageSpriteInfo", "snapshotByTimeOffsetInfo",
  "sampleSnapshotInfo", "keyFrameDescInfo", "adaptiveDynamicStreamingInfo", "miniProgramReviewInfo", "subtitleInfo",
  "reviewInfo", "mpsAiMediaInfo", "knowledgeBasesInfo",
];

function stringList(body: Body, name: string): string[] | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) throw invalidValue(name, "a list of strings is expected.");
  return value as string[];
}

export function describeMediaInfos(store: TaskStore, body: Body): DescribeMediaInfosResponse {
  rejectUnknown(body, ["FileIds", "SubAppId", "Filters"]);
  const fileIds = stringList(body, "FileIds");
  if (fileIds === undefined || fileIds.length === 0) throw missing("FileIds");
  if (fileIds.length > MAX_MEDIA_INFO_IDS) throw invalidValue("FileIds", `at most ${MAX_MEDIA_INFO_IDS} file IDs in one request.`);
  const filters = stringList(body, "Filters");
  const unknownFilter = filters?.find((filter) => !FILTERS.includes(filter));
  if (unknownFilter !== undefined) throw invalidValue("Filters", `unknown information \`${unknownFilter}\`.`);
  const part = resolvePartition(store, body);
  const withBasicInfo = filters === undefined || filters.length === 0 || filters.includes("basicInfo");
  const found: MediaInfo[] = [];
  const missingIds: string[] = [];
  for (const fileId of new Set(fileIds)) {
    const fileNum = parseFileId(fileId, store.seed);
    const tasks = fileNum === null ? undefined : part.files.get(fileNum);
    // A forged number can decode to a real file; only the canonical spelling names it.
    if (fileNum === null || !tasks || formatFileId(store.seed, fileNum) !== fileId) missingIds.push(fileId);
    else found.push({ FileId: fileId, ...(withBasicInfo ? { BasicInfo: basicInfo(store.seed, part, fileNum, tasks[0]) } : {}) });
  }
  return { MediaInfoSet: found, NotExistFileIdSet: missingIds };
}

function basicInfo(seed: number, part: Partition, fileNum: number, firstTask: number): NonNullable<MediaInfo["BasicInfo"]> {
  const { name, type, category } = mediaNaming(seed, fileNum);
  // Uploaded shortly before its first task; updated by that task.
  const uploaded = part.create[firstTask] - 5 - (hash32(seed, fileNum, 0x75) % 300);
  const path = `/${part.subAppId}/${String(fileNum).padStart(12, "0")}/${name}`;
  return {
    Name: name, Description: "", CreateTime: formatTime(uploaded), UpdateTime: formatTime(part.create[firstTask]),
    ExpireTime: "9999-12-31T23:59:59Z", ClassId: 0, ClassName: "Other", ClassPath: "", CoverUrl: "", Type: type,
    MediaUrl: `https://emulator.vod.example${path}`, StorageRegion: "ap-guangzhou", StoragePath: path, TagSet: [], Vid: "",
    Category: category, Status: "Normal", StorageClass: "STANDARD",
  };
}
