// A process that writes to a store until it is killed, for the crash test (lib/store/crash.test.ts):
// it prints "acked N" after each committed batch, N counting every task committed so far.
import { parseDatabaseUrl } from "@/lib/config/database-url";
import { openStore } from "@/lib/store/open-store";
import type { TaskRow } from "@/lib/store/task-row";

const store = await openStore(parseDatabaseUrl(process.argv[2]));
const T0 = Date.UTC(2026, 10, 28);
let acked = 0;
for (let batch = 0; ; batch++) {
  const rows: TaskRow[] = Array.from({ length: 500 }, (_, i) => ({
    taskId: `crash-${batch}-${i}`, subAppId: 1, taskType: "Procedure", status: "FINISH", fileId: `f${i}`, createTime: T0 + batch * 1_000 + i,
    beginTime: T0, finishTime: T0 + 1, sessionId: "s".repeat(100), sessionContext: "c".repeat(300), outcome: "success", errorCode: null, message: "",
  }));
  await store.write(rows, new Map([[1, { createdUpTo: T0 + batch, finishedSince: T0 + batch }]]));
  acked += rows.length;
  process.stdout.write(`acked ${acked}\n`);
}
