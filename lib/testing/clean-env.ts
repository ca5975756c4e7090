import { setLogSink } from "@/lib/log";

// Unit tests set the configuration they need themselves: whatever the shell exported (live
// credentials, another endpoint, other SubAppIds, a database) must not change their answers.
for (const name of Object.keys(process.env)) {
  if (/^(TENCENTCLOUD_|VOD_|DASHBOARD_|OIDC_|ALERT_|METRICS_)/.test(name) || name === "DATABASE_URL" || name === "HOST") delete process.env[name];
}
// Quiet by default; a test that reads the log sets a sink of its own.
setLogSink(() => {});
