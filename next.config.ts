import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The SDK uses node-fetch and dynamic requires; keep it out of the server bundle.
  serverExternalPackages: ["tencentcloud-sdk-nodejs-vod", "tencentcloud-sdk-nodejs-common"],
};

export default nextConfig;
