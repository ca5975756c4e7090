import { z } from "zod";

// Upstream marks many fields "may be null"; absent and null both read as "not given".
const text = z.string().nullish().transform((value) => value ?? "");

export const taskSimpleInfoShape = z.looseObject({
  TaskId: z.string().min(1),
  TaskType: text,
  Status: text,
  FileId: text,
  CreateTime: text,
  BeginProcessTime: text,
  FinishTime: text,
  SessionId: text,
  SessionContext: text,
});

export const describeTasksShape = z.looseObject({
  TaskSet: z.array(taskSimpleInfoShape).nullish().transform((tasks) => tasks ?? []),
  ScrollToken: text,
  RequestId: text,
});

export const describeTaskDetailShape = z.looseObject({
  TaskType: z.string().min(1),
  Status: z.string().min(1),
  CreateTime: text,
  BeginProcessTime: text,
  FinishTime: text,
  RequestId: text,
});

const mediaInfoShape = z.looseObject({
  FileId: z.string().min(1),
  BasicInfo: z.looseObject({ Name: text }).nullish(),
});

export const describeMediaInfosShape = z.looseObject({
  MediaInfoSet: z.array(mediaInfoShape).nullish().transform((infos) => infos ?? []),
  NotExistFileIdSet: z.array(z.string()).nullish().transform((ids) => ids ?? []),
  RequestId: text,
});

export type UpstreamTask = z.infer<typeof taskSimpleInfoShape>;
export type UpstreamTaskPage = z.infer<typeof describeTasksShape>;
export type UpstreamTaskDetail = z.infer<typeof describeTaskDetailShape> & Record<string, unknown>;
export type UpstreamMediaInfos = z.infer<typeof describeMediaInfosShape>;
