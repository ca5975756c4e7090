/**
 * Every TaskType the SDK's declarations name: TaskSimpleInfo's list (DescribeTasks) and the types
 * DescribeTaskDetail has a result object for (`tencentcloud-sdk-nodejs-vod`, vod_models.d.ts).
 * Upstream may add types: an unknown name is still a valid filter, only marked as unknown.
 */
export const KNOWN_TASK_TYPES = [
  "Procedure", "EditMedia", "ReduceMediaBitrate", "WechatDistribute", "ReviewAudioVideo",
  // The 2017 types DescribeTasks still reports.
  "Transcode", "SnapshotByTimeOffset", "Concat", "Clip", "ImageSprites", "ImageSprite",
  "WechatPublish", "ComposeMedia", "SplitMedia", "WechatMiniProgramPublish", "PullUpload", "RemoveWatermark",
  "RebuildMedia", "ExtractTraceWatermark", "ExtractCopyRightWatermark", "ExtractBlindWatermark", "DescribeFileAttributes",
  "QualityInspect", "QualityEnhance", "ComplexAdaptiveDynamicStreaming", "ProcessMediaByMPS", "ProcessImageAsync",
  "ImportMediaKnowledge", "AigcImageTask", "AigcVideoTask", "AigcVideoRedrawTask", "AigcAudioTask", "SceneAigcImageTask",
  "SceneAigcVideoTask", "CreateAigcAdvancedCustomElement", "CreateAigcCustomVoice", "CreateAigcSubject",
] as const;

const BY_LOWER_CASE: ReadonlyMap<string, string> = new Map(KNOWN_TASK_TYPES.map((name) => [name.toLowerCase(), name]));

/** The known TaskType spelled as upstream spells it (`procedure` → `Procedure`), or null for a name it does not know. */
export function knownTaskType(text: string): string | null {
  return BY_LOWER_CASE.get(text.trim().toLowerCase()) ?? null;
}

/** What a type filter matches: the known name whatever its case, else the text exactly as given. */
export function canonicalTaskType(text: string): string {
  return knownTaskType(text) ?? text.trim();
}
