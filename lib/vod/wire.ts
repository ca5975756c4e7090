// The upstream's wire shapes, taken from the official SDK so that the emulator and the gateway
// speak exactly what Tencent Cloud's VOD API 2018-07-17 speaks.
export type {
  DescribeMediaInfosRequest,
  DescribeMediaInfosResponse,
  DescribeTaskDetailRequest,
  DescribeTaskDetailResponse,
  DescribeTasksRequest,
  DescribeTasksResponse,
  EditMediaTask,
  MediaInfo,
  MediaProcessTaskResult,
  MediaProcessTaskTranscodeResult,
  ProcedureTask,
  SortBy,
  TaskSimpleInfo,
  TimeRange,
} from "tencentcloud-sdk-nodejs-vod/tencentcloud/services/vod/v20180717/vod_models";

export const VOD_API_VERSION = "2018-07-17";

/** The only actions this product ever calls, and the only ones the emulator answers. */
export const VOD_ACTIONS = ["DescribeTasks", "DescribeTaskDetail", "DescribeMediaInfos"] as const;
export type VodAction = (typeof VOD_ACTIONS)[number];

/** Upstream's spelling of "this time has not happened yet". */
export const ZERO_TIME = "0001-01-01T00:00:00Z";

/** The most rows one DescribeTasks page may hold. */
export const MAX_PAGE_SIZE = 100;
/** How far back DescribeTasks can see. */
export const WINDOW_MS = 72 * 3600_000;
